import type { ReactNode } from 'react';

/**
 * A captioned table in a region of its own that scrolls sideways at phone width, so the page
 * never does. The region is named by the caption and focusable, so keyboard users can scroll it
 * too (WCAG 2.1.1) and axe's `scrollable-region-focusable` holds.
 */
export function ScrollTable({
  id,
  caption,
  children,
  className,
  tableClassName,
  captionClassName,
}: {
  /** Unique on the page: the caption gets `${id}-caption`. */
  id: string;
  caption: ReactNode;
  /** The table's head and body. */
  children: ReactNode;
  className?: string;
  tableClassName?: string;
  /** `visually-hidden` where a figure's own caption already shows the name. */
  captionClassName?: string;
}) {
  const captionId = `${id}-caption`;
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1)
    <section className={className ? `table-wrap ${className}` : 'table-wrap'} aria-labelledby={captionId} tabIndex={0}>
      <table className={tableClassName}>
        <caption id={captionId} className={captionClassName}>
          {caption}
        </caption>
        {children}
      </table>
    </section>
  );
}

/**
 * Renders a translatable field in the reader's language or openly as a fallback: the block keeps
 * its own `lang` and `dir="auto"` (a French description on an Arabic page reads left to right) and
 * a note names the language shown.
 */
import type { ElementType, ReactNode } from 'react';
import { useLocale, useT } from '../i18n/react.tsx';
import { displayText, type TranslatableValue } from '../i18n/translatable.ts';

interface Props {
  value: TranslatableValue | null | undefined;
  sourceLocale?: string | null;
  /** Element to render the text in (`span` by default; `p`, `h1`...). */
  as?: ElementType;
  className?: string;
  /** Shown when there is no text in any language. */
  empty?: ReactNode;
}

export function TranslatedText({ value, sourceLocale, as: Tag = 'span', className, empty = null }: Props) {
  const locale = useLocale();
  const t = useT();
  const shown = displayText(value, locale, sourceLocale);
  if (!shown) return <>{empty}</>;
  return (
    <>
      <Tag className={className} lang={shown.isFallback ? shown.lang : undefined} dir="auto">
        {shown.text}
      </Tag>
      {shown.isFallback ? (
        <span className="fallback-note"> {t('shell.fallback.note', { language: t(`shell.language.${shown.lang}`) })}</span>
      ) : null}
    </>
  );
}

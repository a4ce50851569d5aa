/**
 * Client-side navigation for the plain links inside one element. React Router's `<Link>`
 * resolves its path and builds its click handler on every render; a page with a hundred links
 * whose addresses are already absolute (the directory's facets, chips, pages and cards) pays
 * that for nothing on the server. Plain `<a href>` renders for free and works without
 * JavaScript; this one listener, on their container, turns a plain left click on a same-origin
 * link into a React Router navigation once the page is hydrated. Links with `download`, a
 * `target` or `data-reload` are left to the browser; `data-keep-scroll` keeps the scroll
 * position (`preventScrollReset`), as a facet click should.
 */
import { type RefObject, useEffect, useRef } from 'react';
import { useNavigate } from 'react-router';

export function useClientNavigation<T extends HTMLElement>(): RefObject<T | null> {
  const container = useRef<T>(null);
  const navigate = useNavigate();
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const link = event.target instanceof Element ? event.target.closest('a') : null;
      if (!link || !element.contains(link) || link.hasAttribute('download') || link.target || 'reload' in link.dataset) return;
      const url = new URL(link.href, window.location.href);
      if (url.origin !== window.location.origin) return;
      event.preventDefault();
      void navigate(`${url.pathname}${url.search}${url.hash}`, { preventScrollReset: 'keepScroll' in link.dataset });
    };
    element.addEventListener('click', onClick);
    return () => element.removeEventListener('click', onClick);
  }, [navigate]);
  return container;
}

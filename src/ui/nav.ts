/**
 * Moving between pages without reloading: links push a new query string and the app re-reads it
 * (the same path a deep link or the back button takes).
 */
import type { MouseEvent } from 'react';

/** Go to an address of the app in place (what a plain click on one of its links does). */
export function navigate(search: string): void {
  if (search === window.location.search) return;
  window.history.pushState(null, '', search || window.location.pathname);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

/** onClick for an <a href="?…">: a plain click navigates in place; modified clicks open as usual. */
export function onLinkClick(e: MouseEvent<HTMLAnchorElement>): void {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  const href = e.currentTarget.getAttribute('href');
  if (!href || !href.startsWith('?')) return;
  e.preventDefault();
  navigate(href);
}

/**
 * Moving between pages without reloading. Each page has an address of its own (`/`, `/level-2/`,
 * `/load-lab/`; the link module's linkPath.ts): a link pushes the new address, and whatever reads
 * the address — the shell's page, the lab's link reader — hears it as the back button's popstate.
 * When the lab rewrites the address in place (the view moved on; a link named another page), it
 * says so through `replaceAddress`, so the shell follows.
 */
import type { MouseEvent } from 'react';

const listeners = new Set<() => void>();

/** Hear every change of address: links, back/forward, and the lab's rewrites. */
export function onAddressChange(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

/** Whether the address carries words of a link (a story, a moment, a file…) beyond its page. */
export const hasLinkWords = (): boolean => window.location.search.length > 1 || window.location.hash.includes('=');

const here = () => window.location.pathname + window.location.search + window.location.hash;

/** Go to an address of the lab (as a link does): a new history entry, read as back/forward is. */
export function navigate(address: string): void {
  if (address === here()) return;
  window.history.pushState(null, '', address);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

/** Rewrite the address in place (no new history entry); the shell follows if the page changed. */
export function replaceAddress(address: string): void {
  if (address === here()) return;
  window.history.replaceState(null, '', address);
  for (const listener of listeners) listener();
}

/** onClick for a link to a page of the lab: a plain click navigates in place; modified clicks open as usual. */
export function onLinkClick(e: MouseEvent<HTMLAnchorElement>): void {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  const href = e.currentTarget.getAttribute('href');
  if (!href || !(href.startsWith('/') || href.startsWith('?')) || href.startsWith('//')) return;
  if (e.currentTarget.target && e.currentTarget.target !== '_self') return;
  e.preventDefault();
  const url = new URL(href, window.location.href);
  navigate(url.pathname + url.search + url.hash);
}

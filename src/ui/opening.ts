/**
 * A link's view on its way: the page's prerendered default view is on screen until the page's
 * code has applied the link, and it is not the view the link asked for. <html data-opening> marks
 * that time; scene.css dims the scene, the transport and the code, and has the caption say so.
 */

/** Mark the page when its address asks for a view (a story, a moment, a file, a run): main.tsx, before hydrating. */
export function markOpening(search: string, hash: string): void {
  if (search.length > 1 || /^#(file|run)=/.test(hash)) document.documentElement.dataset.opening = '';
}

/** The link's view is on the page: the lab has applied it (labRuntime.ts), or a page off the lab has hydrated (App.tsx). */
export function opened(): void {
  delete document.documentElement.dataset.opening;
}

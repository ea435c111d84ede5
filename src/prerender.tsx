/**
 * The server side of the build's prerender (scripts/prerender.ts): each page's first view drawn by
 * React's own `prerender` (react-dom/static), which waits for the page's lazy code, so the HTML
 * holds the whole first view that the browser then hydrates (main.tsx).
 */
import { StrictMode } from 'react';
import { prerender } from 'react-dom/static';
import { App } from './ui/App';

export { ROUTES, routePath } from './ui/routes';
export { pageModule } from './ui/pages';

/** The markup of the page at `path`, as the browser's first render of it will draw it. */
export async function renderPage(path: string): Promise<string> {
  const errors: unknown[] = [];
  const { prelude } = await prerender(
    <StrictMode>
      <App path={path} />
    </StrictMode>,
    {
      onError: (error) => void errors.push(error),
      // Every part in place: no part of the page sent after the rest, to be swapped in by an inline
      // script (which the Content-Security-Policy would refuse).
      progressiveChunkSize: Number.POSITIVE_INFINITY,
    },
  );
  if (errors.length > 0) throw new Error(`prerendering ${path} failed: ${String(errors[0])}`, { cause: errors[0] });
  const html = await new Response(prelude).text();
  if (html.includes('<template') || html.includes('<script'))
    throw new Error(`prerendering ${path}: a part of the page was left to be swapped in by script`);
  return html;
}

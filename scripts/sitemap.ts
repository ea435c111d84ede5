/**
 * `robots.txt` and `sitemap.xml`, from the route table (src/ui/routes.ts) and each page's address as
 * the link module writes it (linkPath.ts, `routePath`): the one list of pages, the same that the
 * prerender writes a page for (scripts/prerender.ts writes these two files beside the pages). The
 * dev server serves them too. A sitemap and the robots file's `Sitemap:` line need absolute
 * addresses: the origin is SITE_ORIGIN at build (e.g. `SITE_ORIGIN=https://pool-lab.example npm
 * run build`), by default the local preview's.
 */
import type { Plugin } from 'vite';
import type * as RoutesModule from '../src/ui/routes.ts';

export const DEFAULT_ORIGIN = 'http://localhost:4173';

export const siteOrigin = (): string => (process.env.SITE_ORIGIN ?? DEFAULT_ORIGIN).replace(/\/+$/, '');

const escapeXml = (s: string) =>
  s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);

/** The pages' absolute addresses, in path order. */
export function pageUrls(routes: Pick<typeof RoutesModule, 'ROUTES' | 'routePath'>, origin: string): string[] {
  return routes.ROUTES.map((r) => new URL(routes.routePath(r), `${origin}/`).href);
}

export function sitemapXml(urls: readonly string[]): string {
  const entries = urls.map((u) => `  <url><loc>${escapeXml(u)}</loc></url>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries}\n</urlset>\n`;
}

export function robotsTxt(origin: string): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${new URL('/sitemap.xml', `${origin}/`).href}\n`;
}

/** The dev server's robots.txt and sitemap.xml (the build's are written by the prerender). */
export function sitemap(): Plugin {
  return {
    name: 'pool-lab:sitemap',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use('/robots.txt', (_req, res) => {
        res.setHeader('Content-Type', 'text/plain; charset=utf-8');
        res.end(robotsTxt(siteOrigin()));
      });
      server.middlewares.use('/sitemap.xml', (_req, res, next) => {
        server.ssrLoadModule('/src/ui/routes.ts').then((routes) => {
          res.setHeader('Content-Type', 'application/xml; charset=utf-8');
          res.end(sitemapXml(pageUrls(routes as typeof RoutesModule, siteOrigin())));
        }, next);
      });
    },
  };
}

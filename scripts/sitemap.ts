/**
 * `robots.txt` and `sitemap.xml`, generated from the route table (src/ui/routes.ts) and each page's
 * address as the link module writes it (src/ui/lib/links.ts `pageHref`): one list of pages, read
 * through Vite so the config stays free of the app. Written into the build and served by the dev
 * server. A sitemap and the robots file's `Sitemap:` line need absolute addresses: the origin is
 * SITE_ORIGIN at build (e.g. `SITE_ORIGIN=https://pool-lab.example npm run build`), by default the
 * local preview's.
 */
import { runnerImport, type Plugin } from 'vite';
import type * as RoutesModule from '../src/ui/routes.ts';
import type * as LinksModule from '../src/ui/lib/links.ts';

export const DEFAULT_ORIGIN = 'http://localhost:4173';

const escapeXml = (s: string) =>
  s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);

/** The pages' absolute addresses, in path order. */
export async function pageUrls(origin: string): Promise<string[]> {
  const load = async <T>(path: string) =>
    (await runnerImport<T>(path, { configFile: false, logLevel: 'silent' })).module;
  const [{ ROUTES }, { pageHref }] = await Promise.all([
    load<typeof RoutesModule>('/src/ui/routes.ts'),
    load<typeof LinksModule>('/src/ui/lib/links.ts'),
  ]);
  return ROUTES.map((r) => new URL(pageHref(r.id), `${origin}/`).href);
}

export function sitemapXml(urls: readonly string[]): string {
  const entries = urls.map((u) => `  <url><loc>${escapeXml(u)}</loc></url>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries}\n</urlset>\n`;
}

export function robotsTxt(origin: string): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${new URL('/sitemap.xml', `${origin}/`).href}\n`;
}

export function sitemap(): Plugin {
  const origin = (process.env.SITE_ORIGIN ?? DEFAULT_ORIGIN).replace(/\/+$/, '');
  return {
    name: 'pool-lab:sitemap',
    configureServer(server) {
      server.middlewares.use('/robots.txt', (_req, res) => {
        res.setHeader('Content-Type', 'text/plain; charset=utf-8');
        res.end(robotsTxt(origin));
      });
      server.middlewares.use('/sitemap.xml', (_req, res, next) => {
        pageUrls(origin).then((urls) => {
          res.setHeader('Content-Type', 'application/xml; charset=utf-8');
          res.end(sitemapXml(urls));
        }, next);
      });
    },
    async generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'robots.txt', source: robotsTxt(origin) });
      this.emitFile({ type: 'asset', fileName: 'sitemap.xml', source: sitemapXml(await pageUrls(origin)) });
    },
  };
}

/**
 * Each page's first view, prerendered into its own HTML at build: after the client build, the
 * pages are drawn by React's own server rendering (src/prerender.tsx, loaded through Vite's module
 * runner with the plugins the sources need) and written as `dist/<page's path>/index.html` from the
 * built index.html (the server is Vite's, in middleware mode, only to load the sources). React's `prerender` rather than a prerender plugin: it is the renderer the app
 * hydrates with, it waits for lazy pages, and it needs nothing more than the build already has.
 *
 * Into each page's HTML go: the markup; the page's title; its stylesheets (the entry's and the
 * page's own chunks') inlined as one <style>, so the first paint waits for no stylesheet and
 * nothing shifts when the page's code arrives; `modulepreload` links for the page's code, so it
 * loads beside the entry rather than after it (not for a lab level, whose code waits for the
 * learner: pages.tsx); and the hashes of that <style> and of the markup's
 * style attributes in the Content-Security-Policy (csp.config.ts), which allows no other inline style.
 * Beside the pages: sitemap.xml and robots.txt of the same list (sitemap.ts).
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { createServer, type Plugin, type ResolvedConfig } from 'vite';
import type * as PrerenderModule from '../src/prerender.tsx';
import { CSP_DIRECTIVES } from '../csp.config.ts';
import { highlightSources } from './highlight.ts';
import { pageUrls, robotsTxt, siteOrigin, sitemapXml } from './sitemap.ts';

interface ManifestChunk {
  readonly file: string;
  readonly imports?: readonly string[];
  readonly dynamicImports?: readonly string[];
  readonly css?: readonly string[];
  readonly isEntry?: boolean;
}
type Manifest = Readonly<Record<string, ManifestChunk>>;

const MANIFEST = '.vite/manifest.json';

/** The page's policy: csp.config.ts's, its inline style and style attributes allowed by their hashes. */
const policyWith = (style: string, attributes: readonly string[]) =>
  Object.entries({
    ...CSP_DIRECTIVES,
    'style-src': [CSP_DIRECTIVES['style-src'], sha256(style), ...(attributes.length > 0 ? ["'unsafe-hashes'"] : [])]
      .concat(attributes.map(sha256))
      .join(' '),
  })
    .map(([name, value]) => `${name} ${value}`)
    .join('; ');
const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** A chunk's static imports, itself first, each once (what loading it fetches). */
function staticClosure(manifest: Manifest, key: string): ManifestChunk[] {
  const seen = new Set<string>();
  const out: ManifestChunk[] = [];
  const visit = (k: string) => {
    if (seen.has(k) || !manifest[k]) return;
    seen.add(k);
    out.push(manifest[k]);
    for (const i of manifest[k].imports ?? []) visit(i);
  };
  visit(key);
  return out;
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** The HTML attribute values of every style="" in the markup, as the browser reads them. */
function styleAttributes(markup: string): string[] {
  const unescape = (s: string) =>
    s
      .replace(/&quot;/g, '"')
      .replace(/&#x27;/g, "'")
      .replace(/&#39;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
  return [...new Set([...markup.matchAll(/\sstyle="([^"]*)"/g)].map((m) => unescape(m[1]!)))];
}

export function prerenderPages(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'pool-lab:prerender',
    apply: 'build',
    config(_user, env) {
      // The client build writes the manifest the prerender reads (and deletes afterwards).
      if (!env.isSsrBuild) return { build: { manifest: MANIFEST } };
    },
    configResolved(resolved) {
      config = resolved;
    },
    async closeBundle() {
      if (config.build.ssr) return;
      const outDir = resolve(config.root, config.build.outDir);
      const server = await createServer({
        configFile: false,
        root: config.root,
        logLevel: 'silent',
        plugins: [highlightSources()],
        server: { middlewareMode: true, hmr: false, ws: false },
        appType: 'custom',
      });
      try {
        await writePages(outDir, (await server.ssrLoadModule('/src/prerender.tsx')) as typeof PrerenderModule);
      } finally {
        await server.close();
      }
    },
  };
}

async function writePages(outDir: string, module: typeof PrerenderModule): Promise<void> {
  const manifest = JSON.parse(await readFile(join(outDir, MANIFEST), 'utf8')) as Manifest;
  const template = await readFile(join(outDir, 'index.html'), 'utf8');
  const entryKey = Object.keys(manifest).find((k) => manifest[k]!.isEntry)!;
  const entryFiles = new Set(staticClosure(manifest, entryKey).map((c) => c.file));
  const cssText = async (files: Iterable<string>) =>
    (await Promise.all([...files].map((f) => readFile(join(outDir, f), 'utf8')))).join('\n');

  for (const route of module.ROUTES) {
    const path = module.routePath(route);
    const markup = await module.renderPage(path);
    const page = module.pageModule(route);
    const chunks = [...staticClosure(manifest, entryKey), ...staticClosure(manifest, page.module)];
    const css = new Set(chunks.flatMap((c) => c.css ?? []));
    const preload = page.preload ? [...new Set(chunks.map((c) => c.file))].filter((f) => !entryFiles.has(f)) : [];
    const style = (await cssText(css)).replace(/<\/style/gi, '<\\/style');
    const html = template
      .replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(`${route.title} — Pool Lab`)}</title>`)
      .replace(/\s*<link rel="stylesheet"[^>]*>/g, '')
      .replace(
        /(<meta http-equiv="Content-Security-Policy" content=")[^"]*(")/,
        (_m, open: string, close: string) => `${open}${escapeHtml(policyWith(style, styleAttributes(markup)))}${close}`,
      )
      // The inlined stylesheets are also named by disabled links (never fetched, never applied): Vite
      // adds a lazy chunk's CSS unless a stylesheet link with its address is in the page, and a second
      // copy of a sheet already inlined would land last in the cascade and change the page under the
      // learner's pointer.
      .replace(
        '</head>',
        `${preload.map((f) => `  <link rel="modulepreload" crossorigin href="/${f}">\n`).join('')}${[...css]
          .map((f) => `  <link rel="stylesheet" href="/${f}" disabled>\n`)
          .join('')}  <style>${style}</style>\n  </head>`,
      )
      .replace('<div id="root"></div>', `<div id="root">${markup}</div>`);
    const file = join(outDir, path, 'index.html');
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, html);
  }
  await writeFile(join(outDir, 'sitemap.xml'), sitemapXml(pageUrls(module, siteOrigin())));
  await writeFile(join(outDir, 'robots.txt'), robotsTxt(siteOrigin()));
  await rm(join(outDir, '.vite'), { recursive: true, force: true });
}

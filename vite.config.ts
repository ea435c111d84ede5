import { runnerImport } from 'vite';
import { defineConfig, type Plugin } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { CSP } from './csp.config.ts';
import { highlightSources } from './scripts/highlight.ts';
import { prerenderPages } from './scripts/prerender.ts';
import { sitemap } from './scripts/sitemap.ts';
import type * as SchemaModule from './scripts/scenarioSchema.ts';

/** Put the Content-Security-Policy first in <head> of the built page (see csp.config.ts). */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'pool-lab:csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: () => [
        { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP }, injectTo: 'head-prepend' },
      ],
    },
  };
}

/**
 * The scenario files' JSON Schema, generated from the engine's own schema (scripts/scenarioSchema.ts,
 * loaded through Vite so the config itself stays free of the engine): written into the build and
 * served by the dev server at /scenario.schema.json. The repository keeps a copy that
 * scripts/scenarioSchema.test.ts holds equal to it.
 */
function scenarioSchema(): Plugin {
  const text = async () => {
    const { module } = await runnerImport<typeof SchemaModule>('/scripts/scenarioSchema.ts', {
      configFile: false,
      logLevel: 'silent',
    });
    return module.scenarioSchemaText();
  };
  return {
    name: 'pool-lab:scenario-schema',
    configureServer(server) {
      server.middlewares.use('/scenario.schema.json', (_req, res, next) => {
        text().then((body) => {
          res.setHeader('Content-Type', 'application/schema+json');
          res.end(body);
        }, next);
      });
    },
    async generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'scenario.schema.json', source: await text() });
    },
  };
}

export default defineConfig({
  plugins: [react(), contentSecurityPolicy(), scenarioSchema(), highlightSources(), sitemap(), prerenderPages()],
  build: { target: 'es2022', sourcemap: false },
  worker: { format: 'es' },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['src/test-setup.ts'],
    pool: 'threads',
    // The property and statistics tests and the golden guard take 1–30 s on a quiet 2-core machine; Vitest's 5 s default
    // turns a busy machine into failures that say nothing about the code.
    testTimeout: 180_000,
  },
});

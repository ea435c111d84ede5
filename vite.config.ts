import { defineConfig, type Plugin } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { CSP } from './csp.config.ts';
import { highlightSources } from './scripts/highlight.ts';

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

export default defineConfig({
  plugins: [react(), contentSecurityPolicy(), highlightSources()],
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

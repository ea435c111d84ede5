/**
 * The Content-Security-Policy the built lab ships in a `<meta>` tag (added by vite.config.ts at
 * build; the dev server, which injects its own inline scripts and styles for hot reload, runs
 * without it). Everything the lab loads comes from its own origin: scripts, styles, the load lab's
 * worker, the level sources (bundled as text). Widen it only with a reason here and a test in
 * e2e/csp.spec.ts.
 *
 * Not in a meta tag, because browsers ignore them there: `frame-ancestors`, `report-uri`,
 * `sandbox`. A server that can send headers should send this policy as a header too, with
 * `frame-ancestors 'none'` added.
 */
export const CSP_DIRECTIVES: Readonly<Record<string, string>> = {
  'default-src': "'self'",
  // No inline script and no eval: the entry is an external module.
  'script-src': "'self'",
  // Style attributes set from script (React's and motion's `style={…}` go through the CSSOM) are
  // not governed by CSP; only <style> elements and style="" in markup are, and we ship none.
  'style-src': "'self'",
  // The favicon and icons are files of our own; `data:` for none.
  'img-src': "'self'",
  'font-src': "'self'",
  'connect-src': "'self'",
  // The load lab's Web Worker is a module file of our own.
  'worker-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'none'",
  'form-action': "'none'",
};

export const CSP = Object.entries(CSP_DIRECTIVES)
  .map(([name, value]) => `${name} ${value}`)
  .join('; ');

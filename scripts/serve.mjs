// Serve a built dist/ with `vite preview` for the measuring scripts, and stop it again.
// Readiness is found by polling the URL until it answers 200 (not by reading the server's output).
import { spawn } from 'node:child_process';

/**
 * Start `vite preview` on `port` for `outDir`; resolves to { url, stop } once the page answers 200.
 * Rejects (after stopping the server) when it does not within `readyMs`.
 */
export async function servePreview({ outDir = 'dist', port, readyMs = 30_000 }) {
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(
    'npx',
    ['vite', 'preview', '--outDir', outDir, '--port', String(port), '--strictPort', '--host', '127.0.0.1'],
    { stdio: ['ignore', 'ignore', 'pipe'], detached: true },
  );
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  let exited = null;
  child.on('exit', (code) => (exited = code ?? -1));
  const stop = async () => {
    if (exited !== null) return;
    try {
      // The server runs in its own process group (detached): end npx and vite together.
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return;
    }
    const gone = new Promise((r) => child.once('exit', r));
    const late = setTimeout(() => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }, 3000);
    await gone;
    clearTimeout(late);
  };
  const deadline = Date.now() + readyMs;
  while (Date.now() < deadline) {
    if (exited !== null) throw new Error(`vite preview stopped (exit ${exited}) before serving ${url}\n${stderr}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.status === 200) return { url, stop };
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop();
  throw new Error(`vite preview did not answer 200 at ${url} within ${readyMs / 1000} s\n${stderr}`);
}

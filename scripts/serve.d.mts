// Types for serve.mjs, for the measuring scripts written in TypeScript.
export function servePreview(options: {
  outDir?: string;
  port: number;
  readyMs?: number;
}): Promise<{ url: string; stop(): Promise<void> }>;

// Types for options.mjs, for the measuring scripts written in TypeScript.
export function arg(name: string, fallback: string): string;
export function flag(name: string): boolean;
export function systemChromium(): string | undefined;

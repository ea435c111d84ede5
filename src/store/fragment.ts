/**
 * The fragment's codec: a whole scenario file in a link, as the base64url of its UTF-8 JSON. The
 * file comes back byte for byte, and is checked exactly as the CLI checks a file (UTF-8 first, then
 * JSON, then the file format's schema), with the same messages.
 *
 * This is the place for a more compact form, should a link need one (a manual run, say): a new
 * fragment key with its own encoder here, and the old key still read.
 */
import { decodeUtf8, parseJson, parseScenario, ScenarioError } from '../engine';
import type { LoadSpec, Scenario } from '../engine';

/** Links carry files of up to this many characters (the lab's longest examples take a few KB). */
export const MAX_FILE_CHARS = 1_000_000;

/** A scenario file read from a link: as its author wrote it, and as the engine reads it. */
export interface LinkedFile {
  readonly json: unknown;
  readonly scenario: Scenario;
  readonly load?: LoadSpec;
}

const BASE64URL = /^[A-Za-z0-9_-]*$/;

/** The fragment text for a file's JSON value. */
export function encodeFile(json: unknown): string {
  const bytes = new TextEncoder().encode(JSON.stringify(json));
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The file a fragment text carries, or what is wrong with it. */
export function decodeFile(text: string): { file: LinkedFile } | { problem: string } {
  if (!BASE64URL.test(text) || text.length % 4 === 1)
    return { problem: 'it is not written in base64url (letters, digits, - and _)' };
  let bytes: Uint8Array;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    return { problem: 'it is not written in base64url (letters, digits, - and _)' };
  }
  return readFile(bytes);
}

/** A scenario file's bytes (a file opened on the page, or a link's), checked as the CLI checks them. */
export function readFile(bytes: Uint8Array): { file: LinkedFile } | { problem: string } {
  try {
    const json = parseJson(decodeUtf8(bytes));
    const { scenario, load } = parseScenario(json);
    return { file: load === undefined ? { json, scenario } : { json, scenario, load } };
  } catch (e) {
    if (e instanceof ScenarioError) return { problem: stepped(e) };
    throw e;
  }
}

/** A file's problem in a step, named as the CLI names it. */
function stepped(e: ScenarioError): string {
  return e.stepIndex === null ? e.message : `step ${e.stepIndex + 1}: ${e.message}`;
}

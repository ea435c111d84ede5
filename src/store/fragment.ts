/**
 * The fragment's codec: a whole scenario file in a link, as the base64url of its UTF-8 JSON. The
 * file comes back byte for byte, and is checked exactly as the CLI checks a file (UTF-8 first, then
 * JSON, then the file format's schema), with the same messages.
 *
 * The second half is the manual run's codec (`#run=`), below.
 */
import { decodeUtf8, parseJson, parseScenario, quote, ScenarioError } from '../engine';
import type { LoadSpec, Scenario, Step, StepKind } from '../engine';

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

// ── the manual run ────────────────────────────────────────────────────────────────────────────

/*
 * A manual run in a link's fragment (`#run=…`): the steps pressed by hand, the sizes chosen, the
 * readers added and "Same instant", in a compact form a person can still read. link.ts owns where
 * it goes in a link; this is its codec.
 *
 *   1~dirty-book~m1_x3~A.a,A.u,A.l,B.a,B.r~C~120
 *   │ │          │     │                   │ └ "Same instant" on, at t = 120 ms (empty: off)
 *   │ │          │     │                   └ readers added who have done nothing yet
 *   │ │          │     └ the steps, in order: reader . kind [* field]…
 *   │ │          └ the sizes (s size, m minSize, x maxSize)
 *   │ └ the story the steps follow (empty: a fresh pool, or the link's file)
 *   └ the version of this form
 *
 * Kinds: a acquire, u use, r read, l release, f fail, w with, k kill, s restart, c close.
 * Fields: `o2` the object, `t12.5` the start time (`at`), `!` a with block that fails, `n…` what
 * Use writes, as base64url UTF-8 — left out when it is the reader's own default note. A name that
 * is not letters and digits is written `*` and its base64url.
 *
 * Decoding checks the form only; what the steps mean is checked as a file's steps are (the store
 * runs them through the file format's schema) and said in one notice.
 */

/** Links carry runs of up to this many characters; a longer run is offered as a file instead. */
export const MAX_RUN_CHARS = 16_000;

export type SizeName = 'size' | 'minSize' | 'maxSize';

export interface ManualRun {
  /** The story the steps follow, or null: a fresh pool (or the file the same link carries). */
  readonly base: string | null;
  readonly sizes: Readonly<Partial<Record<SizeName, number>>>;
  /** The steps added by hand, in order; a Use or With step without `write` writes its reader's default. */
  readonly steps: readonly Step[];
  /** Readers added by hand who have done nothing yet. */
  readonly readers: readonly string[];
  /** "Same instant": the virtual ms the next steps start at, or null when off. */
  readonly same: number | null;
}

const VERSION = '1';
const KINDS: Readonly<Record<StepKind, string>> = {
  acquire: 'a',
  use: 'u',
  read: 'r',
  release: 'l',
  fail: 'f',
  with: 'w',
  kill: 'k',
  restart: 's',
  close: 'c',
};
const KIND_OF = new Map(Object.entries(KINDS).map(([k, c]) => [c, k as StepKind]));
const SIZES: Readonly<Record<SizeName, string>> = { size: 's', minSize: 'm', maxSize: 'x' };
const SIZE_OF = new Map(Object.entries(SIZES).map(([k, c]) => [c, k as SizeName]));

const PLAIN = /^[A-Za-z0-9]+$/;
const STORY = /^[A-Za-z0-9-]+$/;
const NUMBER = /^\d+(\.\d+)?$/;

// ── text as base64url ─────────────────────────────────────────────────────────────────────────

function toBase64url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64url(text: string): string | null {
  if (!BASE64URL.test(text) || text.length % 4 === 1) return null;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  } catch {
    return null;
  }
}

const nameText = (name: string) => (PLAIN.test(name) ? name : `*${toBase64url(name)}`);
const nameFrom = (text: string) =>
  text.startsWith('*') ? fromBase64url(text.slice(1)) : PLAIN.test(text) ? text : null;

/** A number as the run writes it: digits and at most one point (never an exponent). */
function numberText(n: number): string {
  const plain = String(n);
  return /e/i.test(plain) ? n.toFixed(20).replace(/\.?0+$/, '') : plain;
}

// ── encoding ──────────────────────────────────────────────────────────────────────────────────

/**
 * The fragment text for a run. `defaultWrite` gives a reader's own note, which a step that writes
 * it leaves out.
 */
export function encodeRun(run: ManualRun, defaultWrite: (reader: string) => string): string {
  const sizes = (Object.keys(SIZES) as SizeName[])
    .filter((k) => run.sizes[k] !== undefined)
    .map((k) => `${SIZES[k]}${run.sizes[k]}`)
    .join('_');
  const steps = run.steps.map((s) => stepText(s, defaultWrite)).join(',');
  const parts = [
    VERSION,
    run.base ?? '',
    sizes,
    steps,
    run.readers.map(nameText).join(','),
    run.same === null ? '' : numberText(run.same),
  ];
  while (parts.length > 1 && parts.at(-1) === '') parts.pop();
  return parts.join('~');
}

function stepText(step: Step, defaultWrite: (reader: string) => string): string {
  let text = `${step.client === undefined ? '' : nameText(step.client)}.${KINDS[step.do]}`;
  if (step.object !== undefined) text += `*o${step.object}`;
  if (step.fail) text += '*!';
  if (step.write !== undefined && step.write !== defaultWrite(step.client ?? ''))
    text += `*n${toBase64url(step.write)}`;
  if (step.at !== undefined) text += `*t${numberText(step.at)}`;
  return text;
}

// ── decoding ──────────────────────────────────────────────────────────────────────────────────

/** The run a fragment text carries, or what is wrong with its form (one short phrase). */
export function decodeRun(text: string): { run: ManualRun } | { problem: string } {
  const [version, base = '', sizes = '', steps = '', readers = '', same = '', ...rest] = text.split('~');
  if (version !== VERSION) return { problem: `it is not a run this lab writes (it starts ${quoteStart(text)})` };
  if (rest.length > 0) return { problem: 'it has more parts than a run has' };
  if (base !== '' && !STORY.test(base)) return { problem: 'its story is not a story’s name' };

  const sizeOut: Partial<Record<SizeName, number>> = {};
  for (const part of sizes === '' ? [] : sizes.split('_')) {
    const name = SIZE_OF.get(part.charAt(0));
    if (!name || !/^\d{1,7}$/.test(part.slice(1))) return { problem: `its sizes are not sizes (${quoteStart(part)})` };
    sizeOut[name] = Number(part.slice(1));
  }

  const stepOut: Step[] = [];
  for (const [i, token] of (steps === '' ? [] : steps.split(',')).entries()) {
    const step = readStep(token);
    if (step === null) return { problem: `its step ${i + 1} is not a step (${quoteStart(token)})` };
    stepOut.push(step);
  }

  const readerOut: string[] = [];
  for (const r of readers === '' ? [] : readers.split(',')) {
    const name = nameFrom(r);
    if (name === null || name === '') return { problem: `its readers are not names (${quoteStart(r)})` };
    readerOut.push(name);
  }

  if (same !== '' && !NUMBER.test(same)) return { problem: '“Same instant” is not a time' };
  return {
    run: {
      base: base === '' ? null : base,
      sizes: sizeOut,
      steps: stepOut,
      readers: readerOut,
      same: same === '' ? null : Number(same),
    },
  };
}

function readStep(token: string): Step | null {
  const dot = token.indexOf('.');
  if (dot < 0) return null;
  const client = token.slice(0, dot) === '' ? undefined : nameFrom(token.slice(0, dot));
  if (client === null || client === '') return null;
  const [kindText = '', ...fields] = token.slice(dot + 1).split('*');
  const kind = KIND_OF.get(kindText);
  if (kind === undefined) return null;
  const step: { -readonly [K in keyof Step]: Step[K] } = { do: kind };
  if (client !== undefined) step.client = client;
  for (const f of fields) {
    const value = f.slice(1);
    if (f === '!') step.fail = true;
    else if (f.startsWith('o') && /^\d{1,7}$/.test(value)) step.object = Number(value);
    else if (f.startsWith('t') && NUMBER.test(value)) step.at = Number(value);
    else if (f.startsWith('n') && fromBase64url(value) !== null) step.write = fromBase64url(value)!;
    else return null;
  }
  return step;
}

/** The first few characters of what a link held, for a notice (the page quotes it). */
const quoteStart = (text: string) => quote(text, 12);

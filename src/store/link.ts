/**
 * The lab's link format: the one place that reads a link (`readLink`) and the one that writes it
 * (`writeLink`). Every form the README has shown keeps opening the same view (link.test.ts):
 *
 *   ?level=level2&scenario=dirty-book-level2&step=12
 *   ?level=production&scenario=pick-order&off=lock,reset&choices=1,0&step=12
 *   ?level=level2&step=12#file=eyJsZXZlbCI6ImxldmVsMiIsInN0ZXBzIjpbXX0
 *
 * The query holds what a person types or reads: `level` (a page of the path), `scenario` (a
 * story), `step` (a moment on the timeline, 0 the start), and on the production page `off` (the
 * fixes switched off) and `choices` (the picks of "Who runs next?"), comma-separated words.
 *
 * The fragment holds what is long: `file`, a whole scenario file, written as the base64url of its
 * UTF-8 JSON (fragment.ts), and `run`, a run built by hand — the steps pressed, the sizes chosen,
 * the readers added, "Same instant" — in a compact form (fragment.ts), on top of a story, a fresh
 * pool or the file beside it. A fragment never reaches a server, so no server's limit on an
 * address's length applies; a file in a link is checked exactly as a file given to the CLI is.
 *
 *   ?level=database&step=41#run=1~~~A.a,A.u,A.l,B.a,B.r
 *
 * On a lesson's page, `part` names the part of the lesson in view (works, question, fix, recap),
 * so a teacher can hand out one part:
 *
 *   ?level=level3&part=fix
 *
 * Reading never fails. Each part is checked by its schema; what is wrong in a part is left out and
 * said in one short notice: a part given twice (the first counts), parts the lab does not read,
 * and lists longer than any view needs each get one notice, however many there are. What a part
 * means on a page (is there such a story?) is for the page's reader: deeplink.ts, productionLink.ts.
 *
 * The browser shows the page in the path (`/level-2/?scenario=…&step=12`): linkPath.ts turns this
 * query into that address and back, and moves a link of the old form (`/?level=level2&…`).
 */
import * as v from 'valibot';
import { FIX_NAMES, LIMITS, quote } from '../engine';
import type { FixName } from '../engine';
import {
  decodeFile,
  decodeRun,
  encodeFile,
  MAX_FILE_CHARS,
  MAX_RUN_CHARS,
  type LinkedFile,
  type ManualRun,
} from './fragment';
import { andList } from './format';

export { readFile } from './fragment';
export { addressOf, HOME_PAGE, movedAddress, pageOfPath, pathOfPage, queryOf } from './linkPath';
export type { LinkedFile, ManualRun } from './fragment';

/** The most the cursor may be asked to go to; a larger number is read as this. */
export const MAX_MOMENT = 1_000_000;
/** More names than this in `off` is not a list of switches (there are six). */
export const MAX_OFF = 20;

/** The words of a link, each as its schema reads it; null where the link does not give it. */
export interface LinkWords {
  /** A page id as the link wrote it (trimmed); pages are matched in any case (`pageOf`). */
  readonly level: string | null;
  /** A part of the page's lesson as the link wrote it (trimmed); checked by the page's reader (deeplink.ts). */
  readonly part: string | null;
  readonly scenario: string | null;
  /** The moment (`step`), at most MAX_MOMENT. */
  readonly moment: number | null;
  /** The fixes switched off, in FIX_NAMES order; [] when `off` names none. */
  readonly off: readonly FixName[] | null;
  /** The picks up to the first word that is not one; null when there are none. */
  readonly choices: readonly number[] | null;
  readonly file: LinkedFile | null;
  /** A run built by hand (its form checked; its steps are checked when it runs). */
  readonly run: ManualRun | null;
}

/** What a link gave that its schema did not take, as the link wrote it, for the page to word (with `quoted`). */
export interface LinkFaults {
  /** `step` was not a whole number. */
  readonly moment?: string;
  /** Words of `off` that are not fixes. */
  readonly off?: readonly string[];
  /** The first word of `choices` that is not a pick, and how many picks came before it. */
  readonly choice?: { readonly word: string; readonly before: number };
}

export interface ReadLink {
  readonly words: LinkWords;
  readonly faults: LinkFaults;
  /** Sentences about the link as a whole (repeats, unknown parts, over-long lists, a bad file). */
  readonly notices: readonly string[];
}

const QUERY = ['level', 'part', 'scenario', 'step', 'off', 'choices'] as const;
const FRAGMENT = ['file', 'run'] as const;

// ── the schemas of the parts ──────────────────────────────────────────────────────────────────

const TEXT = v.pipe(v.string(), v.trim(), v.nonEmpty());
const MOMENT = v.pipe(
  TEXT,
  v.regex(/^\d+$/),
  v.transform(Number),
  v.transform((n) => Math.min(n, MAX_MOMENT)),
);
const FIX = v.pipe(
  TEXT,
  v.transform((w) => FIX_NAMES.find((f) => f.toLowerCase() === w.toLowerCase())),
  v.picklist(FIX_NAMES),
);
const CHOICE = v.pipe(TEXT, v.regex(/^\d{1,2}$/), v.transform(Number), v.maxValue(LIMITS.maxOption));

const parsed = <T>(schema: v.GenericSchema<string, T>, raw: string | null): T | null => {
  if (raw === null) return null;
  const r = v.safeParse(schema, raw);
  return r.success ? r.output : null;
};

// ── reading ───────────────────────────────────────────────────────────────────────────────────

/** Read a link's query and fragment (`location.search`, `location.hash`). */
export function readLink(search: string, hash = ''): ReadLink {
  const query = new URLSearchParams(search);
  // A fragment without "=" is an anchor in the page (the skip link's #main), not ours to read.
  const fragment = new URLSearchParams(hash.includes('=') ? hash.replace(/^#/, '') : '');
  const notices: string[] = [];
  const faults: { -readonly [K in keyof LinkFaults]: LinkFaults[K] } = {};

  const unknown = [...new Set([...query.keys()].filter((k) => !(QUERY as readonly string[]).includes(k)))];
  unknown.push(...new Set([...fragment.keys()].filter((k) => !(FRAGMENT as readonly string[]).includes(k))));
  if (unknown.length > 0) notices.push(unknownNotice(unknown));
  const repeated = [
    ...QUERY.filter((k) => query.getAll(k).length > 1),
    ...FRAGMENT.filter((k) => fragment.getAll(k).length > 1),
  ];
  if (repeated.length > 0)
    notices.push(`The link gives ${andList(repeated)} more than once; the first of each is used.`);

  const rawMoment = query.get('step');
  const moment = parsed(MOMENT, rawMoment);
  if (moment === null && rawMoment !== null && rawMoment.trim() !== '') faults.moment = rawMoment.trim();

  const off = readOff(query.get('off'), notices, faults);
  const choices = readChoices(query.get('choices'), notices, faults);

  let file: LinkedFile | null = null;
  const rawFile = fragment.get('file');
  if (rawFile !== null && rawFile !== '') {
    if (rawFile.length > MAX_FILE_CHARS)
      notices.push(
        `The link’s file is ${Math.round(rawFile.length / 1000)} KB long; links carry files of up to ${MAX_FILE_CHARS / 1000} KB, so it was not opened. Open the file with npm run simulate instead.`,
      );
    else {
      const decoded = decodeFile(rawFile);
      if ('file' in decoded) file = decoded.file;
      else notices.push(`The link’s file cannot be opened: ${decoded.problem}.`);
    }
  }

  let run: ManualRun | null = null;
  const rawRun = fragment.get('run');
  if (rawRun !== null && rawRun !== '') {
    if (rawRun.length > MAX_RUN_CHARS)
      notices.push(
        `The link’s run is ${kb(rawRun.length)} long; links carry runs of up to ${kb(MAX_RUN_CHARS)}, so it was not opened.`,
      );
    else {
      const decoded = decodeRun(rawRun);
      if ('run' in decoded) run = decoded.run;
      else notices.push(`The link’s run cannot be opened: ${decoded.problem}.`);
    }
  }

  return {
    words: {
      level: parsed(TEXT, query.get('level')),
      part: parsed(TEXT, query.get('part')),
      scenario: parsed(TEXT, query.get('scenario')),
      moment,
      off,
      choices,
      file,
      run,
    },
    faults,
    notices,
  };
}

function readOff(raw: string | null, notices: string[], faults: { off?: readonly string[] }): FixName[] | null {
  if (raw === null) return null;
  const words = raw.split(',').filter((w) => w.trim() !== '');
  if (words.length > MAX_OFF)
    notices.push(
      `The link’s off list names ${words.length} fixes; there are ${FIX_NAMES.length}, so only the first ${MAX_OFF} names were read.`,
    );
  const off = new Set<FixName>();
  const unknown: string[] = [];
  for (const w of words.slice(0, MAX_OFF)) {
    const fix = parsed(FIX, w);
    if (fix) off.add(fix);
    else unknown.push(w.trim());
  }
  if (unknown.length > 0) faults.off = [...new Set(unknown)];
  return FIX_NAMES.filter((f) => off.has(f));
}

function readChoices(
  raw: string | null,
  notices: string[],
  faults: LinkFaults & { choice?: LinkFaults['choice'] },
): number[] | null {
  if (raw === null || raw.trim() === '') return null;
  const words = raw.split(',');
  if (words.length > LIMITS.maxChoices)
    notices.push(`The link picks at ${words.length} choice points; only the first ${LIMITS.maxChoices} are used.`);
  const out: number[] = [];
  for (const w of words.slice(0, LIMITS.maxChoices)) {
    const pick = parsed(CHOICE, w);
    if (pick === null) {
      (faults as { choice?: LinkFaults['choice'] }).choice = { word: w.trim(), before: out.length };
      break;
    }
    out.push(pick);
  }
  return out.length > 0 ? out : null;
}

// ── writing ───────────────────────────────────────────────────────────────────────────────────

/** What a link says; parts left out (or null) are not written. */
export type LinkOut = { readonly [K in Exclude<keyof LinkWords, 'file' | 'run'>]?: LinkWords[K] | null } & {
  /** The file to carry, as its JSON value (written into the fragment). */
  readonly file?: unknown;
  /** A run built by hand, as fragment.ts's encodeRun writes it (see runText). */
  readonly run?: string | null;
};

/**
 * The address for a view: `?level=…&part=…&scenario=…&off=…&choices=…&step=…#file=…`, in that order.
 * Commas stay commas and the words are plain, so the query reads as it is.
 */
export function writeLink(link: LinkOut): string {
  const parts: string[] = [];
  const put = (name: string, value: string) => parts.push(`${name}=${encodeURIComponent(value).replace(/%2C/g, ',')}`);
  if (link.level) put('level', link.level);
  if (link.part) put('part', link.part);
  if (link.scenario) put('scenario', link.scenario);
  if (link.off && link.off.length > 0) put('off', FIX_NAMES.filter((f) => link.off!.includes(f)).join(','));
  if (link.choices && link.choices.length > 0) put('choices', link.choices.join(','));
  if (link.moment !== undefined && link.moment !== null) put('step', String(link.moment));
  const fragment: string[] = [];
  if (link.file !== undefined && link.file !== null) fragment.push(`file=${encodeFile(link.file)}`);
  if (link.run) fragment.push(`run=${encodeURIComponent(link.run).replace(/%2C/g, ',')}`);
  return `?${parts.join('&')}${fragment.length > 0 ? `#${fragment.join('&')}` : ''}`;
}

/** A length in KB as the notices say it: "16 KB". */
export const kb = (chars: number): string => `${Math.max(1, Math.round(chars / 1000))} KB`;

/** The page a link's level names, in any case, when `pages` has it. */
export const pageOf = (level: string, pages: readonly string[]): string | undefined =>
  pages.find((p) => p === level.toLowerCase());

// ── words for notices ─────────────────────────────────────────────────────────────────────────

/**
 * What the link said, as a notice shows it: JSON-quoted and clipped to `max` characters, control
 * and bidi characters escaped (the engine's quote, the same as for a file's words).
 */
export const quoted = (s: string, max = 40): string => quote(s, max);

/** One notice for every part the lab does not read: three named (clipped), the rest counted. */
function unknownNotice(names: readonly string[]): string {
  const shown = names.slice(0, 3).map((n) => quoted(n, 20));
  const more = names.length - shown.length;
  const list = more > 0 ? `${shown.join(', ')} and ${more.toLocaleString('en')} more` : andList(shown);
  return `The link has ${names.length === 1 ? 'a part' : 'parts'} the lab does not read (${list}), so ${names.length === 1 ? 'it was' : 'they were'} ignored.`;
}

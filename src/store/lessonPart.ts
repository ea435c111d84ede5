/**
 * Which part of the lesson is in view: one for the whole app, because the address shows it
 * (`?level=level3&part=fix`, link.ts) and presentation mode walks it (Page Down / Page Up). A link
 * sets it when it opens a page (null: the lesson's first part); the lesson panel and the keys
 * change it; the address follows (useUrlSync).
 */
export const LESSON_PARTS = ['works', 'question', 'fix', 'recap'] as const;
export type LessonPart = (typeof LESSON_PARTS)[number];

export const isLessonPart = (word: string): word is LessonPart => (LESSON_PARTS as readonly string[]).includes(word);

/** What a part is called on the page, and in an announcement. */
export const PART_LABELS: Readonly<Record<LessonPart, string>> = {
  works: 'It works',
  question: 'What will happen?',
  fix: 'The fix',
  recap: 'In three lines',
};

export interface PartState {
  /** The part in view; null until a link or the learner picks one (the lesson shows its first). */
  readonly part: LessonPart | null;
  /** Whether the part was picked by a link or a key (so the page scrolls it into view and focuses it). */
  readonly reveal: boolean;
}

let state: PartState = { part: null, reveal: false };
const listeners = new Set<() => void>();

export const lessonPart = (): PartState => state;

/** Show a part; `reveal` brings it into view and focus (a link, a clicker key), a click on its tab does not need to. */
export function setLessonPart(part: LessonPart | null, reveal = false): void {
  if (state.part === part && state.reveal === reveal) return;
  state = { part, reveal };
  for (const notify of listeners) notify();
}

export function subscribeLessonPart(notify: () => void): () => void {
  listeners.add(notify);
  return () => listeners.delete(notify);
}

/** The part after (or before) this one; null past either end. */
export function stepPart(part: LessonPart | null, by: 1 | -1): LessonPart | null {
  const i = LESSON_PARTS.indexOf(part ?? 'works') + by;
  return LESSON_PARTS[i] ?? null;
}

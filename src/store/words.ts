/**
 * The monitor's findings in the words the page uses everywhere else. The monitor (in the engine)
 * speaks of "object 2" and names readers by their bare names ("B crashed…"); the stage, the table
 * and the narration say "Book 2" or "Connection 2" (the level's words, from the registry) and
 * "Reader B". Every place that quotes a warning goes through here, so no sentence on the page
 * says "object 2" while the rest says "Connection 2".
 */
import type { ThingWords } from '../engine';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A monitor message in the page's words: objects named as the level names them, counts of
 * objects as books or connections, and each reader in `readers` called "Reader X". An error the
 * pool's code raised, quoted in the message ("No objects available!"), stays as the code says it.
 */
export function inPageWords(
  message: string,
  words: Pick<ThingWords, 'thing' | 'Thing'>,
  readers: readonly string[] = [],
): string {
  const { thing, Thing } = words;
  const plural = `${thing}s`;
  let text = message
    // "never closed: 1, 3" — a list of ids.
    .replace(
      /never closed: ([\d, ]+)$/,
      (_m, ids: string) =>
        `never closed: ${ids
          .split(', ')
          .map((id) => `${Thing} ${id}`)
          .join(', ')}`,
    )
    .replace(/\bobject (\d+|\?)/g, `${Thing} $1`)
    // "the 4th object went to the press"
    .replace(/\b(\d+(?:st|nd|rd|th)) object\b/g, `$1 ${thing}`)
    .replace(
      /\b(\d+) (borrowed )?object\(s\)/g,
      (_m, n: string, b: string | undefined) => `${n} ${b ?? ''}${n === '1' ? thing : plural}`,
    )
    .replace(/\b(\d+) objects\b/g, `$1 ${plural}`);
  // Longer names first, so "AB" is not read as "A" followed by "B".
  for (const name of [...readers].sort((a, b) => b.length - a.length)) {
    const bare = new RegExp(`(^|[\\s(])(?<!Reader )${escape(name)}(?=$|[\\s,;:.!?)'’])`, 'g');
    text = text.replace(bare, `$1Reader ${name}`);
  }
  return text;
}

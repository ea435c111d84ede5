/**
 * Callouts: what the page says when one of the monitor's warnings comes true, and which stop on
 * the path fixes it. The monitor decides that something went wrong (src/engine/monitor.ts) and the
 * level registry says which level fixes each of a level's bugs (`LEVELS[id].fixedBy`); this file
 * only explains it, in our words, for the level the learner is on.
 */
import { LEVEL_IDS, LEVELS } from '../engine';
import type { FixName, Fixes, LevelId, WarningKind } from '../engine';
import { FIX_ROWS } from '../stories/fixes';

export interface Callout {
  readonly title: string;
  readonly body: string;
  /** The level whose code fixes it, or null when no pool can (or this is the fix at work). */
  readonly fixedBy: LevelId | null;
  /** A short phrase for the link to `fixedBy`, e.g. "Level 3 cleans each book on its way back". */
  readonly fixLabel: string | null;
}

/** The end of the path: the pool that fixes what no level of the text does. */
const FINAL = LEVELS[LEVEL_IDS[LEVEL_IDS.length - 1]!];

/** A level whose fixes are switches (the production pool): a problem there means one is off. */
const hasSwitches = (level: LevelId) => LEVELS[level].options.fixes !== undefined;

/** How a sentence names a level: "Level 3", "The database pool". */
const subject = (level: LevelId) => LEVELS[level].title.split(' — ')[0]!;

/** A switch's name on the production page, as a sentence says it ("thread safety"). */
const switchName = (fix: FixName) => FIX_ROWS[fix].name.toLowerCase();

/**
 * On the production page each fix is a switch; a problem there means a switch is off. These are
 * the switches whose being off can let each warning happen, the likelier first. A dirty
 * connection has two causes: nothing cleaned it (reset off), or two readers held it at once and
 * the cleaning came too late (thread safety off).
 */
const PRODUCTION_CAUSES: Record<WarningKind, readonly FixName[]> = {
  'unbounded-growth': ['maxSize'],
  'over-max': ['lock'],
  exhausted: ['timeout'],
  'dirty-object': ['reset', 'lock'],
  'dirty-read': ['reset', 'lock'],
  'dead-handout': ['validate'],
  'dead-used': ['validate'],
  'double-shelved': ['lock'],
  'shared-object': ['lock'],
  'counter-negative': ['lock'],
  'capacity-lost': ['reset', 'lock'],
  leaked: [],
  'closed-with-borrowed': ['cleanup'],
  'created-after-close': ['cleanup'],
  timeout: [],
  'leak-suspected': [],
  'waiting-forever': ['timeout'],
  'open-after-close': ['cleanup'],
};

/**
 * The causes of a warning that are switched off in this run; all of them when the switches are
 * not known. Empty when none of its causes is off (then the general advice applies).
 */
function offCauses(warning: WarningKind, fixes: Partial<Fixes> | undefined): readonly FixName[] {
  const causes = PRODUCTION_CAUSES[warning];
  return fixes === undefined ? causes : causes.filter((f) => fixes[f] === false);
}

/** "Switch the reset fix back on"; for two known to be off, both; for two possible, the either-or. */
function switchAdvice(off: readonly FixName[], known: boolean): string {
  const names = off.map(switchName);
  if (names.length === 1) return `Switch the ${names[0]} fix back on`;
  const last = names.at(-1);
  if (known) return `Switch the ${names.slice(0, -1).join(', ')} and ${last} fixes back on`;
  return `Switch the ${names.slice(0, -1).join(' fix back on, or the ')} fix back on, or the ${last} fix: whichever is off`;
}

/** What a body may depend on: the level, its words, who fixes the warning there, and which switches are off. */
interface Context {
  readonly level: LevelId;
  /** "book" or "connection". */
  readonly thing: string;
  /** A later level of the text fixes it (not the pool at the end of the path, not nobody). */
  readonly fixedOnPath: boolean;
  /** The level's fixes are switches (the production pool). */
  readonly switches: boolean;
  /** On a level with switches, the warning's causes switched off in this run (see offCauses). */
  readonly off: readonly FixName[];
}

interface Entry {
  readonly title: string;
  body(c: Context): string;
  /**
   * What the level that fixes it does about it, after its name ("Level 2" + " adds a maximum
   * size"): `path` when a level of the text fixes it, `final` when the pool at the end of the path
   * does. A warning with neither is one no pool can prevent.
   */
  readonly fix: { readonly path?: string; readonly final?: string };
}

/** Whether exactly these causes are off (in any order). */
const only = (off: readonly FixName[], ...fixes: FixName[]) =>
  off.length === fixes.length && fixes.every((f) => off.includes(f));

const ENTRIES: Record<WarningKind, Entry> = {
  'unbounded-growth': {
    title: 'The pool grows without limit',
    body: () =>
      'The shelf was empty, so the pool made another — and nothing caps how many it may make. After a burst every extra object stays, and a big enough burst eats all the memory.',
    fix: { path: 'adds a maximum size', final: 'enforces a maximum size' },
  },
  'over-max': {
    title: 'More objects than the maximum',
    body: ({ level }) =>
      LEVELS[level].validates && LEVELS[level].fixedBy['over-max'] !== undefined
        ? 'Several readers asked at the same instant. The pool took connections off the shelf and checked them with SELECT 1 before counting them, so while the checks ran the others saw room and opened more: the count was read, then acted on too late.'
        : 'The pool now holds more objects than its maximum: a check and the action it allowed were split by a pause, and another reader slipped in between.',
    fix: { final: 'reserves its place before any slow work' },
  },
  exhausted: {
    title: 'The pool refused a reader',
    body: ({ switches, thing }) =>
      switches
        ? 'Nothing was on the shelf and the pool was at its maximum, and with acquireTimeout 0 this pool is told not to wait: it refused at once. Give readers a timeout and they queue for the next connection instead.'
        : `Nothing was on the shelf and the pool was already at its maximum, so it refused at once. This level cannot make a reader wait for a ${thing} to come back, and a lost ${thing} makes it refuse for good.`,
    fix: { final: 'lets readers wait in line, with a timeout' },
  },
  'dirty-object': {
    title: 'Handed out with someone else’s data',
    body: ({ switches, off, fixedOnPath, thing }) => {
      if (switches) {
        if (only(off, 'reset'))
          return 'This connection still carries what its last reader wrote: with the reset fix off, nothing cleaned it on the way back to the shelf.';
        if (only(off, 'lock'))
          return 'This connection still carries another reader’s data although the reset fix cleans on return: with thread safety off, it reached two readers at once, so the cleaning came too late.';
        return 'This connection still carries another reader’s data. Two switches can do that: with reset off, nothing cleaned it on the way back; with thread safety off, it reached two readers at once and the cleaning came too late.';
      }
      return fixedOnPath
        ? `This ${thing} still carries what its last reader wrote: nothing cleaned it on the way back to the shelf.`
        : `This ${thing} still carries another reader’s data although this level cleans on return: it reached two readers at once, so the cleaning came too late.`;
    },
    fix: { path: 'cleans each book on its way back', final: 'refuses a release it did not lend' },
  },
  'dirty-read': {
    title: 'A reader saw another reader’s data',
    body: ({ switches, off, fixedOnPath }) => {
      if (switches) {
        if (only(off, 'reset'))
          return 'What one reader wrote was read by the next: with the reset fix off, the connection came back and went out again without ROLLBACK and DISCARD ALL. With user data or a session setting, that is a leak from one user to another.';
        if (only(off, 'lock'))
          return 'What one reader wrote was read by another, although the reset fix cleans on return: with thread safety off, the two were holding the same connection at the same time, and no cleaning on return can keep them apart.';
        return 'What one reader wrote was read by another. Two switches can do that: with reset off, a connection goes out again uncleaned; with thread safety off, two readers can hold the same connection at the same time, and no cleaning on return keeps them apart.';
      }
      return fixedOnPath
        ? 'What one reader wrote was read by the next: the object came back and went out again without being cleaned. With user data or a session setting, that is a leak from one user to another.'
        : 'What one reader wrote was read by another, although this level cleans on return: the two were holding the same object at the same time.';
    },
    fix: { path: 'cleans each book on its way back', final: 'refuses a release it did not lend' },
  },
  'dead-handout': {
    title: 'A dead object was handed out',
    body: ({ fixedOnPath, off }) =>
      fixedOnPath
        ? 'The object on top of the shelf had died while it waited there, and the pool lent it without a look. The reader finds out only when it tries to use it.'
        : off.includes('validate')
          ? 'The connection on top of the shelf had died while it waited there, and with the validation fix off the pool lent it without SELECT 1. The reader finds out only when it tries to use it.'
          : 'A dead connection reached a reader although this level checks each one: it was checked before it died, or it went out without passing through the check.',
    fix: { path: 'checks each connection with SELECT 1 first', final: 'checks each object it hands out' },
  },
  'dead-used': {
    title: 'A reader used a dead object',
    body: ({ fixedOnPath, off }) =>
      fixedOnPath
        ? 'The reader was given an object that had already died, and its work failed.'
        : off.includes('validate')
          ? 'A reader’s work failed on a dead connection. With the validation fix off nothing checks a connection on its way out, so one that died on the shelf goes straight to a reader (“Here” says whether this one did). One can also die while it is lent, and no check catches that.'
          : 'The connection died while the reader was holding it. Validation only checks connections on their way out of the shelf; one already lent can fail at any moment, so the code using it must be ready for an error.',
    fix: { path: 'checks each connection before lending it' },
  },
  'double-shelved': {
    title: 'One object is on the shelf twice',
    body: ({ thing }) =>
      `The same ${thing} was returned twice and the pool put it back twice. The next two readers who ask will both be handed it.`,
    fix: { final: 'refuses a second return' },
  },
  'shared-object': {
    title: 'Two readers hold the same object',
    body: ({ thing, switches, off }) => {
      const both = `whatever one writes, the other sees, and either may return it while the other is still using it`;
      // The production pool checks every release, so there the cause is the race, not a second return.
      if (off.includes('lock'))
        return `With thread safety off, two readers looked at the top of the shelf while its check was still running, and both were handed the same ${thing}: ${both}. With the fix on, the pool takes a ${thing} off the shelf before anything slow.`;
      if (switches)
        return `Two readers now hold one ${thing}, each sure it is theirs: ${both}. This pool refuses a release it did not lend, so a second return cannot do this here.`;
      return `Two readers now hold one ${thing}, each sure it is theirs: ${both}. No level of the text checks what it is given back.`;
    },
    fix: { final: 'checks every release' },
  },
  'counter-negative': {
    title: 'The borrowed count went below zero',
    body: () =>
      'More returns than loans: the pool subtracted for a return it had never lent out. Its count of borrowed objects is now wrong, and so is every decision it bases on it.',
    fix: { final: 'checks every release' },
  },
  'capacity-lost': {
    title: 'A return failed and the place is lost',
    body: ({ off }) => {
      const died =
        'The connection died while it was lent, so cleaning it failed at ROLLBACK and the rest of the return never ran: it was not put back and not counted off. The pool believes it is still lent out, forever, and has one place fewer.';
      const race =
        'two readers were handed the same connection at once, and the pool’s ledger names only one of them: the other’s return was refused, and that reader let go of it. It is neither on the shelf nor lent out, and the pool has one place fewer for good.';
      if (off.includes('lock') && !off.includes('reset')) return `With thread safety off, ${race}`;
      if (off.includes('lock'))
        return `A connection is lost to the pool. Two switches can do that: with reset off, one that dies while lent fails its cleaning on the way back and is neither put back nor counted off; with thread safety off, ${race}`;
      return died;
    },
    fix: { final: 'destroys what it cannot clean, and frees its place' },
  },
  leaked: {
    title: 'An object will never come back',
    body: ({ fixedOnPath, thing }) =>
      fixedOnPath
        ? `The reader failed between borrowing and returning, so the return never ran. Every such ${thing} is gone for good; enough of them and the pool is empty.`
        : `The reader borrowed the plain way and failed before returning. This level has a block that always returns what it lent — borrowed through it, the ${thing} would have come back.`,
    fix: { path: 'guarantees the return', final: 'spots a loan that lasts too long and names the borrower' },
  },
  'closed-with-borrowed': {
    title: 'close() left lent connections open',
    body: () =>
      'close() shut only the connections on the shelf. Those out on loan stay open, and when they come back nothing will ever close them.',
    fix: { final: 'closes lent connections when they return' },
  },
  'created-after-close': {
    title: 'The closed pool made a new object',
    body: () =>
      'The pool was closed, but it still lent and opened connections: nothing in its acquire looks at whether it was shut down.',
    fix: { final: 'refuses new work once closed' },
  },
  timeout: {
    title: 'A reader gave up waiting',
    body: () =>
      'Nothing came back in time, so the wait ended with an error that says what the pool held. That is the timeout doing its job: a clear failure instead of a wait that never ends.',
    fix: {},
  },
  'leak-suspected': {
    title: 'A loan is lasting too long',
    body: () =>
      'This object has been out for as long as the leak threshold. The pool names who borrowed it and where, so a forgotten return can be found and fixed.',
    fix: {},
  },
  'waiting-forever': {
    title: 'A reader waits forever',
    body: () => 'A reader is still waiting in line, and nothing will ever come: with no timeout, the wait never ends.',
    fix: { final: 'ends every wait with a timeout' },
  },
  'open-after-close': {
    title: 'Objects were never closed',
    body: () =>
      'Every step has run and the pool was closed, yet some connections are still open: the ones that were on loan at close(), and any made after it.',
    fix: { final: 'closes everything it ever made' },
  },
};

/**
 * The level that fixes a warning seen on `level`: the registry's word for the level's own bugs.
 * A warning the level's code cannot raise points to the next level on the path that fixes it for
 * another, else to the pool at the end of the path if it fixes it at all. On a level with switches
 * the fix is the level itself, at work (or switched off).
 */
function fixerOf(warning: WarningKind, level: LevelId): LevelId | null {
  const { fix } = ENTRIES[warning];
  if (hasSwitches(level)) return fix.final ? level : null;
  const own = LEVELS[level].fixedBy[warning];
  if (own) return own;
  const next = LEVEL_IDS.find((l) => LEVELS[l].order > LEVELS[level].order && LEVELS[l].solves.includes(warning));
  return next ?? (fix.final ? FINAL.id : null);
}

/** "Level 3 cleans each book on its way back": the fixer's name and what it does. */
function fixLabel(warning: WarningKind, fixer: LevelId): string | null {
  const { fix } = ENTRIES[warning];
  const does = fixer === FINAL.id ? fix.final : fix.path;
  return does === undefined ? null : `${subject(fixer)} ${does}`;
}

/**
 * What to say about a warning on a level. On a level with switches (the production pool),
 * `fixes` (the run's switches, as a scenario's `options.fixes` gives them: a missing one is on)
 * lets the advice name the switch that is actually off; without it, a warning with two possible
 * causes names both.
 */
export function callout(warning: WarningKind, level: LevelId, fixes?: Partial<Fixes>): Callout {
  const entry = ENTRIES[warning];
  const switches = hasSwitches(level);
  const off = switches ? offCauses(warning, fixes) : [];
  const fixer = fixerOf(warning, level);
  const context: Context = {
    level,
    thing: LEVELS[level].words.thing,
    fixedOnPath: fixer !== null && fixer !== FINAL.id && !switches,
    switches,
    off,
  };
  const body = entry.body(context);
  // A cause switched off: the advice is the switch. None (or it has none): the general advice.
  if (off.length > 0)
    return { title: entry.title, body, fixedBy: level, fixLabel: switchAdvice(off, fixes !== undefined) };
  const label = fixer === null ? null : fixLabel(warning, fixer);
  return { title: entry.title, body, fixedBy: label === null ? null : fixer, fixLabel: label };
}

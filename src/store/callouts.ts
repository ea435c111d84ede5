/**
 * Callouts: what the page says when one of the monitor's warnings comes true, and which stop on
 * the path fixes it. The monitor decides that something went wrong (src/engine/monitor.ts); this
 * file only explains it, in our words, for the level the learner is on.
 */
import type { LevelId, WarningKind } from '../engine/types';

export interface Callout {
  readonly title: string;
  readonly body: string;
  /** The level whose code fixes it, or null when no pool can (or this is the fix at work). */
  readonly fixedBy: LevelId | null;
  /** A short phrase for the link to `fixedBy`, e.g. "Level 3 cleans each book on its way back". */
  readonly fixLabel: string | null;
}

/** The learning path's order, for "is the fix still ahead?". Unknown levels sort last. */
const PATH: readonly LevelId[] = ['nopool', 'level1', 'level2', 'level3', 'level4', 'database', 'production'];
const rank = (level: LevelId) => {
  const i = PATH.indexOf(level);
  return i < 0 ? PATH.length : i;
};
const before = (level: LevelId, fix: LevelId) => rank(level) < rank(fix);

const isDb = (level: LevelId) => level === 'database' || level === 'production';
const thing = (level: LevelId) => (isDb(level) ? 'connection' : 'book');

type Fix = Pick<Callout, 'fixedBy' | 'fixLabel'>;
const fix = (fixedBy: LevelId | null, fixLabel: string | null): Fix => ({ fixedBy, fixLabel });
const none: Fix = fix(null, null);

/** On the production page each fix is a switch; a problem there means its switch is off. */
const PRODUCTION_SWITCH: Record<WarningKind, string | null> = {
  'unbounded-growth': 'max size',
  'over-max': 'locks',
  exhausted: 'timeout',
  'dirty-object': 'reset',
  'dirty-read': 'reset',
  'dead-handout': 'validation',
  'dead-used': null,
  'double-shelved': 'locks',
  'shared-object': 'locks',
  'counter-negative': 'locks',
  'capacity-lost': 'reset',
  leaked: null,
  'closed-with-borrowed': 'cleanup',
  'created-after-close': 'cleanup',
  timeout: null,
  'leak-suspected': null,
  'waiting-forever': 'timeout',
  'open-after-close': 'cleanup',
};

/** The production pool checks releases and makes its decisions without a gap between check and act. */
const production = (label: string): Fix => fix('production', label);

interface Entry {
  readonly title: string;
  body(level: LevelId): string;
  fix(level: LevelId): Fix;
}

const ENTRIES: Record<WarningKind, Entry> = {
  'unbounded-growth': {
    title: 'The pool grows without limit',
    body: () =>
      'The shelf was empty, so the pool made another — and nothing caps how many it may make. After a burst every extra object stays, and a big enough burst eats all the memory.',
    fix: (level) => (before(level, 'level2') ? fix('level2', 'Level 2 adds a maximum size') : production('The production pool enforces a maximum size')),
  },
  'over-max': {
    title: 'More objects than the maximum',
    body: (level) =>
      level === 'database'
        ? 'Several readers asked at the same moment. The pool took connections off the shelf and checked them with SELECT 1 before counting them, so while the checks ran the others saw room and opened more: the count was read, then acted on too late.'
        : 'The pool now holds more objects than its maximum: a check and the action it allowed were split by a pause, and another reader slipped in between.',
    fix: () => production('The production pool reserves its place before any slow work'),
  },
  exhausted: {
    title: 'The pool refused a reader',
    body: (level) =>
      `Nothing was on the shelf and the pool was already at its maximum, so it refused at once. This level cannot make a reader wait for a ${thing(level)} to come back, and a lost ${thing(level)} makes it refuse for good.`,
    fix: () => production('The production pool lets readers wait in line, with a timeout'),
  },
  'dirty-object': {
    title: 'Handed out with someone else’s data',
    body: (level) =>
      before(level, 'level3')
        ? `This ${thing(level)} still carries what its last reader wrote: nothing cleaned it on the way back to the shelf.`
        : `This ${thing(level)} still carries another reader’s data although this level cleans on return: it reached two readers at once, so the cleaning came too late.`,
    fix: (level) => (before(level, 'level3') ? fix('level3', 'Level 3 cleans each book on its way back') : production('The production pool refuses a release it did not lend')),
  },
  'dirty-read': {
    title: 'A reader saw the previous reader’s data',
    body: (level) =>
      before(level, 'level3')
        ? 'What one reader wrote was read by the next: the object came back and went out again without being cleaned. With user data or a session setting, that is a leak from one user to another.'
        : 'What one reader wrote was read by another, although this level cleans on return: the two were holding the same object at the same time.',
    fix: (level) => (before(level, 'level3') ? fix('level3', 'Level 3 cleans each book on its way back') : production('The production pool refuses a release it did not lend')),
  },
  'dead-handout': {
    title: 'A dead object was handed out',
    body: (level) =>
      before(level, 'database')
        ? 'The object on top of the shelf had died while it waited there, and the pool lent it without a look. The reader finds out only when it tries to use it.'
        : 'A dead connection reached a reader although this level checks each one: it was checked before it died, or it went out without passing through the check.',
    fix: (level) => (before(level, 'database') ? fix('database', 'The database pool checks each connection with SELECT 1 first') : production('The production pool checks each object it hands out')),
  },
  'dead-used': {
    title: 'A reader used a dead object',
    body: (level) =>
      before(level, 'database')
        ? 'The reader was given an object that had already died, and its work failed.'
        : 'The connection died while the reader was holding it. Validation only checks connections on their way out of the shelf; one already lent can fail at any moment, so the code using it must be ready for an error.',
    fix: (level) => (before(level, 'database') ? fix('database', 'The database pool checks each connection before lending it') : none),
  },
  'double-shelved': {
    title: 'One object is on the shelf twice',
    body: (level) =>
      `The same ${thing(level)} was returned twice and the pool put it back twice. The next two readers who ask will both be handed it.`,
    fix: () => production('The production pool refuses a second return'),
  },
  'shared-object': {
    title: 'Two readers hold the same object',
    body: (level) =>
      `Two readers now hold one ${thing(level)}, each sure it is theirs: whatever one writes, the other sees, and either may return it while the other is still using it. No level of the text checks what it is given back.`,
    fix: () => production('The production pool checks every release'),
  },
  'counter-negative': {
    title: 'The borrowed count went below zero',
    body: () =>
      'More returns than loans: the pool subtracted for a return it had never lent out. Its count of borrowed objects is now wrong, and so is every decision it bases on it.',
    fix: () => production('The production pool checks every release'),
  },
  'capacity-lost': {
    title: 'A return failed and the place is lost',
    body: () =>
      'The connection died while it was lent, so cleaning it failed at ROLLBACK and the rest of the return never ran: it was not put back and not counted off. The pool believes it is still lent out, forever, and has one place fewer.',
    fix: () => production('The production pool destroys what it cannot clean, and frees its place'),
  },
  leaked: {
    title: 'An object will never come back',
    body: (level) =>
      before(level, 'level4')
        ? `The reader failed between borrowing and returning, so the return never ran. Every such ${thing(level)} is gone for good; enough of them and the pool is empty.`
        : `The reader borrowed the plain way and failed before returning. This level has a block that always returns what it lent — borrowed through it, the ${thing(level)} would have come back.`,
    fix: (level) => (before(level, 'level4') ? fix('level4', 'Level 4 guarantees the return') : production('The production pool spots a loan that lasts too long and names the borrower')),
  },
  'closed-with-borrowed': {
    title: 'close() left lent connections open',
    body: () =>
      'close() shut only the connections on the shelf. Those out on loan stay open, and when they come back nothing will ever close them.',
    fix: () => production('The production pool closes lent connections when they return'),
  },
  'created-after-close': {
    title: 'The closed pool made a new object',
    body: () => 'The pool was closed, but it still lent and opened connections: nothing in its acquire looks at whether it was shut down.',
    fix: () => production('The production pool refuses new work once closed'),
  },
  timeout: {
    title: 'A reader gave up waiting',
    body: () =>
      'Nothing came back in time, so the wait ended with an error that says what the pool held. That is the timeout doing its job: a clear failure instead of a wait that never ends.',
    fix: () => none,
  },
  'leak-suspected': {
    title: 'A loan is lasting too long',
    body: () =>
      'This object has been out longer than the leak threshold. The pool names who borrowed it and where, so a forgotten return can be found and fixed.',
    fix: () => none,
  },
  'waiting-forever': {
    title: 'A reader waits forever',
    body: () => 'A reader is still waiting in line, and nothing will ever come: with no timeout, the wait never ends.',
    fix: () => production('The production pool ends every wait with a timeout'),
  },
  'open-after-close': {
    title: 'Objects were never closed',
    body: () =>
      'Everything has finished and the pool was closed, yet some connections are still open: the ones that were on loan at close(), and any made after it.',
    fix: () => production('The production pool closes everything it ever made'),
  },
};

export function callout(warning: WarningKind, level: LevelId): Callout {
  const entry = ENTRIES[warning];
  const switchName = PRODUCTION_SWITCH[warning];
  const f = level === 'production' ? (switchName === null ? entry.fix(level) : production(`Switch the ${switchName} fix back on`)) : entry.fix(level);
  return { title: entry.title, body: entry.body(level), ...f };
}

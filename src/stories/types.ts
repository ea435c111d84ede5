/**
 * The lab's teaching content, as data: the story behind each scenario button, and what each level
 * page says. The UI draws these; it does not decide them.
 */
import type { FixName, LevelId, Scenario, WarningKind } from '../engine';

/** A scenario button: a short story that ends on the monitor's callout. */
export interface Story {
  /** Url-safe id, used in deep links: `?level=level2&scenario=dirty-book`. */
  readonly id: string;
  readonly level: LevelId;
  /** The button's label, e.g. "A dirty book". */
  readonly title: string;
  /** One sentence: what will happen and why it matters. */
  readonly summary: string;
  /** The warning the story ends on; its callout must be showing at the last step. */
  readonly expect: WarningKind;
  readonly scenario: Scenario;
}

/**
 * A story of the production page. Its scenario has its row's fix switched off, as the file on disk
 * has; the page runs it with the switches' fixes instead.
 */
export interface ProductionStory extends Story {
  /** The fix whose row of the text's table it belongs to; null for the pool at work, every fix on. */
  readonly fix: FixName | null;
  /**
   * For a race the learner makes by picking who runs next: the picks (see `RunOptions.choices`)
   * under which it ends on `expect`. Absent: the scheduler's own order does.
   */
  readonly choices?: readonly number[];
}

/**
 * What a lab level's page says beyond its registry record (its title, label, what it adds — the
 * summary — and its place on the path are the registry's: `LEVELS[id]`).
 */
export interface LevelPage {
  readonly id: LevelId;
  /** Which row of the text's "why we add each feature" table it answers, in our words. */
  readonly solves: string;
}

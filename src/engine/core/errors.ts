/**
 * The errors the engine throws on purpose. A level's refusal and the simulated database's failure
 * are part of what the lab shows; a `ScenarioError` is bad input, reported in one plain line.
 */

/** The pool refused: nothing on the shelf and no room to create. */
export class PoolExhausted extends Error {
  override name = 'PoolExhausted';
}

/** The production pool said no: it timed out, it is closed, or the release was not of a borrowed object. */
export class PoolError extends Error {
  override name = 'PoolError';
  constructor(
    readonly kind: 'timeout' | 'closed' | 'not-borrowed',
    message: string,
  ) {
    super(message);
  }
}

/** Thrown by the simulated database, like a driver's error. */
export class DatabaseError extends Error {
  override name = 'DatabaseError';
}

/** Bad input in a scenario (not a bug in a level): the CLI reports it in one line. */
export class ScenarioError extends Error {
  override name = 'ScenarioError';
  constructor(
    message: string,
    readonly stepIndex: number | null = null,
  ) {
    super(message);
  }
}

/**
 * An error the engine did not throw on purpose — a bug in Pool Lab, not in the file — caught where
 * a scenario step ran it, so the report can name the step. `cause` is what was thrown.
 */
export class EngineFailure extends Error {
  override name = 'EngineFailure';
  constructor(
    cause: unknown,
    readonly stepIndex: number | null,
  ) {
    super(cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause), { cause });
  }
}

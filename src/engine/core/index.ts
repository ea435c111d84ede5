/**
 * The engine's core: virtual time and coroutines (the scheduler and its timer heap), the seeded
 * random numbers, and the errors thrown on purpose. It imports nothing from the rest of the engine.
 */
export { DatabaseError, EngineFailure, PoolError, PoolExhausted, ScenarioError } from './errors';
export type { Timer } from './heap';
export { createRng } from './rng';
export type { Rng } from './rng';
export { delay, isOp, Parking, rest, Sim, Task, TIMED_OUT } from './sim';
export type { ChoiceOption, Effect, Op, TaskDone } from './sim';

/**
 * The world the level classes run in, and everything their code calls: the pool base class and its
 * shelf, the factory for slow objects (`rt.createBook()`, `rt.connect()`), books and connections,
 * the suspension a slow call makes (`Op`), and the errors a pool throws. A level imports only this.
 */
export { Parking, PoolError, PoolExhausted, TIMED_OUT } from '../core';
export type { Op, Timer } from '../core';
export { Line } from './line';
export { countMoves, PoolBase } from './poolBase';
export type { CountLines } from './poolBase';
export { callChain, innermostLine, lineId, linesOf, type CallLines } from './kept';
export type { ClientRecord, PoolState, StepScratch, Waiting } from './records';
export { Book, Connection } from './resources';
export type { Pooled } from './resources';
export { removeAt } from './lists';
export { Runtime } from './runtime';

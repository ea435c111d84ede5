/**
 * A run that grows by a step at its end (run.ts, `grow`): what the new step changes in what has
 * already been recorded. A reader given one more step was never done: from the moment its last
 * step ended it was idle, waiting for the next. Its views from then on are replaced (the events
 * and worlds are copied, never changed in place, so results copied out before keep theirs; a live
 * result shares the run's array of events, and sees the copies in it).
 */
import type { ClientView, PoolEvent, World } from '../types';

/** The recorded events at the end where reader `name` shows as done: shown idle instead. */
export function notDone(events: PoolEvent[], name: string): void {
  const worlds = new Map<World, World>();
  const views = new Map<ClientView, ClientView>();
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]! as PoolEvent & { world?: World };
    const world = e.world;
    if (world === undefined) return;
    let patched = worlds.get(world);
    if (patched === undefined) {
      const at = world.clients.findIndex((c) => c.name === name);
      const view = world.clients[at];
      if (view?.state !== 'done') return;
      let idle = views.get(view);
      if (idle === undefined) views.set(view, (idle = { ...view, state: 'idle' }));
      const clients = world.clients.slice();
      clients[at] = idle;
      patched = { ...world, clients };
      worlds.set(world, patched);
    }
    const copy = Object.assign(Object.create(Object.getPrototypeOf(e) as object) as object, e) as typeof e;
    copy.world = patched;
    events[i] = copy;
  }
}

/**
 * The analogy's run for a number of readers, loaded when first asked for: the store's run module
 * (and the engine with it) comes with a dynamic import, so the page's first frame waits for none of
 * it. `ensure(n)` starts the load (Play, Step, a new readers count) and resolves with the run.
 */
import { useCallback, useRef, useState } from 'react';
import type { AnalogyView } from '../../store/analogy';
import { scheduleOf, type Schedule } from '../../store/analogyPlay';

export interface LoadedRun {
  readonly readers: number;
  readonly view: AnalogyView;
  readonly schedule: Schedule;
}

export function useAnalogyRun(readers: number) {
  const [run, setRun] = useState<LoadedRun | null>(null);
  const pending = useRef<{ readers: number; promise: Promise<LoadedRun> } | null>(null);

  const ensure = useCallback(
    (count: number = readers): Promise<LoadedRun> => {
      if (pending.current?.readers === count) return pending.current.promise;
      const promise = import('../../store/analogy').then((m) => {
        const view = m.analogyView(count);
        const loaded = { readers: count, view, schedule: scheduleOf(view.sides.map((s) => s.frames.map((f) => f.t))) };
        // Another count may have been asked for meanwhile: only the latest is shown.
        if (pending.current?.promise === promise) setRun(loaded);
        return loaded;
      });
      pending.current = { readers: count, promise };
      return promise;
    },
    [readers],
  );

  // A run for another count is not this one (the latest asked for replaces it when it comes).
  return { run: run?.readers === readers ? run : null, ensure };
}

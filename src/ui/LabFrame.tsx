/**
 * What every page on the lab store stands in: the store (labRuntime.ts), started once the page has
 * hydrated; the playback loop and the keys; and motion — `LazyMotion` with `m.*` components, its
 * features (domMax: layout and layoutId need it) fetched on a lab level when something is to move
 * (the learner's first press or key, or the link's view put on stage), not with the page; and
 * `MotionConfig reducedMotion="user"` so the system's reduced-motion setting makes moves instant.
 * A page with runs of its own (the production page) fetches them at once.
 */
import { LazyMotion, MotionConfig } from 'motion/react';
import { useEffect, useState, type ReactNode } from 'react';
import { LabStoreProvider, useLabApi } from './hooks/labStore';
import { usePlayback } from './hooks/usePlayback';
import { useShortcuts } from './hooks/useShortcuts';
import { labStoreFor, startLab } from './labRuntime';
import { loadMotionFeatures, motionFeaturesWhen } from './motion';
import type { Route } from './routes';

function Playback({ keys }: { keys: boolean }) {
  usePlayback();
  const store = useLabApi();
  useShortcuts(keys ? store : null);
  return null;
}

export function LabFrame({ route, children }: { route: Route; children: ReactNode }) {
  const [store] = useState(() => labStoreFor(route.id));
  const [features] = useState(() =>
    route.kind === 'lab'
      ? motionFeaturesWhen(
          new Promise<void>((moved) => {
            if (typeof window === 'undefined') return;
            const first = store.getState();
            // Read now: a run grown by hand grows its array of events in place (manualLive.ts).
            const firstLength = first.run.events.length;
            // Opening the page's own default view again (as a link with no story does) moves nothing.
            const stop = store.subscribe((s) => {
              if (
                s.playing ||
                s.page !== first.page ||
                s.storyId !== first.storyId ||
                s.fromFile ||
                s.cursor !== first.cursor ||
                s.run.events.length !== firstLength
              ) {
                stop();
                moved();
              }
            });
          }),
        )
      : loadMotionFeatures,
  );
  useEffect(() => startLab(route.id), [route.id]);
  return (
    <LabStoreProvider store={store}>
      <MotionConfig reducedMotion="user">
        <LazyMotion features={features} strict>
          {/* A lab level's timeline is the app's store; a page with a timeline of its own (the
              production page) binds the shortcuts to its own store. */}
          <Playback keys={route.kind === 'lab'} />
          {children}
        </LazyMotion>
      </MotionConfig>
    </LabStoreProvider>
  );
}

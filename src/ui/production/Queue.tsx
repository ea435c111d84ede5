/**
 * The readers waiting in line, first in line first, each with how long it has waited; and the
 * ones who gave up. At the end of a run where someone is still waiting and nothing is left to
 * happen, a clock past the end of the timeline runs on screen: the wait would grow and nothing
 * would come. The waits and the scene's clock stay at the timeline's end, where the run stands.
 */
import { useEffect, useMemo, useState } from 'react';
import { selectAtEnd, selectCursor, selectRun, selectNow, selectSpeed, selectWorld } from '../../store/selectors';
import { useLabStore } from '../hooks/labStore';
import { ms } from '../../store/format';
import { gaveUpAt, waitingOf } from '../../store/production';

export function Queue({ label = 'Waiting in line' }: { label?: string }) {
  const world = useLabStore(selectWorld);
  const now = useLabStore(selectNow);
  const run = useLabStore(selectRun);
  const cursor = useLabStore(selectCursor);
  const atEnd = useLabStore(selectAtEnd);
  const speed = useLabStore(selectSpeed);
  const timeout = useLabStore((s) => s.scenario.options.acquireTimeout);
  const timeoutOn = useLabStore((s) => s.scenario.options.fixes?.timeout !== false);
  const gaveUp = useMemo(() => gaveUpAt(run.events, cursor), [run, cursor]);
  const waiting = useMemo(() => waitingOf(world, now), [world, now]);
  const forever = atEnd && waiting.length > 0;
  const deadline = timeoutOn && typeof timeout === 'number' && timeout > 0 ? timeout : null;

  const list = (
    <ol className="prod-queue__list">
      {waiting.map((w, i) => (
        <li key={w.name} className="prod-queue__reader" data-reader={w.name}>
          <span className="prod-queue__pos">{i + 1}.</span> <strong>{w.name}</strong> has waited {ms(now - w.since)}
          {deadline !== null ? ` of ${ms(deadline)}` : timeoutOn ? '' : ' — no timeout: it will wait for ever'}
        </li>
      ))}
    </ol>
  );
  const pastTheEnd = (later: number) => (
    <p className="prod-forever" data-forever="yes">
      Nothing is left to happen, yet {waiting.map((w) => w.name).join(' and ')} {waiting.length === 1 ? 'is' : 'are'}{' '}
      still waiting. The timeline ends at {ms(now)}; were the clock to run on past it, it would read{' '}
      <span className="prod-forever__clock">{ms(later)}</span>, and the wait would only grow.
    </p>
  );

  return (
    <section className="prod-queue" aria-label={label} data-waiting={world.pool.waiting.join(',')}>
      <h3 className="prod-sub">Waiting in line</h3>
      {waiting.length === 0 ? (
        <p className="room__empty">Nobody is waiting.</p>
      ) : (
        <>
          {list}
          {forever && <Ticker key={`${run.events.length}-${now}`} start={now} speed={speed} render={pastTheEnd} />}
        </>
      )}
      {gaveUp.length > 0 && (
        <ul className="prod-gaveup" aria-label="Readers who gave up">
          {gaveUp.map((g) => (
            <li
              key={`${g.client}-${g.index}`}
              data-gave-up={g.client}
              className={g.index === cursor ? 'prod-gaveup--now' : undefined}
            >
              <strong>{g.client}</strong> gave up at {ms(g.t)}: {g.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** A clock that keeps running (on screen only) past the end of the timeline, at the playback speed. */
function Ticker({ start, speed, render }: { start: number; speed: number; render: (now: number) => React.ReactNode }) {
  const [extra, setExtra] = useState(0);
  useEffect(() => {
    const id = setInterval(() => setExtra((x) => x + 250 * speed), 250);
    return () => clearInterval(id);
  }, [speed]);
  return <>{render(start + extra)}</>;
}

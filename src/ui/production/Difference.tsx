/** Side by side: what the fix changed, between the run with it off and the same run with it on. */
import { useMemo } from 'react';
import { useStoreValue } from '../hooks/labStore';
import { callout } from '../../store/callouts';
import type { LabStore } from '../../store/labStore';
import { SWITCHED_LEVEL } from '../../store/levels';
import { differenceOf } from '../../store/production';

export function Difference({ off, on, name }: { off: LabStore; on: LabStore; name: string }) {
  const offRun = useStoreValue(off, (s) => s.run);
  const onRun = useStoreValue(on, (s) => s.run);
  const { onlyOff, steps, off: a, on: b } = useMemo(() => differenceOf(offRun, onRun), [offRun, onRun]);
  return (
    <section
      className="panel prod-diff"
      aria-labelledby="prod-diff-title"
      data-differences={onlyOff.length + steps.length}
    >
      <div className="panel__head">
        <h2 id="prod-diff-title">The difference the {name} fix makes</h2>
      </div>
      {onlyOff.length === 0 && steps.length === 0 ? (
        <p>In this scenario both runs come out the same.</p>
      ) : (
        <>
          {onlyOff.length > 0 && (
            <p>
              Only with it off: <strong>{onlyOff.map((w) => callout(w, SWITCHED_LEVEL).title).join('; ')}</strong>.
            </p>
          )}
          <ul className="prod-diff__list">
            {steps.map((d) => (
              <li key={d.index}>
                Step {d.index + 1}: off — {d.off}; on — {d.on}.
              </li>
            ))}
            <li>
              Connections created: off {a.created}, on {b.created}; still open at the end: off {a.open}, on {b.open}
              {a.pending + b.pending > 0 ? `; readers still waiting: off ${a.pending}, on ${b.pending}` : ''}.
            </li>
          </ul>
        </>
      )}
    </section>
  );
}

/**
 * "What changed since the previous level": the line diff of the two levels' sources (markers
 * stripped), unchanged runs folded.
 */
import { useMemo } from 'react';
import type { LevelId } from '../../engine';
import { diffLines, diffStats, hunks } from '../lib/diff';
import { stripMarkers } from '../lib/source';
import { sourceOf } from '../lib/sources';

export function CodeDiff({ from, to, fromTitle }: { from: LevelId; to: LevelId; fromTitle: string }) {
  const lines = useMemo(
    () => diffLines(stripMarkers(sourceOf(from) ?? ''), stripMarkers(sourceOf(to) ?? '')),
    [from, to],
  );
  const stats = diffStats(lines);
  const parts = hunks(lines, 2);
  return (
    <details className="diff">
      <summary>
        What changed in the code since {fromTitle}{' '}
        <span className="diff__stats">
          (+{stats.added} / −{stats.removed} lines)
        </span>
      </summary>
      <div className="diff__body" role="region" aria-label={`Changes since ${fromTitle}`} tabIndex={0}>
        <pre className="code__pre">
          {parts.map((h, i) => (
            <div key={i}>
              {h.skippedBefore > 0 && <div className="diff__skip">⋯ {h.skippedBefore} unchanged lines</div>}
              {h.lines.map((l, j) => (
                <div key={j} className={`diff__line diff__line--${l.op}`}>
                  <span className="diff__sign" aria-hidden="true">
                    {l.op === 'added' ? '+' : l.op === 'removed' ? '−' : ' '}
                  </span>
                  <span className="sr-only">
                    {l.op === 'added' ? 'added: ' : l.op === 'removed' ? 'removed: ' : ''}
                  </span>
                  <span className="code__text">{l.text || ' '}</span>
                </div>
              ))}
            </div>
          ))}
        </pre>
      </div>
    </details>
  );
}

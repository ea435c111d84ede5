/**
 * The running code: the level's own source with the lines the moment in view ran lit (every line of
 * a beat's events; line by line, the event's), and the reader who ran them named beside them.
 */
import { useEffect, useMemo, useRef } from 'react';
import type { LevelId } from '../../engine';
import {
  selectCodeSteps,
  selectCodeStepsClient,
  selectEvent,
  selectLastCodeStep,
  selectLineByLine,
  selectOperation,
} from '../../store/selectors';
import { useLabShallow, useLabStore } from '../hooks/labStore';
import { linesForStep, parseSource } from '../lib/source';
import { kindsOf, tokensOf } from '../lib/highlighted';
import { fileNameOf, sourceOf } from '../lib/sources';
import { CodeLegend } from './CodeLegend';
import './code.css';

export interface CodePanelProps {
  /** The level whose class is shown: the file the registry names for it. */
  readonly level: LevelId;
  /** Fix switches that are off (production level): their `// @fix` lines are struck through. */
  readonly offFixes?: readonly string[];
}

/** The running lines are kept within the code box's first rows (see the effect below). */
const TOP_ROWS = 6;

export function CodePanel({ level, offFixes = [] }: CodePanelProps) {
  const steps = useLabShallow(selectCodeSteps);
  const client = useLabStore(selectCodeStepsClient);
  const op = useLabStore(selectOperation);
  const lineByLine = useLabStore(selectLineByLine);
  const kinds = useMemo(() => kindsOf(level), [level]);
  const event = useLabStore(selectEvent);
  const lines = useMemo(() => parseSource(sourceOf(level) ?? '// (no source for this level)'), [level]);
  const file = fileNameOf(level);
  const previous = useLabShallow((s) => (selectCodeSteps(s).length === 0 ? selectLastCodeStep(s) : null));
  const lit = useMemo(() => new Set(steps.flatMap((step) => linesForStep(lines, step))), [lines, steps]);
  const dim = useMemo(() => new Set(linesForStep(lines, previous?.step ?? null)), [lines, previous?.step]);
  const shown = lit.size > 0 ? lit : dim;
  const first = shown.size > 0 ? Math.min(...shown) : null;
  const last = shown.size > 0 ? Math.max(...shown) : null;
  const scroller = useRef<HTMLDivElement>(null);

  // Keep the running lines near the top of the box: all of them when they fit (a method's line and
  // its caller's can be a dozen lines apart), else the first. Near the top, because under the scene
  // on a laptop only the box's first few rows are on screen: a line lit lower down would be out of
  // sight. So they stay within the box's first TOP_ROWS rows — fewer when fewer are on screen, the
  // box's top in the window and its foot below it — with up to two rows above them (the first of
  // them, when they do not fit).
  // Measured in the next animation frame, with the layout the browser computes for that frame
  // anyway, rather than forcing one mid-commit; and again when the page above moves the box (the
  // scene taking the height it holds for its tallest moment, stage/foresee.tsx).
  useEffect(() => {
    if (first === null || last === null) return;
    const keep = () => {
      const box = scroller.current;
      const from = box?.querySelector<HTMLElement>(`[data-line="${first}"]`);
      const to = box?.querySelector<HTMLElement>(`[data-line="${last}"]`);
      if (!box || !from || !to) return;
      // Where a row stands in the box's own scrolled content (not `offsetTop`, which counts from
      // the nearest positioned ancestor: everything above the box, a long legend included).
      const boxTop = box.getBoundingClientRect().top + box.clientTop;
      const topOf = (row: HTMLElement) => row.getBoundingClientRect().top - boxTop + box.scrollTop;
      const top = topOf(from);
      const bottom = topOf(to) + to.offsetHeight;
      const row = from.offsetHeight;
      const onScreen = window.innerHeight - boxTop;
      const rows = Math.min(box.clientHeight, TOP_ROWS * row);
      const region = onScreen > 0 && onScreen < rows ? Math.max(row, onScreen) : rows;
      if (top >= box.scrollTop && bottom <= box.scrollTop + region) return;
      // Two rows above them, fewer when that would push the last of them (or, when they do not
      // fit, the first) out of the region.
      const room = region - (bottom - top);
      box.scrollTop = top - Math.max(0, Math.min((room > 0 ? room : region) - row, 2 * row));
    };
    let frame = requestAnimationFrame(keep);
    const moved =
      typeof ResizeObserver === 'undefined'
        ? null
        : new ResizeObserver(() => {
            cancelAnimationFrame(frame);
            frame = requestAnimationFrame(keep);
          });
    moved?.observe(document.documentElement);
    return () => {
      cancelAnimationFrame(frame);
      moved?.disconnect();
    };
  }, [first, last]);

  const who = client ? `Reader ${client}` : 'The pool';
  return (
    <section className="panel code" aria-labelledby="code-title">
      <div className="panel__head">
        <h2 id="code-title">The code</h2>
        <span className="panel__sub">{file}</span>
      </div>
      <p className="code__status" data-step={steps.join(' ')}>
        {steps.length === 0 ? (
          <>
            {event.client ? `Reader ${event.client} is outside the pool’s code.` : 'Outside the pool’s code.'}
            {previous && (
              <>
                {' '}
                {/* Named when another ran it: "Reader A is outside…" is not Reader A's line. */}
                Last line run
                {previous.client !== event.client
                  ? `, by ${previous.client ? `Reader ${previous.client}` : 'the pool'}`
                  : ''}
                : <code>{previous.step}</code>
                {dim.size > 0 ? ` (line ${Math.min(...dim)}, outlined)` : ''}.
              </>
            )}
          </>
        ) : (
          <>
            {/* A moment is a beat: every line its events ran, some of them over by its end (ROLLBACK
                before DISCARD ALL), so "ran"; line by line, the one event's line is running. */}
            <span className="code__who">{who}</span> {lineByLine ? 'is running' : 'ran'}{' '}
            {/* Each step with its own line, in the order they run (a caller's line first). */}
            {steps.map((step, i) => {
              const at = linesForStep(lines, step);
              return (
                <span key={step}>
                  {i > 0 ? ', ' : ''}
                  <code>{step}</code>
                  {at.length > 0 ? ` (${at.length === 1 ? 'line' : 'lines'} ${at.join(', ')})` : ''}
                </span>
              );
            })}
            {op ? (
              <>
                {' '}
                — <span className={`code__op code__op--${op}`}>{op.toUpperCase()}</span>
              </>
            ) : null}
            .
          </>
        )}
      </p>
      <div className="code__scroll" ref={scroller} tabIndex={0} role="region" aria-label={`Source of ${file || level}`}>
        <pre className="code__pre">
          {lines.map((l) => {
            const on = lit.has(l.n);
            const last = !on && dim.has(l.n);
            const off = l.fixes.filter((f) => offFixes.includes(f));
            return (
              <div
                key={l.n}
                className={`code__line${on ? ' code__line--now' : ''}${last ? ' code__line--last' : ''}${off.length > 0 ? ' code__line--off' : ''}`}
                data-line={l.n}
                data-now={on ? 'yes' : undefined}
                data-op={on && op ? op : undefined}
                data-fix={l.fixes.length > 0 ? l.fixes.join(' ') : undefined}
                data-off={off.length > 0 ? 'yes' : undefined}
              >
                <span className="code__n" aria-hidden="true">
                  {l.n}
                </span>
                <span className="code__text">
                  {l.text === ''
                    ? ' '
                    : tokensOf(l.text, kinds?.[l.n - 1]).map(([text, kind], i) =>
                        kind === '' ? (
                          text
                        ) : (
                          <span key={i} className={`tok tok-${kind}`}>
                            {text}
                          </span>
                        ),
                      )}
                </span>
                {off.length > 0 && <span className="code__off">skipped: {off.join(', ')} off</span>}
                {on && (
                  <span className="code__runner">
                    <span aria-hidden="true">◀ </span>
                    {who}
                  </span>
                )}
              </div>
            );
          })}
        </pre>
      </div>
      {/* After the code it explains: the running lines come first, under the status. */}
      <CodeLegend source={sourceOf(level) ?? ''} />
    </section>
  );
}

/**
 * Callouts: when the monitor's warnings have come true by the cursor, say so prominently — what
 * went wrong (the text's warning, in our words), what exactly happened here, and the level that
 * fixes it. The newest is open; earlier ones stay listed, folded.
 */
import { useId, useMemo } from 'react';
import type { Fixes, LevelId } from '../../engine';
import { callout } from '../../store/callouts';
import type { WarningMark } from '../../store/labStore';
import { wordsOf } from '../../store/levels';
import { momentOfEvent, selectFixes, selectLevel, selectReaderNames, selectWarningsSoFar } from '../../store/selectors';
import { inPageWords } from '../../store/words';
import { useLabActions, useLabShallow, useLabStore } from '../hooks/labStore';
import { hasLabPage, pageHref } from '../lib/links';
import { onLinkClick } from '../nav';

/**
 * `place`: where a lab level draws them (both are drawn; CSS shows one): under the transport on a
 * narrow screen ("main"), at the top of the right-hand column on a wide one ("side"), so that they
 * do not push the code below the window there.
 */
export function Callouts({ place }: { place?: 'main' | 'side' }) {
  const titleId = useId();
  const marks = useLabShallow(selectWarningsSoFar);
  const level = useLabStore(selectLevel);
  // On the production page the advice names the switch that is off in this run.
  const fixes = useLabStore(selectFixes);
  if (marks.length === 0) return null;
  const [newest, ...older] = marks;
  return (
    <section className={place ? `callouts callouts--${place}` : 'callouts'} aria-labelledby={titleId}>
      <h2 id={titleId} className="sr-only">
        Warnings
      </h2>
      <CalloutCard mark={newest!} level={level} fixes={fixes} open />
      {older.length > 0 && (
        <ul className="callouts__older" aria-label="Earlier warnings">
          {older.map((m) => (
            <li key={m.warning}>
              <CalloutCard mark={m} level={level} fixes={fixes} open={false} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

interface CalloutCardProps {
  readonly mark: WarningMark;
  readonly level: LevelId;
  readonly fixes: Partial<Fixes> | undefined;
  readonly open: boolean;
}

function CalloutCard({ mark, level, fixes, open }: CalloutCardProps) {
  const text = useMemo(() => callout(mark.warning, level, fixes), [mark.warning, level, fixes]);
  const { seek } = useLabActions();
  const readers = useLabShallow(selectReaderNames);
  // The moment as the transport counts it: the beat that holds the warning, or line by line its event.
  const moment = useLabStore((s) => momentOfEvent(s, mark.index));
  // A fix on this very page (the production page's switches) is advice, not a link: following
  // `?level=production` would only reload the page with every switch back to its default.
  const fixHref = text.fixedBy && text.fixedBy !== level && hasLabPage(text.fixedBy) ? pageHref(text.fixedBy) : null;
  const details = (
    <>
      <p className="callout__body">{text.body}</p>
      <p className="callout__what">
        <span className="callout__label">Here:</span> {sentence(inPageWords(mark.message, wordsOf(level), readers))}{' '}
        <button type="button" className="link-button" onClick={() => seek(mark.index)}>
          Go to moment {moment}
        </button>
      </p>
      {text.fixedBy && text.fixLabel && (
        <p className="callout__fix">
          {fixHref ? (
            <a href={fixHref} onClick={onLinkClick}>
              {text.fixLabel} →
            </a>
          ) : (
            <span>{text.fixLabel}.</span>
          )}
        </p>
      )}
    </>
  );
  if (open) {
    return (
      <article
        className="callout callout--open"
        data-warning={mark.warning}
        aria-labelledby={`callout-${mark.warning}`}
      >
        <h3 id={`callout-${mark.warning}`} className="callout__title">
          <span aria-hidden="true">⚠ </span>
          {text.title}
        </h3>
        {details}
      </article>
    );
  }
  return (
    <details className="callout" data-warning={mark.warning}>
      <summary className="callout__title">
        <span aria-hidden="true">⚠ </span>
        {text.title}
      </summary>
      {details}
    </details>
  );
}

/** End a message with one full stop (some already end in . or !). */
function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

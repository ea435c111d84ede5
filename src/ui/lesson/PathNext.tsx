/**
 * The foot of a page of the path that has no lesson (the production pool, the Load lab): where the
 * path goes next, or that it ends here, so no page leaves the learner wondering where to click.
 */
import { LAST_STOPS } from '../../store/path';
import { pageHref } from '../lib/pageHref';
import { onLinkClick } from '../nav';
import { labelOf } from '../routes';
import './lesson.css';

export function PathNext({ page }: { page: string }) {
  const i = LAST_STOPS.findIndex((s) => s.page === page);
  const next = i < 0 ? undefined : LAST_STOPS[i + 1];
  return (
    <nav className="path-next" aria-label="Next on the path">
      {next ? (
        <a className="button" href={pageHref(next.page)} onClick={onLinkClick}>
          Next lesson: {labelOf(next.page)} (about {next.minutes} minutes) →
        </a>
      ) : (
        <>
          <p>This is the end of the path.</p>
          <a className="button" href={pageHref('analogy')} onClick={onLinkClick}>
            Back to the path
          </a>
        </>
      )}
    </nav>
  );
}

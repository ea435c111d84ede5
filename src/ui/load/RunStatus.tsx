/**
 * The progress bar, the Cancel button, and a live line saying what happened. Progress counts work:
 * each caller's arrival and each caller through, so callers still queued are work left.
 */
import { count, seconds } from './format';
import type { Runner } from './useLoadRunner';

export function RunStatus({ runner }: { runner: Runner }) {
  const { status, progress, label, message } = runner;
  const running = status === 'running';
  const share = progress && progress.total > 0 ? progress.done / progress.total : 0;
  const left = running && progress && progress.rate > 0 ? (progress.total - progress.done) / progress.rate : null;
  return (
    <div className="load-status" data-status={status}>
      {running && progress && (
        <div className="load-progress">
          <progress aria-label={label} value={progress.done} max={progress.total} />
          <span>
            {Math.floor(share * 100)} % — of {count(progress.total / 2)} callers, {count(progress.arrived)} arrived and{' '}
            {count(progress.through)} through
            {left !== null && progress.done > 0 ? `; about ${seconds(left)} left` : ''}
          </span>
          <button type="button" onClick={runner.cancel}>
            Cancel
          </button>
        </div>
      )}
      <p className={status === 'failed' ? 'load-error' : 'load-hint'} role="status" aria-live="polite">
        {running ? `${label}…` : message}
      </p>
    </div>
  );
}

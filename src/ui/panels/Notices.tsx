import { useSyncExternalStore } from 'react';
import { noticeBoard } from '../notices';

/** Notices: what a deep link asked for and did not get, a step that could not run. */
export function Notices() {
  const notices = useSyncExternalStore(noticeBoard.subscribe, noticeBoard.get, noticeBoard.getServer);
  return (
    <div className="notices" role="status" aria-live="polite">
      {notices.map((n) => (
        <p key={n.id} className="notice">
          <span className="notice__icon" aria-hidden="true">
            ℹ
          </span>
          <span className="notice__text">{n.text}</span>
          <button
            type="button"
            className="link-button"
            onClick={() => noticeBoard.dismiss(n.id)}
            aria-label={`Dismiss: ${n.text}`}
          >
            Dismiss
          </button>
        </p>
      ))}
    </div>
  );
}

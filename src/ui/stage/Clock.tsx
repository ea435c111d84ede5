/**
 * The scene's virtual clock: a dial whose hand goes round once per virtual second, and the time in
 * words. It shows the engine's time at the cursor; real time never enters it.
 */
import { ms } from '../../store/format';

export function Clock({ t }: { t: number }) {
  const turn = ((t % 1000) / 1000) * 360;
  return (
    <p className="clock" data-clock={t}>
      <svg className="clock__dial" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
        <circle cx="12" cy="12" r="10" fill="none" stroke="currentColor" strokeWidth="2" />
        <line
          x1="12"
          y1="12"
          x2="12"
          y2="4.5"
          stroke="currentColor"
          strokeWidth="2"
          strokeLinecap="round"
          transform={`rotate(${turn} 12 12)`}
        />
      </svg>
      <span className="clock__label">virtual clock</span> <strong className="clock__t">t = {ms(t)}</strong>
    </p>
  );
}

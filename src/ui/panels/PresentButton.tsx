/** The presentation-mode switch: a toggle button, with its key when the shortcuts are on. */
import { useShortcutSetting } from '../hooks/useShortcutSetting';
import { Icon } from '../icons';

export function PresentButton({ on, onToggle }: { on: boolean; onToggle: () => void }) {
  const keys = useShortcutSetting();
  return (
    <button
      type="button"
      className="button button--small present-button"
      onClick={onToggle}
      title={`${on ? 'Leave presentation mode' : 'Presentation mode: the scene, the caption and the controls only, in large type'}${keys ? ' (P)' : ''}`}
      data-control="present"
    >
      <Icon name="present" /> {on ? 'Leave presentation mode' : 'Presentation mode'}
    </button>
  );
}

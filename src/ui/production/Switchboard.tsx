/**
 * The switchboard: the text's six rows, each with the switch that turns its fix off and the
 * scenario buttons that make its problem happen.
 */
import { flushSync } from 'react-dom';
import type { FixName, Fixes } from '../../engine';
import { focusPlay } from '../lib/focus';
import { MORE_PRODUCTION_STORIES, PRODUCTION_ROWS } from '../../stories/production';
import type { ProductionStory } from '../../stories/types';

export interface SwitchboardProps {
  readonly fixes: Fixes;
  readonly scenarioId: string;
  onToggle(fix: FixName): void;
  onScenario(id: string): void;
}

export function Switchboard({ fixes, scenarioId, onToggle, onScenario }: SwitchboardProps) {
  const button = (s: ProductionStory) => (
    <button
      key={s.id}
      type="button"
      className="button button--small"
      aria-pressed={s.id === scenarioId}
      onClick={() => {
        // Then the focus goes to Play, so Space plays (and pauses) the story chosen.
        flushSync(() => onScenario(s.id));
        focusPlay();
      }}
      data-scenario={s.id}
    >
      {s.title}
    </button>
  );
  return (
    <section className="panel prod-board" aria-labelledby="prod-board-title">
      <div className="panel__head">
        <h2 id="prod-board-title">Why we add each feature — switch one off</h2>
      </div>
      <ul className="prod-rows">
        {PRODUCTION_ROWS.map((row) => {
          const on = fixes[row.fix];
          return (
            <li
              key={row.fix}
              className={`prod-row${on ? '' : ' prod-row--off'}`}
              data-fix={row.fix}
              data-on={on ? 'yes' : 'no'}
            >
              <button
                type="button"
                role="switch"
                aria-checked={on}
                className="prod-switch"
                onClick={() => onToggle(row.fix)}
              >
                <span className="prod-switch__track" aria-hidden="true">
                  <span className="prod-switch__knob" />
                </span>
                <span className="prod-switch__name">{row.name}</span>
                <span className="prod-switch__state" aria-hidden="true">
                  {on ? 'on' : 'off'}
                </span>
              </button>
              <p className="prod-row__text">
                <strong>{row.without}:</strong> {row.problem} <span className="prod-row__fix">Fix: {row.solution}</span>
              </p>
              <div className="prod-row__scenarios" role="group" aria-label={`${row.name}: scenarios`}>
                {row.stories.map(button)}
              </div>
            </li>
          );
        })}
      </ul>
      <div className="prod-more" role="group" aria-label="More scenarios">
        <span className="prod-more__label">More:</span> {MORE_PRODUCTION_STORIES.map(button)}
      </div>
    </section>
  );
}

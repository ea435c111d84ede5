/**
 * A level's header: its title, what it adds and which problem it solves, its lesson (given by the
 * page), its stories (scenario buttons), and what changed in the code since the previous level.
 */
import type { ReactNode } from 'react';
import { flushSync } from 'react-dom';
import type { LevelId } from '../../engine';
import { levelOf } from '../../store/levels';
import { selectBasedOn, selectStoryId } from '../../store/selectors';
import { levelPageOf, previousPageOf, storiesFor } from '../../stories';
import { useLabActions, useLabStore } from '../hooks/labStore';
import { focusPlay } from '../lib/focus';
import { CodeDiff } from './CodeDiff';

export function LevelHeader({ level, lesson }: { level: LevelId; lesson?: ReactNode }) {
  const page = levelPageOf(level);
  const previous = previousPageOf(level);
  const stories = storiesFor(level);
  const storyId = useLabStore(selectStoryId);
  const basedOn = useLabStore(selectBasedOn);
  const { loadStory } = useLabActions();
  const current = stories.find((s) => s.id === (storyId ?? basedOn));
  return (
    <header className="level-header">
      <div className="level-header__top">
        <h1 tabIndex={-1}>{levelOf(level).title}</h1>
      </div>
      {page && (
        <dl className="level-header__facts">
          <div>
            <dt>Adds</dt>
            <dd>{levelOf(level).summary}</dd>
          </div>
          <div>
            <dt>Solves</dt>
            <dd>{page.solves}</dd>
          </div>
        </dl>
      )}
      {lesson}
      {stories.length > 0 && (
        <div className="stories" role="group" aria-labelledby="stories-title">
          <h2 id="stories-title" className="stories__title">
            Scenarios<span className="stories__hint"> — each plays a short story that ends on a warning</span>
          </h2>
          <ul className="stories__list">
            {stories.map((s) => (
              <li key={s.id}>
                <button
                  type="button"
                  className="story-button"
                  aria-pressed={s.id === storyId}
                  onClick={() => {
                    // The story starts playing: the focus goes to Pause, so Space pauses it.
                    flushSync(() => loadStory(s.id));
                    focusPlay();
                  }}
                  title={s.summary}
                >
                  {s.title}
                </button>
              </li>
            ))}
          </ul>
          {current && (
            <p className="stories__summary">
              <strong>{current.title}:</strong> {current.summary}
              {storyId === null && basedOn && <em> (with your own steps added)</em>}
            </p>
          )}
        </div>
      )}
      {previous && <CodeDiff from={previous.id} to={level} fromTitle={levelOf(previous.id).label} />}
    </header>
  );
}

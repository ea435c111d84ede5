/**
 * The four parts of a lesson (see LessonPanel): it works, what will happen?, the fix, in three
 * lines — and the note that names the story on stage when it is not the part's own.
 */
import { useId, useMemo, useState } from 'react';
import type { LevelId } from '../../engine';
import { ms } from '../../store/format';
import {
  askQuestion,
  dayInWords,
  difference,
  fixLevelOf,
  lessonOf,
  nextStop,
  savings,
  worksScenario,
} from '../../store/lessons';
import type { LessonPart } from '../../store/lessonPart';
import { levelOf, wordsOf } from '../../store/levels';
import { selectStoryId } from '../../store/selectors';
import { storyById } from '../../stories';
import { useLabActions, useLabStore } from '../hooks/labStore';
import { useProgress } from '../hooks/useProgress';
import { focusPlay } from '../lib/focus';
import { momentHref, pageHref, partHref, scenarioHref } from '../lib/links';
import { onLinkClick } from '../nav';

/**
 * The story the learner chose from the scenarios, when it is not the one this part plays: said at
 * the top of the part, so the lesson's words are not read as the stage's (the story's summary
 * under the scenario buttons is often below the fold).
 */
export function OnStage({ level, part }: { level: LevelId; part: LessonPart }) {
  const storyId = useLabStore(selectStoryId);
  const lesson = lessonOf(level)!;
  const story = storyId === null ? undefined : storyById(storyId);
  const partsOwn = part === 'works' ? null : lesson.story.id;
  if (!story || story.level !== level || story.id === partsOwn) return null;
  return (
    <p className="lesson__onstage">
      <span className="lesson__onstage-label">On the stage now:</span> <strong>{story.title}.</strong> {story.summary}
    </p>
  );
}

export function Works({ level, onPlayed }: { level: LevelId; onPlayed: () => void }) {
  const lesson = lessonOf(level)!;
  const { loadScenario } = useLabActions();
  const day = useMemo(() => savings(lesson), [lesson]);
  const { thing } = wordsOf(level);
  const made = (n: number) => `${n} ${thing}${n === 1 ? '' : 's'}`;
  return (
    <>
      <p>
        <strong>{lesson.works.title}.</strong> {dayInWords(lesson.works.steps, thing)} Acquire, use, release.
      </p>
      <p className="lesson__figures">
        {/* The day's length, not the making's: "makes 1 book in 118.5 ms" read as the printing time. */}
        On this ordinary day {levelOf(level).label} makes {made(day.now.made)}, and the day takes {ms(day.now.ms)}
        {day.before && (
          <>
            ; the same day {levelOf(day.before.level).shelf ? `on ${levelOf(day.before.level).label}` : 'with no pool'}{' '}
            makes {made(day.before.made)} and takes {ms(day.before.ms)}. {saved(difference(day.now, day.before), made)}
          </>
        )}
        {!day.before && '.'}
      </p>
      <button
        type="button"
        className="button"
        onClick={() => {
          if (loadScenario(worksScenario(lesson), { cursor: 0, play: true })) {
            onPlayed();
            focusPlay();
          }
        }}
      >
        Play an ordinary day
      </button>
    </>
  );
}

/** "Saved: 1 book and 168 ms." / "It costs 3.5 ms more." / "The same: nothing saved, nothing lost." */
function saved(d: { made: number; ms: number }, made: (n: number) => string): string {
  if (d.made === 0 && d.ms === 0) return 'The same: nothing saved, nothing lost.';
  const gains = [d.made > 0 ? made(d.made) : null, d.ms > 0 ? ms(d.ms) : null].filter((w) => w !== null);
  const costs = [d.made < 0 ? `${made(-d.made)} more` : null, d.ms < 0 ? `${ms(-d.ms)} more` : null].filter(
    (w) => w !== null,
  );
  return [
    gains.length > 0 ? `Saved: ${gains.join(' and ')}.` : '',
    costs.length > 0 ? `It costs ${costs.join(' and ')}.` : '',
  ]
    .filter((w) => w !== '')
    .join(' ');
}

export function Question({ level }: { level: LevelId }) {
  const lesson = lessonOf(level)!;
  const q = useMemo(() => askQuestion(lesson), [lesson]);
  const answered = useProgress((s) => s.progress[level]?.answer);
  const mark = useProgress((s) => s.mark);
  const { loadStory } = useLabActions();
  const [choice, setChoice] = useState<string | null>(null);
  const [asking, setAsking] = useState(answered === undefined);
  const name = useId();
  const legendId = useId();

  if (!asking && answered) {
    return (
      <div>
        <p className="lesson__prompt">{q.prompt}</p>
        <p role="status" className={answered.right ? 'lesson__right' : 'lesson__wrong'}>
          {answered.right ? (
            <>
              <strong>Right:</strong> {q.answer}. Watch it happen on the stage.
            </>
          ) : (
            <>
              <strong>Not quite.</strong> You chose: {answered.choice}. {q.why}{' '}
              <a href={momentHref(level, lesson.story.id, q.moment)} onClick={onLinkClick}>
                See the moment it happens
              </a>
            </>
          )}
        </p>
        <button type="button" className="button" onClick={() => setAsking(true)}>
          Ask me again
        </button>
      </div>
    );
  }
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (choice === null) return;
        mark(level, { answer: { choice, right: choice === q.answer } });
        setAsking(false);
        loadStory(lesson.story.id, { play: true });
      }}
    >
      <fieldset className="lesson__question" aria-labelledby={legendId}>
        <legend id={legendId} className="lesson__prompt">
          {q.prompt}
        </legend>
        {q.choices.map((c) => (
          <label key={c} className="lesson__choice">
            <input type="radio" name={name} value={c} checked={choice === c} onChange={() => setChoice(c)} /> {c}
          </label>
        ))}
      </fieldset>
      <button type="submit" className="button" disabled={choice === null}>
        Check, then watch
      </button>
    </form>
  );
}

export function Fix({ level, onSeen }: { level: LevelId; onSeen: () => void }) {
  const lesson = lessonOf(level)!;
  const fixer = fixLevelOf(lesson);
  return (
    <>
      <p>
        <strong>{lesson.fix.title}.</strong> {lesson.fix.summary}
      </p>
      <p>
        <a
          className="button"
          href={scenarioHref(lesson.fix.scenario)}
          onClick={() => {
            onSeen();
            // Back from the fix comes to this lesson's three lines and its "Next lesson".
            window.history.replaceState(null, '', partHref(level, 'recap'));
          }}
        >
          See it on {fixer ? levelOf(fixer).label : 'the next level'}
        </a>{' '}
        <span className="lesson__minutes">Back in your browser returns here, to “In three lines”.</span>
      </p>
    </>
  );
}

export function Recap({ level }: { level: LevelId }) {
  const lesson = lessonOf(level)!;
  const next = nextStop(level);
  return (
    <>
      <ul className="lesson__recap">
        <li>
          <strong>Adds:</strong> {levelOf(level).summary}
        </li>
        <li>
          <strong>Still wrong:</strong> {lesson.stillWrong}
        </li>
      </ul>
      {next && (
        <a className="button" href={pageHref(next)} onClick={onLinkClick}>
          Next lesson: {levelOf(next).label} →
        </a>
      )}
    </>
  );
}

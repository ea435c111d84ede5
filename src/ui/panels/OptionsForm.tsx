/**
 * The level's sizes, editable. Every keystroke is checked (by the store, with the engine's own
 * rules); a bad value gets a message beside its field and the lab keeps the last good run.
 */
import { useId } from 'react';
import { optionFields } from '../../store/options';
import { selectLevel, selectOptionErrors, selectOptionText } from '../../store/selectors';
import { useLabActions, useLabStore } from '../hooks/labStore';

export function OptionsForm() {
  const level = useLabStore(selectLevel);
  const text = useLabStore(selectOptionText);
  const errors = useLabStore(selectOptionErrors);
  const { setOption } = useLabActions();
  const base = useId();
  const fields = optionFields(level);
  if (fields.length === 0) return null;
  return (
    <fieldset className="options">
      <legend>Pool sizes</legend>
      {fields.map((f) => {
        const id = `${base}-${f.name}`;
        const error = errors[f.name];
        return (
          <div key={f.name} className={`field${error ? ' field--bad' : ''}`}>
            <label htmlFor={id}>{f.label}</label>
            <input
              id={id}
              type="text"
              inputMode="numeric"
              autoComplete="off"
              spellCheck={false}
              value={text[f.name] ?? String(f.defaultValue)}
              onChange={(e) => setOption(f.name, e.target.value)}
              aria-invalid={error ? true : undefined}
              aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
            />
            <span id={`${id}-hint`} className="field__hint">
              {f.hint}
            </span>
            {error && (
              <span id={`${id}-error`} className="field__error" role="alert">
                <span aria-hidden="true">⚠ </span>
                {error}
              </span>
            )}
          </div>
        );
      })}
    </fieldset>
  );
}

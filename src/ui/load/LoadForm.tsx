/** The load's controls: every field a real input with a label, its message tied to it. */
import { useId, type ReactNode } from 'react';
import type { LoadForm as Form } from '../../store/load';
import type { FieldName, FormCheck } from './form';
import { LONG_RUN_SECONDS } from './form';
import { seconds } from './format';

interface Props {
  readonly form: Form;
  readonly check: FormCheck;
  readonly busy: boolean;
  readonly onChange: (form: Form) => void;
  readonly onRun: () => void;
}

export function LoadForm({ form, check, busy, onChange, onRun }: Props) {
  const set = <K extends keyof Form>(key: K, value: Form[K]) => onChange({ ...form, [key]: value });
  const field = (name: FieldName, label: string, hint?: string) => (
    <NumberField
      name={name}
      label={label}
      hint={hint}
      value={form[name]}
      error={check.errors[name]}
      onChange={(v) => set(name, v)}
    />
  );
  const long = check.estimate !== null && check.estimate > LONG_RUN_SECONDS;
  return (
    <form
      className="load-form"
      aria-label="Load"
      onSubmit={(e) => {
        e.preventDefault();
        if (check.scenario && !busy) onRun();
      }}
    >
      <fieldset>
        <legend>Callers</legend>
        {field('rate', 'Arrivals per second', 'On average; the gaps between callers are random (Poisson).')}
        {field('holdMs', 'Hold time (ms)', 'How long a caller keeps its object.')}
        <Choice
          legend="Hold time is"
          name="hold"
          value={form.hold}
          options={[
            ['exponential', 'Random (exponential, this mean)'],
            ['fixed', 'Always exactly this'],
          ]}
          onChange={(v) => set('hold', v)}
        />
      </fieldset>
      <fieldset>
        <legend>Pool</legend>
        {field('poolSize', 'Pool size (maxSize)')}
        <Choice
          legend="When the shelf is empty"
          name="mode"
          value={form.mode}
          options={[
            ['refuse', 'Refuse at once (acquireTimeout 0)'],
            ['wait', 'Wait as long as it takes (acquireTimeout null)'],
            ['timeout', 'Wait, then give up'],
          ]}
          onChange={(v) => set('mode', v)}
        />
        {form.mode === 'timeout' && field('timeoutMs', 'Acquire timeout (ms)')}
        <label className="load-check">
          <input type="checkbox" checked={form.textbook} onChange={(e) => set('textbook', e.target.checked)} />
          Textbook pool: pre-filled, no hand-over, validation or reset time
        </label>
        {!form.textbook && (
          <div className="load-costs">
            {field('minSize', 'Pre-filled (minSize)', 'The rest are created on demand, 50–200 ms each.')}
            {field('reuseMs', 'Hand-over (ms)')}
            {field('validateMs', 'Validation, SELECT 1 (ms)')}
            {field('resetMs', 'Reset, per statement (ms)')}
          </div>
        )}
      </fieldset>
      <fieldset>
        <legend>Run</legend>
        {field('arrivals', 'Arrivals', 'How many callers in all.')}
        {field('seed', 'Seed', 'The same seed gives the same callers and the same result.')}
      </fieldset>
      {check.problems.length > 0 && (
        <div className="load-problem" role="alert">
          {check.problems.map((p) => (
            <p key={p}>{p}</p>
          ))}
        </div>
      )}
      <div className="load-run-row">
        <button type="submit" className="load-primary" disabled={!check.scenario || busy}>
          Run
        </button>
        {check.estimate !== null && (
          <p className={long ? 'load-estimate load-estimate-long' : 'load-estimate'} id="load-estimate">
            {long
              ? `⚠ This run will take about ${seconds(check.estimate)}. Fewer arrivals give a rougher answer sooner.`
              : `Estimated time: ${seconds(check.estimate)}.`}
          </p>
        )}
      </div>
    </form>
  );
}

function NumberField(props: {
  name: FieldName;
  label: string;
  hint?: string | undefined;
  value: string;
  error?: string | undefined;
  onChange: (v: string) => void;
}) {
  const id = useId();
  const described = [props.hint ? `${id}-hint` : null, props.error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className="load-field">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        name={props.name}
        inputMode="decimal"
        autoComplete="off"
        value={props.value}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={described || undefined}
        onChange={(e) => props.onChange(e.target.value)}
      />
      {props.hint && (
        <span className="load-hint" id={`${id}-hint`}>
          {props.hint}
        </span>
      )}
      {props.error && (
        <span className="load-error" id={`${id}-error`}>
          {props.error}
        </span>
      )}
    </div>
  );
}

function Choice<V extends string>(props: {
  legend: string;
  name: string;
  value: V;
  options: readonly (readonly [V, ReactNode])[];
  onChange: (v: V) => void;
}) {
  return (
    <fieldset className="load-choice">
      <legend>{props.legend}</legend>
      {props.options.map(([v, label]) => (
        <label key={v}>
          <input
            type="radio"
            name={props.name}
            value={v}
            checked={props.value === v}
            onChange={() => props.onChange(v)}
          />
          {label}
        </label>
      ))}
    </fieldset>
  );
}

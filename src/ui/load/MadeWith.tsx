/**
 * What a result was made with, always shown beside it; when the form has changed since, the
 * result is marked stale and the line says which inputs changed, from what to what.
 */
import { staleInputs, type Inputs } from '../../store/load';

interface Props {
  readonly inputs: Inputs;
  readonly now: Inputs;
  /** What to press to bring it up to date, e.g. "Run again". */
  readonly again: string;
}

export function MadeWith({ inputs, now, again }: Props) {
  const changes = staleInputs(inputs, now);
  if (changes.length === 0)
    return (
      <p className="load-made" data-stale="false">
        For{' '}
        {Object.entries(inputs).map(([label, value], i) => (
          <span key={label}>
            {i > 0 && ' · '}
            {label} <strong>{value}</strong>
          </span>
        ))}
        .
      </p>
    );
  return (
    <p className="load-made load-stale" data-stale="true">
      <strong>Stale:</strong> made with{' '}
      {changes.map((c, i) => (
        <span key={c.label}>
          {i > 0 && (i === changes.length - 1 ? ' and ' : ', ')}
          {c.label} <strong>{c.then}</strong> (now {c.now})
        </span>
      ))}
      . {again} to update.
    </p>
  );
}

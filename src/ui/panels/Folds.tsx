/**
 * Panels that fold away until asked for (the flow chart, the metrics, the log, manual mode): a row
 * of disclosure buttons, then each open panel in the row's order. Which are open is remembered in
 * this browser, for every level page.
 */
import { useId, type ReactNode } from 'react';
import { useRemembered } from '../hooks/useRemembered';

export interface FoldItem {
  readonly id: string;
  /** The button's words: "Event log". */
  readonly label: string;
  readonly content: ReactNode;
}

const KEY = 'pool-lab:open-panels';

function openSet(value: string | null): Set<string> {
  return new Set((value ?? '').split(',').filter(Boolean));
}

export function Folds({ items, label }: { items: readonly FoldItem[]; label: string }) {
  const [value, setValue] = useRemembered(KEY);
  const open = openSet(value);
  const base = useId();
  const toggle = (id: string) => {
    const next = openSet(value);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setValue([...next].join(','));
  };
  return (
    <div className="folds">
      <div className="folds__bar" role="group" aria-label={label}>
        <span className="folds__label" aria-hidden="true">
          More:
        </span>
        {items.map((f) => (
          <button
            key={f.id}
            type="button"
            className="button button--small fold-button"
            aria-expanded={open.has(f.id)}
            {...(open.has(f.id) ? { 'aria-controls': `${base}${f.id}` } : {})}
            onClick={() => toggle(f.id)}
            data-fold={f.id}
          >
            <span className="fold-button__mark" aria-hidden="true">
              {open.has(f.id) ? '▾' : '▸'}
            </span>
            {f.label}
          </button>
        ))}
      </div>
      {items
        .filter((f) => open.has(f.id))
        .map((f) => (
          <div key={f.id} id={`${base}${f.id}`} className="folds__panel" data-folded-panel={f.id}>
            {f.content}
          </div>
        ))}
    </div>
  );
}

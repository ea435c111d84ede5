/** ACQUIRE, USE or RELEASE as the scene writes it: a mark, the word, and the operation's colour. */
import { OP_MARK, OP_WORD, type Op } from './ops';

export function OpTag({ op, active = true, children }: { op: Op; active?: boolean; children?: string }) {
  return (
    <span className={`op op--${op}`} data-op={op} data-active={active ? 'yes' : 'no'}>
      {op === 'release' && <span aria-hidden="true">{OP_MARK.release} </span>}
      {op === 'use' && <span aria-hidden="true">{OP_MARK.use} </span>}
      <span className="op__word">{OP_WORD[op]}</span>
      {op === 'acquire' && <span aria-hidden="true"> {OP_MARK.acquire}</span>}
      {children && <span className="op__what"> {children}</span>}
    </span>
  );
}

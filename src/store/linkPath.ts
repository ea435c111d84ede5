/**
 * Where a page of the path lives: its address (`/`, `/level-2/`, `/load-lab/`…), each with a page
 * of its own prerendered at build. Part of the link module (link.ts re-exports it): link.ts reads
 * and writes a view as a query, `?level=level2&scenario=…&step=…#…`; this turns that query into
 * the address the browser shows and back. The page goes into the path, the rest stays the query:
 *
 *   ?level=level2&scenario=dirty-book&step=12   ⇄   /level-2/?scenario=dirty-book&step=12
 *   ?level=analogy                              ⇄   /
 *   ?level=load                                 ⇄   /load-lab/
 *
 * A published link of the old form (`/?level=…`) names its page in the query; `movedAddress`
 * gives its address in the new form, so it still opens the same view. No imports: the entry
 * reads this before anything else loads.
 */

/** The page at `/`: the first of the path. */
export const HOME_PAGE = 'analogy';

/** Pages whose address is not their id. */
const NAMED: Readonly<Record<string, string>> = { [HOME_PAGE]: '', load: 'load-lab' };
const PAGE_WORD = /^[a-z][a-z0-9-]*$/;

/** The address of a page: `/`, `/level-2/`, `/load-lab/`, `/database/`. */
export function pathOfPage(page: string): string {
  const id = page.toLowerCase();
  const named = NAMED[id];
  if (named !== undefined) return named === '' ? '/' : `/${named}/`;
  const level = /^level(\d+)$/.exec(id);
  return `/${level ? `level-${level[1]}` : id}/`;
}

/** The page an address names (`/level-2/` → `level2`), `HOME_PAGE` for `/`; null when it names none. */
export function pageOfPath(pathname: string): string | null {
  const word = pathname
    .replace(/\/index\.html$/, '/')
    .replace(/^\/+|\/+$/g, '')
    .toLowerCase();
  if (word === '') return HOME_PAGE;
  if (!PAGE_WORD.test(word)) return null;
  const named = Object.keys(NAMED).find((id) => NAMED[id] === word);
  if (named !== undefined) return named;
  const level = /^level-(\d+)$/.exec(word);
  if (level) return `level${level[1]}`;
  // A page's id is never written with its path's spelling (`/level2/`, `/load/`): one address a page.
  return /^level\d+$/.test(word) || word in NAMED ? null : word;
}

/** The address for a view written as link.ts's query (`?level=…&…#…`): the page in the path. */
export function addressOf(query: string): string {
  const hashAt = query.indexOf('#');
  const hash = hashAt >= 0 ? query.slice(hashAt) : '';
  const params = new URLSearchParams(hashAt >= 0 ? query.slice(0, hashAt) : query);
  const level = params.get('level')?.trim().toLowerCase() ?? HOME_PAGE;
  // A word that is no page's name stays in the query, where the reader can say so.
  if (!PAGE_WORD.test(level)) return `/${query.startsWith('?') ? query : `?${query}`}`;
  const parts = (hashAt >= 0 ? query.slice(0, hashAt) : query).replace(/^\?/, '').split('&');
  // The first `level` goes into the path; one given again stays, for the reader to say so.
  const first = parts.findIndex((part) => part.startsWith('level='));
  const rest = parts.filter((part, i) => part !== '' && i !== first);
  return `${pathOfPage(level)}${rest.length > 0 ? `?${rest.join('&')}` : ''}${hash}`;
}

/**
 * The view an address shows, as link.ts's query: the path's page as `level`, then the query (so a
 * `level` in the query of a page's address is a second one). An address of the old form (`/?level=…`)
 * keeps its own; one whose path names no page reads as that word, so the reader can say so.
 */
export function queryOf(pathname: string, search: string): string {
  const query = search.replace(/^\?/, '');
  const page = pageOfPath(pathname) ?? pathname.replace(/^\/+|\/+$/g, '');
  if (page === HOME_PAGE && new URLSearchParams(query).has('level')) return `?${query}`;
  const level = page === HOME_PAGE && query === '' ? '' : `level=${encodeURIComponent(page)}`;
  return `?${[level, query].filter((s) => s !== '').join('&')}`;
}

/**
 * The new address of a link of the old form (`/?level=level2&step=3#…` → `/level-2/?step=3#…`)
 * when its page is one of `pages`; null when the address is already of the new form or names no
 * page the lab has (the reader then says so on the first page).
 */
export function movedAddress(pathname: string, search: string, hash: string, pages: readonly string[]): string | null {
  const level = new URLSearchParams(search).get('level')?.trim().toLowerCase();
  if (level === undefined || pageOfPath(pathname) !== HOME_PAGE || !pages.includes(level)) return null;
  return addressOf(`${search}${hash}`);
}

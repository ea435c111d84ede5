import { describe, expect, it } from 'vitest';
import { addressOf, movedAddress, pageOfPath, pathOfPage, queryOf } from './linkPath';
import { writeLink } from './link';

const PAGES = ['analogy', 'level1', 'level2', 'level3', 'level4', 'database', 'production', 'load'];

describe('page addresses', () => {
  it('gives each page one path, and reads it back', () => {
    expect(PAGES.map(pathOfPage)).toEqual([
      '/',
      '/level-1/',
      '/level-2/',
      '/level-3/',
      '/level-4/',
      '/database/',
      '/production/',
      '/load-lab/',
    ]);
    for (const p of PAGES) expect(pageOfPath(pathOfPage(p))).toBe(p);
  });

  it('reads a path with or without its slashes and index.html, in any case', () => {
    expect(pageOfPath('/level-2')).toBe('level2');
    expect(pageOfPath('/Level-2/index.html')).toBe('level2');
    expect(pageOfPath('/index.html')).toBe('analogy');
  });

  it('names no page for another spelling of a page’s id, or for words that are not page names', () => {
    expect(pageOfPath('/level2/')).toBeNull();
    expect(pageOfPath('/load/')).toBeNull();
    expect(pageOfPath('/a/b/')).toBeNull();
    expect(pageOfPath('/%3Cscript%3E/')).toBeNull();
  });
});

describe('query ⇄ address', () => {
  it('puts the page in the path and keeps the rest of the query and the fragment', () => {
    expect(addressOf('?level=level2&scenario=dirty-book&step=12')).toBe('/level-2/?scenario=dirty-book&step=12');
    expect(addressOf('?level=production&scenario=pick-order&off=lock,reset&choices=1,0&step=12')).toBe(
      '/production/?scenario=pick-order&off=lock,reset&choices=1,0&step=12',
    );
    expect(addressOf('?level=database&step=41#run=1~~~A.a,A.u')).toBe('/database/?step=41#run=1~~~A.a,A.u');
    expect(addressOf('?level=analogy')).toBe('/');
    expect(addressOf('?level=load')).toBe('/load-lab/');
    expect(addressOf('?')).toBe('/');
  });

  it('reads an address back as the same query', () => {
    for (const q of [
      '?level=level2&scenario=dirty-book&step=12',
      '?level=production&off=lock,reset&step=3',
      '?level=load',
    ]) {
      const address = addressOf(q);
      const url = new URL(address, 'http://x');
      expect(queryOf(url.pathname, url.search)).toBe(q);
    }
    expect(queryOf('/', '')).toBe('?');
    expect(queryOf('/', '?step=3')).toBe('?level=analogy&step=3');
  });

  it('writes every view the link module writes as an address that opens it again', () => {
    const query = writeLink({ level: 'level3', scenario: 'notes', moment: 7, file: { level: 'level3', steps: [] } });
    const address = addressOf(query);
    expect(address.startsWith('/level-3/?scenario=notes&step=7#file=')).toBe(true);
    const url = new URL(address, 'http://x');
    expect(queryOf(url.pathname, url.search) + url.hash).toBe(query);
  });

  it('keeps a page given twice as a second level, for the reader to say so', () => {
    const address = addressOf('?level=production&level=level1&off=lock');
    expect(address).toBe('/production/?level=level1&off=lock');
    const url = new URL(address, 'http://x');
    expect(queryOf(url.pathname, url.search)).toBe('?level=production&level=level1&off=lock');
  });

  it('reads a path that names no page as that word, for the reader to say so', () => {
    expect(queryOf('/nowhere/', '')).toBe('?level=nowhere');
  });
});

describe('links of the old form', () => {
  it('move to the page’s own address, keeping the rest', () => {
    expect(movedAddress('/', '?level=level2&scenario=dirty-book&step=12', '', PAGES)).toBe(
      '/level-2/?scenario=dirty-book&step=12',
    );
    expect(movedAddress('/', '?level=LEVEL2&step=3', '#run=1~~~A.a', PAGES)).toBe('/level-2/?step=3#run=1~~~A.a');
    expect(movedAddress('/index.html', '?level=load', '', PAGES)).toBe('/load-lab/');
  });

  it('stay where they are when they name no page, or are already of the new form', () => {
    expect(movedAddress('/', '?level=nowhere', '', PAGES)).toBeNull();
    expect(movedAddress('/', '?scenario=x', '', PAGES)).toBeNull();
    expect(movedAddress('/level-2/', '?step=3', '', PAGES)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { LEVEL_LIST, SWITCHED_LEVEL } from '../store/levels';
import { pageOfPath } from '../store/linkPath';
import { hasLabPage } from './lib/links';
import { ROUTES, routePath } from './routes';

describe('the route list', () => {
  it('is the level registry’s path: the analogy, each level with a page in order, the load lab', () => {
    const levels = LEVEL_LIST.filter((info) => info.id === SWITCHED_LEVEL || hasLabPage(info.id));
    expect(ROUTES.map((r) => r.id)).toEqual(['analogy', ...levels.map((l) => l.id), 'load']);
    for (const info of levels) {
      const route = ROUTES.find((r) => r.id === info.id)!;
      expect({ label: route.label, title: route.title }).toEqual({ label: info.label, title: info.title });
      expect(route.kind).toBe(info.id === SWITCHED_LEVEL ? 'page' : 'lab');
    }
  });

  it('gives every page an address of its own that reads back as the page', () => {
    const paths = ROUTES.map(routePath);
    expect(new Set(paths).size).toBe(paths.length);
    for (const r of ROUTES) expect(pageOfPath(routePath(r))).toBe(r.id);
    expect(paths.slice(0, 3)).toEqual(['/', '/level-1/', '/level-2/']);
    expect(routePath(ROUTES.at(-1)!)).toBe('/load-lab/');
  });
});

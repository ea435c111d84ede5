import { describe, expect, it } from 'vitest';
import { LESSONS } from '../store/lessons';
import { LEVEL_LIST, SWITCHED_LEVEL } from '../store/levels';
import { pageOfPath } from '../store/linkPath';
import { LESSON_LEVELS, PATH_STOPS } from '../store/path';
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

  it('has a stop of the learning path for every page, in the same order, with its minutes', () => {
    expect(PATH_STOPS.map((s) => s.page)).toEqual(ROUTES.map((r) => r.id));
    for (const s of PATH_STOPS) expect(s.minutes).toBeGreaterThan(0);
  });

  it('marks as lessons exactly the levels the stories write a lesson for, in their order', () => {
    expect(LESSON_LEVELS).toEqual(LESSONS.map((l) => l.level));
  });
});

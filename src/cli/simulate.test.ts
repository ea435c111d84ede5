import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const cli = (files: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/simulate.ts', ...files], { encoding: 'utf8' });

describe('npm run simulate', () => {
  it('prints one line per good file in order, one error line per bad file, and exits non-zero', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pool-lab-'));
    const good = join(dir, 'good.json');
    const bad = join(dir, 'bad.json');
    const notJson = join(dir, 'not.json');
    writeFileSync(
      good,
      JSON.stringify({ level: 'level1', options: { size: 1 }, steps: [{ client: 'A', do: 'acquire' }] }),
    );
    writeFileSync(
      bad,
      JSON.stringify({
        level: 'level2',
        steps: [
          { client: 'A', do: 'acquire' },
          { client: 'B', do: 'release' },
        ],
      }),
    );
    writeFileSync(notJson, '{oops');
    const r = cli([good, bad, 'scenarios/database-race.json', notJson]);
    expect(r.status).toBe(1);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.level)).toEqual(['level1', 'database']);
    expect(lines[0].steps[0]).toMatchObject({ do: 'acquire', client: 'A', object: 1, source: 'shelf', available: [] });
    expect(lines[1].steps.at(-1).inUse).toBe(4);
    const errors = r.stderr
      .trim()
      .split('\n')
      .filter((l) => !l.startsWith('npm warn'));
    expect(errors).toEqual([
      `${bad}: step 2 (release by B): B holds nothing to release`,
      expect.stringMatching(new RegExp(`^${notJson}: not valid JSON`)),
    ]);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it('exits 0 when every file is good', () => {
    const out = execFileSync(
      process.execPath,
      ['--import', 'tsx', 'src/cli/simulate.ts', 'scenarios/level2-double-release.json'],
      { encoding: 'utf8' },
    );
    expect(JSON.parse(out).steps).toHaveLength(7);
  });
});

describe('what the CLI reads', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pool-lab-bytes-'));
  const file = (name: string, bytes: Uint8Array) => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    return path;
  };
  const good = JSON.stringify({ level: 'level1', steps: [{ client: 'A', do: 'acquire' }] });

  it('reads a file that starts with a UTF-8 byte-order mark as the same file without it', () => {
    const plain = file('plain.json', Buffer.from(good));
    const bom = file('bom.json', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(good)]));
    const r = cli([plain, bom]);
    expect(r.status).toBe(0);
    const [a, b] = r.stdout.trim().split('\n');
    expect(b).toBe(a);
  });

  it('refuses invalid UTF-8, naming the byte where it goes wrong, and goes on with the next file', () => {
    // "Renée" saved as Latin-1: byte 45 is 0xe9, which in UTF-8 would need two continuation bytes.
    const latin1 = Buffer.concat([
      Buffer.from('{"level": "level1", "steps": [{"client": "Ren'),
      Buffer.from([0xe9]),
      Buffer.from('e", "do": "acquire"}]}'),
    ]);
    const bad = file('latin1.json', latin1);
    const r = cli([bad, file('good.json', Buffer.from(good))]);
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([
      `${bad}: not valid UTF-8: byte 45 (0xe9) does not begin a UTF-8 character; save the file as UTF-8`,
    ]);
    expect(JSON.parse(r.stdout).steps[0].client).toBe('A');
  });
});

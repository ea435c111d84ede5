import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInMemory } from './testing';

const good = readFileSync('scenarios/level2-double-release.json', 'utf8');
const lockOff = JSON.stringify({
  level: 'production',
  options: { maxSize: 3, acquireTimeout: 50, fixes: { lock: false } },
  seed: 3,
  load: { arrivalsPerSecond: 50, holdMs: 50, arrivals: 40 },
});

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

describe('every file stands alone', () => {
  it('runs a load with the lock switched off between two good files, counting what went wrong', () => {
    const r = runInMemory({ 'a.json': good, 'lock.json': lockOff, 'b.json': good });
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.out).toHaveLength(3);
    expect(JSON.parse(r.out[1]!).load.faults).toEqual({ lentTwice: 4, releasesRefused: 1 });
    expect(r.out[2]).toBe(r.out[0]);
  });

  it('gives each bad file one line naming it, and goes on with the next', () => {
    const r = runInMemory({ 'a.json': good, 'bad.json': '{"level": "level9"}', 'b.json': good }, [
      'a.json',
      'missing.json',
      'bad.json',
      'b.json',
    ]);
    expect(r.out).toHaveLength(2);
    expect(r.err).toEqual([
      'missing.json: cannot read the file (ENOENT)',
      expect.stringMatching(/^bad\.json: unknown level "level9"/),
    ]);
    expect(r.code).toBe(1);
  });

  it('names a file whose name has control characters in quotes, on one line', () => {
    const r = runInMemory({ 'x\n\u001b[2J.json': '{' });
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toMatch(/^"x\\n\\u001b\[2J\.json": not valid JSON/);
  });
});

describe('clean messages', () => {
  it("prints one plain line for each of the issue's hostile files", () => {
    const files = {
      'fake.json': JSON.stringify({ level: 'level1', steps: [{ client: 'A', do: 'acquire\nFAKE: second line' }] }),
      'esc.json': JSON.stringify({ level: '\u001b[2J\u001b[31mpwned', steps: [] }),
      'big.json': JSON.stringify({ level: 'level1', steps: [{ client: 'A'.repeat(50_000_000), do: 'acquire' }] }),
    };
    const r = runInMemory(files);
    expect(r.out).toEqual([]);
    expect(r.err).toHaveLength(3);
    for (const line of r.err) {
      // eslint-disable-next-line no-control-regex -- looking for control characters is the point
      expect(line).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
      expect(line.length).toBeLessThan(1100);
    }
    expect(r.err[0]).toMatch(/^fake\.json: step 1 \("acquire\\nFAKE…" \(25 characters\) by A\): "do" must be one of/);
    expect(r.err[1]).toMatch(/^esc\.json: unknown level "\\u001b\[2J\\u001b\[31mpwned"/);
    expect(r.err[2]).toMatch(/^big\.json: step 1 \(acquire by "A{40}…" \(50000000 characters\)\)/);
  });

  it('stops writing once nobody reads its output', () => {
    const r = runInMemory({ 'a.json': good, 'b.json': good, 'c.json': good }, undefined, 1);
    expect(r.out).toHaveLength(1);
    expect(r.read).toEqual(['a.json']);
    expect(r.code).toBe(0);
  });

  it('ends quietly when the pipe it writes to is closed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pool-lab-'));
    const slow = join(dir, 'slow.json');
    // A load run long enough that the reader has gone before its line is written.
    writeFileSync(
      slow,
      JSON.stringify({
        level: 'production',
        options: { maxSize: 5, minSize: 5, acquireTimeout: 0, costs: { reuseMs: 0, validateMs: 0, resetMs: 0 } },
        load: { arrivalsPerSecond: 30, holdMs: 100, arrivals: 150_000 },
      }),
    );
    const files = ['scenarios/level2-double-release.json', slow, 'scenarios/level2-double-release.json'];
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/simulate.ts', ...files], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // Like `| head -1`: read the first line, then close the pipe.
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr.split('\n').filter((l) => l !== '' && !l.startsWith('npm warn'))).toEqual([]);
    expect(code).toBe(0);
  });
});

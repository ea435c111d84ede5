import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Timer, TimerHeap } from './heap';
import { delay, rest, Sim, type Op, type Task, type TaskDone } from './sim';

const timer = (heap: TimerHeap, t: number, seq: number) => new Timer(t, seq, () => {}, heap);

describe('TimerHeap', () => {
  it('gives timers back in (time, sequence) order, skipping cancelled ones, through any compaction', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ t: fc.integer({ min: 0, max: 50 }), cancel: fc.boolean() }), { maxLength: 500 }),
        (specs) => {
          const heap = new TimerHeap();
          const timers = specs.map((s, seq) => timer(heap, s.t, seq));
          for (const t of timers) heap.push(t);
          specs.forEach((s, i) => {
            if (s.cancel) timers[i]!.cancelled = true;
          });
          const out: Timer[] = [];
          for (let t = heap.pop(); t; t = heap.pop()) if (!t.cancelled) out.push(t);
          const expected = timers.filter((t) => !t.cancelled).sort((a, b) => a.t - b.t || a.seq - b.seq);
          expect(out).toEqual(expected);
        },
      ),
    );
  });

  it('drops cancelled timers, so what it holds follows what will still fire', () => {
    const heap = new TimerHeap();
    const kept = Array.from({ length: 10 }, (_, i) => timer(heap, 1e9 + i, i));
    for (const t of kept) heap.push(t);
    for (let i = 0; i < 100_000; i++) {
      const t = timer(heap, 1e9, 100 + i);
      heap.push(t);
      t.cancelled = true;
    }
    expect(heap.live).toBe(10);
    expect(heap.size).toBeLessThan(200);
    expect(heap.pop()).toBe(kept[0]);
  });

  it('takes out a chosen timer and keeps the order of the rest', () => {
    const heap = new TimerHeap();
    const timers = [5, 1, 4, 2, 3].map((t, seq) => timer(heap, t, seq));
    for (const t of timers) heap.push(t);
    heap.remove(timers[2]!); // t = 4
    expect([heap.pop(), heap.pop(), heap.pop(), heap.pop()].map((t) => t?.t)).toEqual([1, 2, 3, 5]);
    expect(heap.pop()).toBeUndefined();
  });

  it('counts a timer cancelled after it fired as gone, not as held', () => {
    const heap = new TimerHeap();
    const t = timer(heap, 1, 0);
    heap.push(t);
    expect(heap.pop()).toBe(t);
    t.cancelled = true;
    expect(heap.live).toBe(0);
    expect(heap.size).toBe(0);
  });
});

describe('Sim', () => {
  it('lets a served waiter’s timeout go: a long run keeps only live timers', () => {
    const sim = new Sim();
    // A waiter parks with a timeout of 10⁹ ms and is served a moment later, a hundred thousand times.
    let largest = 0;
    let served = 0;
    for (let i = 0; i < 100_000; i++) {
      const parkingTimer = sim.at(sim.now + 1e9, () => {});
      sim.at(sim.now + 1, () => {
        parkingTimer.cancelled = true;
        served++;
      });
      sim.tick();
      largest = Math.max(largest, sim.heap.size);
    }
    expect(largest).toBeLessThan(1000);
    expect(served).toBe(100_000);
    expect(sim.heap.live).toBe(0);
  });

  it('begins a task with plain code: done at once when it waits for nothing, else going on with its coroutine', () => {
    const sim = new Sim();
    const seen: string[] = [];
    const outcomes: unknown[] = [];
    // Waits for nothing: the outcome at once, as the task, and no timer set.
    const note: TaskDone = (task, failed, result) =>
      outcomes.push({ job: task.job, ...(failed ? { error: result } : { value: result }) });
    const plain = sim.begin(
      'A',
      1,
      (job) => {
        seen.push(`job ${job}`);
        seen.push(`A runs as ${sim.current?.client}`);
        return 1;
      },
      note,
    );
    expect(plain.done).toBe(true);
    expect(plain.gen).toBeNull();
    expect(sim.heap.live).toBe(0);
    // Comes to a coroutine: it runs at once up to its first wait, and goes on when the time has passed.
    function* slow(): Op<number> {
      seen.push(`B waits, as ${sim.current?.client}`);
      yield* delay(5);
      seen.push(`B goes on at ${sim.now}`);
      return 2;
    }
    const waiting = sim.begin('B', 2, () => slow(), note);
    expect(waiting.done).toBe(false);
    // A first part that throws ends the task with the error.
    const broken = new Error('bad step');
    sim.begin(
      'C',
      3,
      () => {
        throw broken;
      },
      note,
    );
    sim.run();
    expect(seen).toEqual(['job 1', 'A runs as A', 'B waits, as B', 'B goes on at 5']);
    expect(outcomes).toEqual([
      { job: 1, value: 1 },
      { job: 3, error: broken },
      { job: 2, value: 2 },
    ]);
    expect(sim.current).toBeNull();
    expect(sim.spawned).toBe(3);
  });
});

describe('waits and the rest of a call', () => {
  /** Run `body` as client A's task; the virtual times at which it noted anything, and what. */
  function play(body: (sim: Sim, note: (what: string) => void) => Op<unknown>, poke?: (sim: Sim) => void) {
    const sim = new Sim();
    const seen: string[] = [];
    const note = (what: string) => seen.push(`${sim.now}: ${what}`);
    const task = sim.spawn('A', body(sim, note), (_task, failed, result) =>
      note(failed ? `threw ${String(result)}` : `came to ${String(result)}`),
    );
    poke?.(sim);
    sim.run();
    return { seen, task };
  }

  it('waits its length, and not at all for 0 or less', () => {
    const { seen } = play(function* (_sim, note) {
      yield* delay(0);
      note('after 0');
      yield* delay(-3);
      note('after -3');
      yield* delay(2.5);
      note('after 2.5');
      yield* delay(2.5); // the same length again: the same step handed up, the same wait
      note('after 2.5 again');
      return 'end';
    });
    expect(seen).toEqual(['0: after 0', '0: after -3', '2.5: after 2.5', '5: after 2.5 again', '5: came to end']);
  });

  /** A call that waits twice and says how it ended; `catches`: it catches what is thrown into it. */
  function* call(note: (what: string) => void, catches: boolean): Op<string> {
    note('call starts');
    try {
      yield* delay(3);
      note('call waited 3');
      yield* delay(4);
    } catch (error) {
      if (!catches) throw error;
      note(`call caught ${String(error)}`);
      return 'recovered';
    }
    return 'done';
  }

  it('goes on with a call from where it stopped, as yield* on the call itself would', () => {
    const direct = play(function* (_sim, note) {
      return yield* call(note, false);
    });
    const resumed = play(function* (_sim, note) {
      const op = call(note, false);
      const first = op.next();
      if (first.done) return first.value;
      note('the call waits');
      return yield* rest(op, first);
    });
    expect(direct.seen).toEqual(['0: call starts', '3: call waited 3', '7: came to done']);
    expect(resumed.seen).toEqual(['0: call starts', '0: the call waits', '3: call waited 3', '7: came to done']);
  });

  it('hands what is thrown into the task on to the call, which may catch it or let it go', () => {
    for (const catches of [true, false]) {
      let waiting: Task | null = null;
      const { seen } = play(
        function* (sim, note) {
          waiting = sim.current;
          const op = call(note, catches);
          const first = op.next();
          if (first.done) return first.value;
          return yield* rest(op, first);
        },
        // Something else throws into A's task while it waits (as a failure handed to a waiter would).
        (sim) => sim.at(5, () => sim.resume(waiting!, { error: 'boom' })),
      );
      expect(seen).toEqual(
        catches
          ? ['0: call starts', '3: call waited 3', '5: call caught boom', '5: came to recovered']
          : ['0: call starts', '3: call waited 3', '5: threw boom'],
      );
    }
  });
});

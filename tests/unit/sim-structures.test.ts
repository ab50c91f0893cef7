// The simulator's data structures and statistics: event heap order, histogram percentiles,
// batch-means intervals, traffic equations.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BatchMeans, studentT975 } from '../../src/engine/metrics/batch-means';
import { LogHistogram } from '../../src/engine/metrics/log-histogram';
import { compileNetwork, EventHeap, offeredTraffic, Random } from '../../src/engine/simulation';
import { IntQueue } from '../../src/engine/simulation/int-queue';

describe('EventHeap', () => {
  it('gives back exactly what was scheduled, earliest first', () => {
    const op = fc.oneof(fc.record({ push: fc.double({ min: 0, max: 1e6, noNaN: true }) }), fc.constant({ pop: true as const }));
    fc.assert(
      fc.property(fc.array(op, { maxLength: 400 }), (ops) => {
        const heap = new EventHeap(2);
        const pending: [number, number][] = [];
        let id = 0;
        let lastPopped = -Infinity;
        const popOne = () => {
          const time = heap.peekTime();
          const payload = heap.pop();
          const at = pending.findIndex(([t, p]) => t === time && p === payload);
          expect(at).toBeGreaterThanOrEqual(0);
          expect(time).toBe(Math.min(...pending.map(([t]) => t)));
          pending.splice(at, 1);
          return time;
        };
        for (const o of ops) {
          if ('push' in o) {
            heap.push(o.push, id);
            pending.push([o.push, id++]);
          } else if (heap.size > 0) {
            popOne();
          }
          expect(heap.size).toBe(pending.length);
        }
        while (heap.size > 0) {
          const time = popOne();
          expect(time).toBeGreaterThanOrEqual(lastPopped);
          lastPopped = time;
        }
        expect(pending).toEqual([]);
        expect(heap.peekTime()).toBe(Infinity);
      }),
      { numRuns: 200 },
    );
  });
});

describe('IntQueue', () => {
  it('is first in, first out across growth and wrap-around', () => {
    const q = new IntQueue(2);
    const model: number[] = [];
    const rng = new Random(3);
    for (let i = 0; i < 10_000; i++) {
      if (rng.nextFloat() < 0.55 || model.length === 0) {
        q.push(i);
        model.push(i);
      } else {
        expect(q.shift()).toBe(model.shift());
      }
      expect(q.size).toBe(model.length);
    }
  });
});

/** Nearest-rank percentile of the sorted values. */
function exactPercentile(sorted: number[], q: number): number {
  return sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1]!;
}

describe('LogHistogram', () => {
  const qs = [0.01, 0.5, 0.9, 0.95, 0.99, 0.999, 1];

  it('finds percentiles within 1% of exact on any positive data', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 1e-6, max: 1e9, noNaN: true }), { minLength: 1, maxLength: 2000 }), (values) => {
        const h = new LogHistogram();
        for (const v of values) h.record(v);
        const sorted = [...values].sort((a, b) => a - b);
        for (const q of qs) {
          const exact = exactPercentile(sorted, q);
          expect(Math.abs(h.percentile(q) - exact)).toBeLessThanOrEqual(0.01 * exact);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('finds percentiles within 1% of exact on large random samples (response-time-like)', () => {
    const rng = new Random(77);
    const samplers = [() => rng.exponential(50), () => Math.exp(3 + 1.5 * rng.normal()), () => 10 + 1000 * rng.nextFloat()];
    for (const sample of samplers) {
      const h = new LogHistogram();
      const values = Array.from({ length: 200_000 }, sample);
      for (const v of values) h.record(v);
      const sorted = values.sort((a, b) => a - b);
      for (const q of qs) {
        const exact = exactPercentile(sorted, q);
        expect(Math.abs(h.percentile(q) - exact) / exact).toBeLessThan(0.01);
      }
    }
  });

  it('is empty after reset', () => {
    const h = new LogHistogram();
    h.record(5);
    h.reset();
    expect(h.count).toBe(0);
    expect(h.percentile(0.5)).toBeNaN();
  });
});

describe('BatchMeans', () => {
  it('uses the Student t quantile', () => {
    expect(studentT975(29)).toBeCloseTo(2.04523, 3);
    expect(studentT975(10)).toBeCloseTo(2.22814, 3);
    expect(studentT975(1000)).toBeCloseTo(1.96234, 3);
  });

  it('keeps between 30 and 59 batches of equal size however long the series', () => {
    const b = new BatchMeans(30);
    const wrong: number[] = [];
    for (let n = 1; n <= 100_000; n++) {
      b.record(n);
      const partial = n - b.batches * b.batchSize;
      if (n >= 30 && (b.batches < 30 || b.batches >= 60 || partial < 0 || partial >= b.batchSize)) wrong.push(n);
    }
    expect(wrong).toEqual([]);
  });

  it('covers the true mean of independent data about 95% of the time', () => {
    const rng = new Random(5);
    let covered = 0;
    const reps = 300;
    for (let r = 0; r < reps; r++) {
      const b = new BatchMeans();
      let sum = 0;
      const n = 6000;
      for (let i = 0; i < n; i++) {
        const x = rng.exponential(1);
        sum += x;
        b.record(x);
      }
      if (Math.abs(sum / n - 1) <= b.halfWidth95()) covered++;
    }
    expect(covered / reps).toBeGreaterThan(0.9);
    expect(covered / reps).toBeLessThan(0.99);
  });
});

describe('offeredTraffic', () => {
  /** a -> b always, b -> a with probability `back`; `idle` gets no traffic. */
  const loop = (back: number) =>
    compileNetwork({
      stations: [
        { id: 'a', servers: 1, serviceMs: 2, serviceScv: 1 },
        { id: 'b', servers: 2, serviceMs: 4, serviceScv: 1 },
        { id: 'idle', servers: 1, serviceMs: 1, serviceScv: 1 },
      ],
      arrivals: [{ to: 'a', rps: 100 }],
      routing: [
        { from: 'a', to: 'b', p: 1 },
        { from: 'b', to: 'a', p: back },
      ],
    });

  it('solves the traffic equations with a loop', () => {
    const t = offeredTraffic(loop(0.5));
    expect(t.arrivalRps[0]).toBeCloseTo(200, 9);
    expect(t.arrivalRps[1]).toBeCloseTo(200, 9);
    expect(t.arrivalRps[2]).toBe(0);
    expect(t.utilization[1]).toBeCloseTo(0.4, 9);
    expect([...t.saturated]).toEqual([0, 0, 0]);
  });

  it('marks stations saturated when a loop piles up traffic', () => {
    const t = offeredTraffic(loop(0.9));
    expect(t.arrivalRps[0]).toBeCloseTo(1000, 6);
    expect([...t.saturated]).toEqual([1, 1, 0]);
  });

  it('explains a loop requests can never leave', () => {
    expect(() => offeredTraffic(loop(1))).toThrow(/never leave.*"a", "b"/);
  });
});

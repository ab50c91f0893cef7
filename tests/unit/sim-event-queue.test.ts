// The design simulator's event queue (heap plus fixed-delay lanes) and its per-bucket recorder
// (response times binned once per bucket, then added to the run's tallies in bulk): both are
// shortcuts for speed, so each is checked against the plain way on random sequences.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BucketRecorder } from '../../src/engine/metrics/bucket-recorder';
import { LogHistogram } from '../../src/engine/metrics/log-histogram';
import { EventQueue } from '../../src/engine/simulation/design-sim-events';

type Op = { kind: 'heap'; delay: number } | { kind: 'lane'; lane: number } | { kind: 'early'; lane: number; back: number } | { kind: 'pop' };

describe('EventQueue', () => {
  const delays = [0.5, 1.5, 60];
  const op: fc.Arbitrary<Op> = fc.oneof(
    fc.record({ kind: fc.constant('heap' as const), delay: fc.double({ min: 0, max: 100, noNaN: true }) }),
    fc.record({ kind: fc.constant('lane' as const), lane: fc.integer({ min: 0, max: delays.length - 1 }) }),
    // Misuse: a lane event earlier than one already in it must still come out in time order.
    fc.record({ kind: fc.constant('early' as const), lane: fc.integer({ min: 0, max: delays.length - 1 }), back: fc.double({ min: 0.01, max: 50, noNaN: true }) }),
    fc.constant({ kind: 'pop' as const }),
  );

  it('gives back every event once, earliest first, whether it went to the heap or a lane', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 500 }), (ops) => {
        const queue = new EventQueue();
        const lanes = delays.map((d) => queue.laneFor(d));
        const pending = new Map<number, number>();
        let now = 0;
        let id = 0;
        const popOne = () => {
          const time = queue.peekTime();
          queue.pop();
          expect(time).toBe(Math.min(...pending.values()));
          const key = queue.slot;
          expect(pending.get(key)).toBe(time);
          expect(queue.token).toBe(key * 3);
          expect(queue.type).toBe(key % 8);
          pending.delete(key);
          now = time;
        };
        for (const o of ops) {
          const key = id++;
          if (o.kind === 'pop') {
            if (queue.size > 0) popOne();
            continue;
          }
          const time = o.kind === 'heap' ? now + o.delay : o.kind === 'lane' ? now + delays[o.lane]! : Math.max(now, now + delays[o.lane]! - o.back);
          if (o.kind === 'heap') queue.push(time, key % 8, key, key * 3);
          else queue.pushLane(lanes[o.lane]!, time, key % 8, key, key * 3);
          pending.set(key, time);
          expect(queue.size).toBe(pending.size);
        }
        while (queue.size > 0) popOne();
        expect(pending.size).toBe(0);
        expect(queue.peekTime()).toBe(Infinity);
      }),
      { numRuns: 300 },
    );
  });

  it('gives one lane per distinct delay', () => {
    const queue = new EventQueue();
    expect(queue.laneFor(0.5)).toBe(queue.laneFor(0.5));
    expect(queue.laneFor(1.5)).not.toBe(queue.laneFor(0.5));
  });
});

describe('BucketRecorder response times', () => {
  // Values per bucket, where measuring starts (bucket, and how many of its values come before), and values after the last bucket.
  const run = fc.record({
    buckets: fc.array(fc.array(fc.double({ min: 0.001, max: 5000, noNaN: true }), { maxLength: 60 }), { minLength: 1, maxLength: 6 }),
    startBucket: fc.nat(),
    startAt: fc.nat(),
    after: fc.array(fc.double({ min: 0.001, max: 5000, noNaN: true }), { maxLength: 10 }),
  });

  it('keeps the same tallies and bucket percentiles as recording each measured value where it belongs', () => {
    fc.assert(
      fc.property(run, ({ buckets, startBucket, startAt, after }) => {
        const rec = new BucketRecorder(1, 1, buckets.length);
        const start = startBucket % buckets.length;
        const measured = new LogHistogram();
        let measuredCount = 0;
        let measuredSum = 0;
        const expectedSeries: number[][] = [];
        buckets.forEach((values, b) => {
          const all = new LogHistogram();
          values.forEach((v, i) => {
            if (b === start && i === Math.min(startAt, values.length)) rec.startMeasuring();
            rec.recordResponse(0, v);
            all.record(v);
            if (b > start || (b === start && i >= Math.min(startAt, values.length))) {
              measured.record(v);
              measuredCount++;
              measuredSum += v;
            }
          });
          if (b === start && startAt >= values.length) rec.startMeasuring();
          expectedSeries.push(all.count > 0 ? [0.5, 0.95, 0.99].map((q) => all.percentile(q)) : [NaN, NaN, NaN]);
          rec.closeBucket();
        });
        for (const v of after) {
          rec.recordResponse(0, v);
          measured.record(v);
          measuredCount++;
          measuredSum += v;
        }
        rec.flushTallies();
        const tally = rec.tallies[0]!;
        expect(tally.count).toBe(measuredCount);
        expect(tally.sum).toBeCloseTo(measuredSum, 6);
        expect(tally.histogram.count).toBe(measured.count);
        expect(tally.histogram.min).toBe(measured.min);
        expect(tally.histogram.max).toBe(measured.max);
        for (const q of [0.01, 0.5, 0.9, 0.99, 1]) expect(tally.histogram.percentile(q)).toBe(measured.percentile(q));
        expectedSeries.forEach((levels, b) => {
          levels.forEach((level, k) => expect(rec.percentileRow(0, k)[b]).toBe(level));
        });
      }),
      { numRuns: 300 },
    );
  });
});

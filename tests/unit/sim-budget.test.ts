// The simulator's resource budget: a design that cannot keep up grows a backlog of requests
// without end (a client at 1e7 req/s for 300 s took the browser to 5.5 GB and the CLI to 10 GB).
// The run stops once the backlog passes its limit, says so in a sentence, and reports what it
// simulated. Bounds here are on work done (events), never on wall-clock time.
import { describe, expect, it } from 'vitest';
import { simulateDesign } from '../../src/engine/simulation';
import { DEFAULT_MAX_LIVE_REQUESTS, MAX_LIVE_REQUESTS_LIMIT } from '../../src/engine/simulation/design-sim';
import { exampleDesign } from '../../src/model/example';
import type { Design } from '../../src/model/types';

const flooded = (rps: number): Design => {
  const d = exampleDesign();
  d.nodes.find((n) => n.id === 'users')!.params.rps = rps;
  return d;
};

describe('simulator backlog budget', () => {
  it('a client at 1e7 req/s for 300 s stops at 2 million requests in the system, with the sentence and a partial report', () => {
    const report = simulateDesign(flooded(1e7), { durationS: 300, seed: 1 });
    expect(DEFAULT_MAX_LIVE_REQUESTS).toBe(2_000_000);
    expect(report.stoppedEarly).toBe(true);
    expect(report.stopReason).toMatch(/^the backlog passed 2,000,000 requests at t=[0-9.]+ s: the design cannot keep up; stopped$/);
    expect(report.stoppedAtS).toBeGreaterThan(0);
    expect(report.stoppedAtS).toBeLessThan(300);
    // Work bounded by the budget: each request in the backlog took a few events to get there.
    expect(report.events).toBeLessThan(5 * DEFAULT_MAX_LIVE_REQUESTS);
    // The partial report still has its shape: every bucket, every component, the sent requests counted.
    expect(report.timeS).toHaveLength(300);
    expect(report.components.length).toBe(exampleDesign().nodes.length - 1);
    const sentInFirstSecond = report.flows[0]!.series.sentRps[0]!;
    expect(sentInFirstSecond).toBeGreaterThan(0);
  });

  it('a limit so high it would no longer keep memory in bounds is refused before the run starts', () => {
    expect(() => simulateDesign(flooded(1e7), { durationS: 300, seed: 1, maxLiveRequests: 1e20 })).toThrow(/The backlog limit must be at most 20,000,000 requests, or the run could fill the computer's memory \(got 100,000,000,000,000,000,000\)/);
    expect(() => simulateDesign(exampleDesign(), { durationS: 1, seed: 1, maxLiveRequests: MAX_LIVE_REQUESTS_LIMIT })).not.toThrow();
  });

  it('the limit is the caller\'s to set, and a design that keeps up never meets it', () => {
    const small = simulateDesign(flooded(20_000), { durationS: 60, seed: 2, maxLiveRequests: 5_000 });
    expect(small.stopReason).toMatch(/^the backlog passed 5,000 requests at t=[0-9.]+ s/);
    expect(small.events).toBeLessThan(60 * 20_000);
    const calm = simulateDesign(exampleDesign(), { durationS: 60, seed: 2, maxLiveRequests: 5_000 });
    expect(calm.stoppedEarly).toBe(false);
    expect(calm.stopReason).toBeNull();
    expect(calm.stoppedAtS).toBeNull();
  });

  it('the event limit has a sentence of its own', () => {
    const report = simulateDesign(exampleDesign(), { durationS: 60, seed: 3, maxEvents: 10_000 });
    expect(report.stopReason).toMatch(/^the run reached its limit of 10,000 events at t=[0-9.]+ s; stopped$/);
    expect(report.events).toBe(10_000);
  });

  it('a limit that is not a positive number is refused in words', () => {
    expect(() => simulateDesign(exampleDesign(), { durationS: 60, maxLiveRequests: 0 })).toThrow(/backlog limit \(requests\) must be a number above 0/);
  });
});

// Every bundled scenario design under steady traffic (no failures): the simulator and the analytic
// engine must tell the same story where the analytic model applies. Where it cannot apply — a
// design the analytic model finds saturated has no steady state — the two differ by construction:
// the analytic equations pass a saturated component's whole offered load downstream, while in the
// simulation a saturated caller holds its workers and lets through only what it can finish (so a
// second bottleneck behind it looks less busy than the equations say). There the test asks only
// that the simulation shows the design giving out: some component pinned at full use.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { solveDesign } from '../../src/engine/analytic';
import { simulateDesign } from '../../src/engine/simulation';
import { parseScenarioYaml, type Scenario } from '../../src/scenarios';
import { withScenarioRates } from '../../src/scenarios/simulation';
import type { Design } from '../../src/model/types';

const DIR = join(__dirname, '../../scenarios');

/**
 * Known, explained differences (design name -> component -> why). Each is still checked: the
 * simulated figure must lie on the stated side of the analytic one and within 25% of it.
 */
// notification-system (solution)'s SMS senders were listed here (simulated utilization ~20%
// below the analytic one); with the senders solved as the provider's only, finite, callers the
// two agree within 5% and the plain 10% check applies.
const EXPLAINED: Record<string, Record<string, string>> = {
  'ticket-onsale-load-shedding (solution)': {
    // The waiting room is a token bucket. With demand (180 req/s) far above its rate (75), it lets
    // a request through as each token arrives, evenly spaced, not the Poisson stream the analytic
    // model assumes past it; so the seats DB at 75% busy queues less in the simulation (about 48 ms
    // mean response against the M/M/4's 60 ms), and the booking service, which waits on it, holds
    // its workers for less (utilization about 0.075 against 0.089 over 60 s, seeds 5-7).
    booking: 'lower',
  },
};
/**
 * Designs where one run is too noisy for the bounds, and how many runs (seeds 5, 6, ...) their
 * figures are averaged over. notification-system (solution): the SMS senders hold a worker while
 * the provider, 90% busy, queues their calls; its queue swings for tens of seconds, so one 55 s run
 * gives the senders' utilization with a standard deviation of about 10% (0.58 to 0.76 over seeds
 * 1-12 against the analytic 0.647), and the 10% check failed on the seed it used. Over 12 runs it
 * is about 3%, and the 10% check stands.
 */
const RUNS: Record<string, number> = { 'notification-system (solution)': 12 };

/** Offered rps and utilization per component, averaged over the runs. */
function simulatedFigures(name: string, design: Design) {
  const reports = Array.from({ length: RUNS[name] ?? 1 }, (_, k) =>
    // 60 simulated seconds or 3 million events, whichever comes first: plenty for utilization at these rates.
    simulateDesign(design, { durationS: SIMULATED_S, warmupS: WARMUP_S, seed: 5 + k, maxEvents: 3_000_000 }),
  );
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  return reports[0]!.components.map((c, i) => ({
    nodeId: c.nodeId,
    offeredRps: mean(reports.map((r) => r.components[i]!.summary.offeredRps)),
    utilization: mean(reports.map((r) => r.components[i]!.summary.utilization ?? 0)),
  }));
}

const designsOf = (s: Scenario): [string, Design][] => {
  const out: [string, Design][] = [[`${s.id}`, s.design]];
  if (s.mode === 'fix') out.push([`${s.id} (solution)`, s.solution]);
  if (s.mode === 'compare') out.push([`${s.id} (B)`, s.designB]);
  return out;
};
const cases = readdirSync(DIR)
  .filter((f) => f.endsWith('.yaml'))
  .flatMap((f) => {
    const parsed = parseScenarioYaml(readFileSync(join(DIR, f), 'utf8'));
    if (!parsed.ok) throw new Error(`${f} does not parse`);
    return designsOf(parsed.scenario).map(([name, design]) => [name, withScenarioRates(parsed.scenario, design)] as const);
  });

const SIMULATED_S = 60; // s
const WARMUP_S = 5; // s left out of the figures
const MEASURED_S = SIMULATED_S - WARMUP_S;

describe('bundled scenario designs: simulator and analytic engine agree under steady traffic', () => {
  it.each(cases)('%s', (name, design) => {
    const exact = solveDesign(design);
    if (!exact.ok) throw new Error(exact.errors[0]?.message);
    const components = simulatedFigures(name, design);
    if (exact.saturated.length > 0) {
      const busiest = Math.max(...components.map((c) => c.utilization));
      expect(busiest, `saturated analytically (${exact.saturated.join(', ')}); busiest simulated component`).toBeGreaterThan(0.95);
      return;
    }
    for (const c of components) {
      const a = exact.components[c.nodeId]!;
      // A component asked a few times a second sees only a hundred or so arrivals in the 55 s
      // measured: its counts carry Poisson noise of 1/sqrt(n), over 10% below n = 100. The bound is
      // 10%, or 4 standard errors where the count is that small (n arrivals: 1/sqrt(n) for the
      // rate; about sqrt(2/n) for the utilization, which also carries the service times' spread).
      const arrivals = a.offeredRps * MEASURED_S;
      const rateBound = Math.max(0.1, 4 / Math.sqrt(arrivals));
      const utilizationBound = Math.max(0.1, 4 * Math.sqrt(2 / arrivals));
      if (a.offeredRps > 1) expect(Math.abs(c.offeredRps / a.offeredRps - 1), `${c.nodeId} offered rps`).toBeLessThan(rateBound);
      const explained = EXPLAINED[name]?.[c.nodeId];
      if (explained) {
        const ratio = c.utilization / a.utilization!;
        expect(explained === 'lower' ? ratio < 1 : ratio > 1, `${c.nodeId}: simulated ${explained} than analytic`).toBe(true);
        expect(Math.abs(ratio - 1), `${c.nodeId} within 25%`).toBeLessThan(0.25);
        continue;
      }
      if ((a.utilization ?? 0) > 0.05) expect(Math.abs(c.utilization / a.utilization! - 1), `${c.nodeId} utilization`).toBeLessThan(utilizationBound);
    }
  });
});

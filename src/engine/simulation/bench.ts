// Event-loop speed on the M/M/1 reference case (mm1-moderate), for `npm run bench`
// (reported as desEventsPerSec), and a one-hour run of a 50-component design (benchDesignHour).
// Wall-clock figures belong here, never in tests.
import { generateHealthyDesign, solveDesign } from '../analytic';
import type { NetworkCase } from '../analytic/network-case';
import type { Design, DesignNode } from '../../model/types';
import { compileNetwork } from './compiled-network';
import { simulateDesign } from './design-sim';
import { NetworkSimulator } from './network-simulator';
import { sendsRequests } from '../../model/traits';

/** tests/fixtures/reference-cases/mm1-moderate.json: rho = 0.8. */
const MM1_MODERATE: NetworkCase = {
  stations: [{ id: 's', servers: 1, serviceMs: 10, serviceScv: 1 }],
  arrivals: [{ to: 's', rps: 80 }],
  routing: [],
};

/** This process's CPU time so far (user + system), s; 0 where there is no process (a browser). */
function cpuSeconds(): number {
  if (typeof process === 'undefined' || typeof process.cpuUsage !== 'function') return 0;
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

/** Events processed per wall-clock second and per CPU second over `events` events, after a short JIT warm-up. */
export function benchEventsPerSec(events = 20_000_000, seed = 1): { perWallS: number; perCpuS: number } {
  const net = compileNetwork(MM1_MODERATE);
  const sim = new NetworkSimulator(net, seed);
  sim.runUntil(Infinity, 1_000_000);
  const cpuStart = cpuSeconds();
  const start = performance.now();
  const done = sim.runUntil(Infinity, events);
  const seconds = (performance.now() - start) / 1000;
  return { perWallS: done / seconds, perCpuS: done / (cpuSeconds() - cpuStart) };
}

export interface DesignBenchResult {
  /** Simulated seconds the figures stand for: one hour. */
  simulatedSeconds: number;
  /** Wall-clock ms for that hour: measured, or scaled up from a shorter run when extrapolated. */
  wallMs: number;
  /** CPU ms for that hour (this process, user + system), likewise. */
  cpuMs: number;
  /** Events for that hour, likewise. */
  events: number;
  /** True when a shorter run was measured and scaled linearly to the hour. */
  extrapolated: boolean;
  measuredSeconds: number;
  measuredWallMs: number;
  measuredEvents: number;
  components: number;
  entryRps: number;
}

const HOUR_S = 3600;
const BENCH_COMPONENTS = 50;
const BENCH_RPS = 5000;
/** Sizing aim: the busiest worker pool near half busy, as generateHealthyDesign does at its own rate. */
const BENCH_UTILIZATION = 0.5;

/** The 50-component healthy design with its clients scaled to `totalRps` and pools resized to match. */
export function benchDesign(totalRps = BENCH_RPS): Design {
  const design = generateHealthyDesign({ components: BENCH_COMPONENTS, seed: 1 });
  const clients = design.nodes.filter((n) => sendsRequests(n));
  const baseRps = clients.reduce((sum, n) => sum + (n.params.rps ?? 0), 0);
  const factor = totalRps / baseRps;
  const resize = (n: DesignNode, instances: number) => {
    n.params = { ...n.params, instances: Math.min(1000, Math.max(1, Math.ceil(instances))) };
  };
  for (const n of design.nodes) {
    if (sendsRequests(n)) n.params = { ...n.params, rps: (n.params.rps ?? 0) * factor };
    else if (n.params.instances !== undefined) resize(n, n.params.instances * factor);
  }
  const solved = solveDesign(design, { findSaturationPoints: false });
  if (!solved.ok) throw new Error(solved.errors.map((e) => e.message).join(' '));
  for (const n of design.nodes) {
    const utilization = solved.components[n.id]?.utilization;
    if (n.params.instances !== undefined && utilization) resize(n, (n.params.instances * utilization) / BENCH_UTILIZATION);
  }
  return design;
}

/**
 * A one-hour simulated run of a 50-component design at 5,000 requests/s (about 1.5e8 events;
 * `npm run bench -- --only designHour` prints its wall-clock and CPU time). A shorter `runSeconds` gives a quick estimate: the hour is
 * then extrapolated linearly (at a steady load events and time grow in proportion to simulated
 * time) and `extrapolated` says so.
 */
export function benchDesignHour(runSeconds = HOUR_S, seed = 1): DesignBenchResult {
  const design = benchDesign();
  const seconds = Math.min(HOUR_S, runSeconds);
  const cpuStart = cpuSeconds();
  const start = performance.now();
  const report = simulateDesign(design, { durationS: seconds, warmupS: Math.min(30, seconds / 10), seed });
  const measuredWallMs = performance.now() - start;
  const measuredCpuMs = (cpuSeconds() - cpuStart) * 1000;
  const scale = HOUR_S / seconds;
  return {
    simulatedSeconds: HOUR_S,
    wallMs: measuredWallMs * scale,
    cpuMs: measuredCpuMs * scale,
    events: report.events * scale,
    extrapolated: seconds < HOUR_S,
    measuredSeconds: seconds,
    measuredWallMs,
    measuredEvents: report.events,
    components: design.nodes.length,
    entryRps: report.overall.sent / (seconds - report.warmupS),
  };
}

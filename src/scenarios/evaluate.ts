// Runs the analytic engine on a design at the scenario's traffic and reads off what the checks
// and comparisons need: per-flow p99, availability and error share, saturation, headroom, cost.
// Pure functions of their inputs, so every verdict is the same each time it is asked for.
import { monthlyRequestScale } from './month';
import { computeHeadroom, solveDesign, type ComponentResult, type DesignSolution, type FlowResult } from '../engine/analytic';
import type { Design } from '../model/types';
import type { Requirements, Scenario } from './types';
import type { CheckName } from './vocabulary';
import { formatMs, formatPercent, formatUsd } from './format';
import { missingClients } from './workload';

export type SolveForScenarioResult = { ok: true; solution: DesignSolution } | { ok: false; problems: string[] };

/** Solves the design with the scenario's request rate for each client, whatever the design's own client settings. */
export function solveForScenario(scenario: Scenario, design: Design): SolveForScenarioResult {
  const missing = missingClients(design, scenario.workload);
  if (missing.length > 0) {
    return { ok: false, problems: [`The design has no client "${missing.join('", "')}" to send the scenario's traffic from; put it back.`] };
  }
  const result = solveDesign(design, { clientRps: scenario.workload.clientRps, monthlyRequestScale: monthlyRequestScale(scenario) });
  return result.ok ? { ok: true, solution: result } : { ok: false, problems: result.errors.map((e) => e.message) };
}

/** The flows the requirements speak of: the listed clients, or all of them. */
export function flowsInScope(requirements: Requirements, solution: DesignSolution): FlowResult[] {
  const listed = requirements.clients;
  return listed === undefined ? solution.flows : solution.flows.filter((f) => listed.includes(f.clientId));
}

/**
 * Share of a flow's requests that fail under load: all of them when a component on the way is
 * saturated (they time out), else those turned away by a full queue anywhere they go.
 */
export function flowErrorShare(flow: FlowResult, components: Readonly<Record<string, ComponentResult>>): number {
  if (flow.saturated) return 1;
  let accepted = 1;
  for (const hop of flow.breakdown) accepted *= Math.pow(1 - (components[hop.nodeId]?.blockingProbability ?? 0), hop.visits);
  return 1 - accepted;
}

// ---- fix-mode checks -------------------------------------------------------------------------

export interface CheckResult {
  check: CheckName;
  /** "p99 latency", "availability", ... */
  label: string;
  passed: boolean;
  /** The requirement; for capacity, 0 saturated components. */
  target: number;
  /** The design's figure (worst flow where per flow); null when it has none (a saturated flow has no p99). */
  actual: number | null;
  unit: 'ms' | 'fraction' | 'USD/month' | 'components';
  /** One sentence with the figures. */
  detail: string;
}

const CHECK_LABELS: Record<CheckName, string> = {
  p99LatencyMs: 'p99 latency',
  availability: 'availability',
  errorRate: 'error rate',
  monthlyCostUsd: 'monthly cost',
  capacity: 'capacity',
};

/** The item with the highest score (the first of equals); undefined for none. */
export function worst<T>(items: readonly T[], score: (item: T) => number): T | undefined {
  let best: T | undefined;
  let bestScore = -Infinity;
  for (const item of items) {
    const s = score(item);
    if (best === undefined || s > bestScore) {
      best = item;
      bestScore = s;
    }
  }
  return best;
}

function saturationCause(flow: FlowResult, solution: DesignSolution): string {
  for (const hop of flow.breakdown) {
    const c = solution.components[hop.nodeId];
    if (c?.saturated) return solution.components[c.saturationCauseId ?? '']?.label ?? c.label;
  }
  return 'a component on the way';
}

function checkP99(target: number, flows: FlowResult[], solution: DesignSolution): Omit<CheckResult, 'check' | 'label' | 'unit' | 'target'> {
  const saturated = flows.find((f) => f.saturated);
  if (saturated) {
    return { passed: false, actual: null, detail: `${saturated.label}: requests pile up behind ${saturationCause(saturated, solution)}, which cannot keep up, so there is no steady p99 (target ${formatMs(target)}).` };
  }
  const flow = worst(flows, (f) => f.p99ResponseMs ?? 0);
  const actual = flow?.p99ResponseMs ?? 0;
  const who = flow ? `${flow.label}: ` : '';
  return { passed: actual <= target, actual, detail: `${who}99% of requests finish within ${formatMs(actual)} (target ${formatMs(target)}).` };
}

function checkAvailability(target: number, flows: FlowResult[]): Omit<CheckResult, 'check' | 'label' | 'unit' | 'target'> {
  const flow = worst(flows, (f) => -f.availability);
  const actual = flow?.availability ?? 1;
  const who = flow ? `${flow.label}: ` : '';
  return { passed: actual >= target, actual, detail: `${who}${formatPercent(actual)} of requests find everything they need up (target ${formatPercent(target)}).` };
}

function checkErrorRate(target: number, flows: FlowResult[], solution: DesignSolution): Omit<CheckResult, 'check' | 'label' | 'unit' | 'target'> {
  const flow = worst(flows, (f) => flowErrorShare(f, solution.components));
  const actual = flow ? flowErrorShare(flow, solution.components) : 0;
  const who = flow ? `${flow.label}: ` : '';
  const why = flow?.saturated ? ` Requests time out behind ${saturationCause(flow, solution)}, which cannot keep up.` : '';
  return { passed: actual <= target, actual, detail: `${who}${formatPercent(actual)} of requests are turned away or time out under load (target at most ${formatPercent(target)}).${why}` };
}

function checkCapacity(solution: DesignSolution): Omit<CheckResult, 'check' | 'label' | 'unit' | 'target'> {
  const roots = Object.values(solution.components).filter((c) => c.saturated && c.saturationCauseId === c.nodeId);
  if (roots.length === 0) return { passed: true, actual: 0, detail: 'Every component keeps up with the traffic.' };
  const names = roots.map((c) => `${c.label} (sent ${Math.round(c.offeredRps).toLocaleString('en-US')} requests/s, can finish ${c.capacityRps === null ? 'fewer' : Math.round(c.capacityRps).toLocaleString('en-US')})`);
  return { passed: false, actual: solution.saturated.length, detail: `Cannot keep up: ${names.join('; ')}.` };
}

function checkCost(target: number, solution: DesignSolution): Omit<CheckResult, 'check' | 'label' | 'unit' | 'target'> {
  const actual = solution.cost.totalUsdPerMonth;
  return { passed: actual <= target, actual, detail: `Costs ${formatUsd(actual)} a month (budget ${formatUsd(target)}).` };
}

/** The named checks on a solved design. A check whose target is missing from requirements fails, saying so. */
export function runChecks(scenario: Scenario, solution: DesignSolution, checks: readonly CheckName[]): CheckResult[] {
  const flows = flowsInScope(scenario.requirements, solution);
  return checks.map((check): CheckResult => {
    const label = CHECK_LABELS[check];
    if (check === 'capacity') return { check, label, unit: 'components', target: 0, ...checkCapacity(solution) };
    const target = scenario.requirements[check];
    if (target === undefined) return { check, label, unit: 'fraction', target: NaN, passed: false, actual: null, detail: `The scenario gives no ${label} target.` };
    switch (check) {
      case 'p99LatencyMs':
        return { check, label, unit: 'ms', target, ...checkP99(target, flows, solution) };
      case 'availability':
        return { check, label, unit: 'fraction', target, ...checkAvailability(target, flows) };
      case 'errorRate':
        return { check, label, unit: 'fraction', target, ...checkErrorRate(target, flows, solution) };
      case 'monthlyCostUsd':
        return { check, label, unit: 'USD/month', target, ...checkCost(target, solution) };
    }
  });
}

// ---- compare-mode figures ----------------------------------------------------------------------

export interface DesignFigures {
  /** Request-weighted mean over the flows in scope; null when any of them is saturated. */
  meanLatencyMs: number | null;
  /** The worst flow's p99; null when any flow is saturated. */
  p99LatencyMs: number | null;
  /** The worst flow's availability. */
  availability: number;
  /** How many times today's traffic the design takes before something gives out (the tightest client); null when no limit was found. */
  headroomX: number | null;
  monthlyCostUsd: number;
  saturatedComponents: number;
}

export function designFigures(scenario: Scenario, design: Design, solution: DesignSolution): DesignFigures {
  const flows = flowsInScope(scenario.requirements, solution);
  const saturated = flows.some((f) => f.saturated);
  const rps = flows.reduce((sum, f) => sum + f.rps, 0);
  const meanLatencyMs = saturated ? null : rps > 0 ? flows.reduce((sum, f) => sum + f.rps * (f.meanResponseMs ?? 0), 0) / rps : 0;
  const p99LatencyMs = saturated ? null : Math.max(0, ...flows.map((f) => f.p99ResponseMs ?? 0));
  const headroom = computeHeadroom(design, { clientRps: scenario.workload.clientRps });
  let headroomX: number | null = null;
  if (headroom.ok) {
    for (const entry of headroom.entries) {
      if (entry.maxRps === null || entry.currentRps <= 0) continue;
      const factor = entry.maxRps / entry.currentRps;
      headroomX = headroomX === null ? factor : Math.min(headroomX, factor);
    }
  }
  return {
    meanLatencyMs,
    p99LatencyMs,
    availability: Math.min(1, ...flows.map((f) => f.availability)),
    headroomX,
    monthlyCostUsd: solution.cost.totalUsdPerMonth,
    saturatedComponents: solution.saturated.length,
  };
}

// Each check of a fix scenario graded from the figures of every simulated run: p99 latency,
// availability and error rate from the worst flow, capacity from the components falling behind,
// cost from the analytic engine (it does not depend on the run).
import type { Design } from '../../../model/types';
import { runChecks, solveForScenario } from '../../evaluate';
import { MIN_GROWTH_RPS, type RunFigures } from './sim-figures';
import { interval, verdictOf } from './sim-stats';
import type { SimulatedCheckResult, SimVerdict } from './sim-types';
import { failureBreakdown, formatCount, formatRate, mostOftenWorst, VERDICT_WORDS, verdictSentence } from './sim-words';
import { formatMs, formatPercent, formatUsd } from '../../format';
import type { FixScenario } from '../../types';
import type { CheckName } from '../../vocabulary';

const LABELS: Record<CheckName, string> = {
  p99LatencyMs: 'p99 latency',
  availability: 'availability',
  errorRate: 'error rate',
  monthlyCostUsd: 'monthly cost',
  capacity: 'capacity',
};

function noTarget(check: CheckName, runs: readonly RunFigures[]): SimulatedCheckResult {
  const label = LABELS[check];
  return { check, label, verdict: 'fail', mean: null, halfWidth: null, target: NaN, unit: 'fraction', values: runs.map(() => null), detail: `The scenario gives no ${label} target.` };
}

export function gradeCheck(scenario: FixScenario, design: Design, check: CheckName, runs: readonly RunFigures[]): SimulatedCheckResult {
  switch (check) {
    case 'capacity':
      return gradeCapacity(runs);
    case 'monthlyCostUsd':
      return gradeCost(scenario, design, runs);
    case 'p99LatencyMs':
      return scenario.requirements.p99LatencyMs === undefined ? noTarget(check, runs) : gradeP99(scenario.requirements.p99LatencyMs, runs);
    case 'availability':
    case 'errorRate': {
      const target = scenario.requirements[check];
      return target === undefined ? noTarget(check, runs) : gradeShare(check, target, runs);
    }
  }
}

function gradeP99(target: number, runs: readonly RunFigures[]): SimulatedCheckResult {
  const check = 'p99LatencyMs';
  const label = LABELS[check];
  const figures = runs.map((r) => r.p99);
  const values = figures.map((f) => f.value);
  const { mean, halfWidth } = interval(values);
  const verdict = verdictOf(mean, halfWidth, target, false);
  let detail: string;
  if (mean === null || halfWidth === null) {
    const missing = values.filter((v) => v === null).length;
    detail = `In ${missing} of ${runs.length} runs ${figures.find((f) => f.value === null)?.flowLabel ?? 'a flow'} had no successful request, so there is no p99 to hold to the target of at most ${formatMs(target)}: fails.`;
  } else {
    detail = verdictSentence(label, 'ms', mean, halfWidth, runs.length, target, false, verdict) + mostOftenWorst(figures);
  }
  return { check, label, verdict, mean, halfWidth, target, unit: 'ms', values, detail };
}

function gradeShare(check: 'availability' | 'errorRate', target: number, runs: readonly RunFigures[]): SimulatedCheckResult {
  const label = LABELS[check];
  const atLeast = check === 'availability';
  const figures = runs.map((r) => (check === 'availability' ? r.availability : r.errorRate));
  const values = figures.map((f) => f.value);
  const { mean, halfWidth } = interval(values);
  const verdict = verdictOf(mean, halfWidth, target, atLeast);
  const detail =
    mean === null || halfWidth === null
      ? `In ${values.filter((v) => v === null).length} of ${runs.length} runs no request was sent, so there is no ${label} to hold to the target: fails.`
      : verdictSentence(label, 'fraction', mean, halfWidth, runs.length, target, atLeast, verdict) + mostOftenWorst(figures) + failureBreakdown(runs, figures);
  return { check, label, verdict, mean, halfWidth, target, unit: 'fraction', values, detail };
}

function gradeCapacity(runs: readonly RunFigures[]): SimulatedCheckResult {
  const check = 'capacity';
  const label = LABELS[check];
  const values = runs.map((r) => r.laggards.length);
  const { mean, halfWidth } = interval(values);
  const verdict = verdictOf(mean, halfWidth, 0, false);
  const n = runs.length;
  const byNode = new Map<string, { label: string; runs: number; growth: number; utilization: number | null }>();
  for (const r of runs) {
    for (const l of r.laggards) {
      const seen = byNode.get(l.nodeId) ?? { label: l.label, runs: 0, growth: 0, utilization: null };
      seen.runs++;
      seen.growth += l.growthRps;
      if (l.utilization !== null) seen.utilization = Math.max(seen.utilization ?? 0, l.utilization);
      byNode.set(l.nodeId, seen);
    }
  }
  let detail: string;
  if (byNode.size === 0) {
    detail = `Every component keeps up with its traffic outside failures and traffic spikes, in all ${n} runs: passes.`;
  } else {
    const names = [...byNode.values()].map((s) => {
      const growth = s.growth / s.runs;
      const how = growth > MIN_GROWTH_RPS ? `backlog growing by about ${formatRate(growth)} requests/s` : `busy ${formatPercent(s.utilization ?? 1)} of the time`;
      return `${s.label} (${how}, in ${s.runs} of ${n} runs)`;
    });
    const m = mean ?? 0;
    const hw = halfWidth ?? 0;
    detail = `Components that cannot keep up outside failures and traffic spikes: ${formatCount(m)} ± ${formatCount(hw)} (95% confidence, ${n} runs) against a target of none: ${VERDICT_WORDS[verdict]}. Falling behind: ${names.join('; ')}.`;
  }
  return { check, label, verdict, mean, halfWidth, target: 0, unit: 'components', values, detail };
}

/** The analytic cost: what the design costs does not depend on the run. */
function gradeCost(scenario: FixScenario, design: Design, runs: readonly RunFigures[]): SimulatedCheckResult {
  const check = 'monthlyCostUsd';
  const label = LABELS[check];
  const target = scenario.requirements.monthlyCostUsd;
  if (target === undefined) return noTarget(check, runs);
  const solved = solveForScenario(scenario, design);
  if (!solved.ok) {
    return { check, label, verdict: 'fail', mean: null, halfWidth: null, target, unit: 'USD/month', values: runs.map(() => null), detail: `The cost could not be worked out: ${solved.problems.join(' ')}` };
  }
  const [analytic] = runChecks(scenario, solved.solution, [check]);
  const cost = analytic?.actual ?? solved.solution.cost.totalUsdPerMonth;
  const verdict: SimVerdict = cost <= target ? 'pass' : 'fail';
  const detail = `Costs ${formatUsd(cost)} a month, the same in every run, against a budget of at most ${formatUsd(target)}: ${VERDICT_WORDS[verdict]}.`;
  return { check, label, verdict, mean: cost, halfWidth: 0, target, unit: 'USD/month', values: runs.map(() => cost), detail };
}

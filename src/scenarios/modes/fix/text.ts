// A fix grade in words for the terminal: `scenario grade`, and with --simulate the simulated
// check and the app's verdict after it.
import type { FixGrade } from './grade';
import type { FixScenario } from './schema';
import type { SimulatedFixGrade } from './sim-types';
import { hasTimeline } from '../../simulation';

export function formatFix(grade: FixGrade): string {
  const headline = grade.passed ? 'PASSED: the design meets every check.' : grade.invariants.length > 0 ? 'NOT YET: the design no longer does what the story needs, so no figure counts.' : 'NOT YET: the design misses at least one check.';
  const lines = [headline, ''];
  for (const problem of grade.problems) lines.push(`problem  ${problem}`);
  for (const broken of grade.invariants) lines.push(`BROKEN  ${broken.message}`);
  for (const c of grade.checks) lines.push(`${c.passed ? 'pass' : 'FAIL'}  ${c.label}: ${c.detail}`);
  if (grade.explanation) lines.push('', grade.explanation.text);
  if (grade.hints.length > 0) lines.push('', 'Worth a look:', ...grade.hints.map((h) => `- ${h.message}`));
  return lines.join('\n');
}
const SIM_VERDICT: Record<SimulatedFixGrade['checks'][number]['verdict'], string> = { pass: 'pass', fail: 'FAIL', 'too-close': 'CLOSE' };
/** The steady grade, then the simulated check as the app shows it, then the app's verdict. */
export function formatSimulatedFix(scenario: FixScenario, grade: FixGrade, simulated: SimulatedFixGrade, solved: boolean): string {
  const lines = [formatFix(grade), '', `Under the scenario's traffic and failures (simulated, ${simulated.replications} runs, seeds ${simulated.seeds.join(', ')}):`];
  for (const problem of simulated.problems) lines.push(`problem  ${problem}`);
  for (const c of simulated.checks) lines.push(`${SIM_VERDICT[c.verdict]}  ${c.label}: ${c.detail}`);
  const what = hasTimeline(scenario) ? 'the steady checks and the simulated check' : 'the steady checks (with no timeline the simulated check is for information)';
  lines.push('', `${solved ? 'SOLVED' : 'NOT SOLVED'} (the app's verdict: ${what} must pass).`);
  return lines.join('\n');
}

// A fix scenario checks itself: the reference solution passes every check and keeps the story's
// work and world, the starting design fails exactly the checks it declares, and every generated
// cheat fails.
import type { ScenarioIssue } from '../mode-spec';
import { generateFixCheats } from './cheats';
import { gradeFix } from './grade';
import { checkFixInvariants } from './invariants';
import type { FixScenario } from './schema';

function checkFixInvariantsHold(scenario: FixScenario, startFails: boolean, issues: ScenarioIssue[]): void {
  for (const f of checkFixInvariants(scenario, scenario.design)) issues.push({ path: ['invariants'], message: `the starting design already breaks a rule: ${f.message}` });
  for (const f of checkFixInvariants(scenario, scenario.solution)) issues.push({ path: ['solution'], message: `the reference solution breaks a rule: ${f.message}` });
  // With nothing to fix, every cheat passes too; that problem is reported once, on its own.
  if (!startFails) return;
  for (const cheat of generateFixCheats(scenario)) {
    if (gradeFix(scenario, cheat.design).passed) {
      issues.push({ path: ['invariants'], message: `a learner could pass with a cheat (${cheat.name}): declare the invariant or environment setting that rules it out` });
    }
  }
}
export function checkFix(scenario: FixScenario, issues: ScenarioIssue[]): void {
  const start = gradeFix(scenario, scenario.design);
  checkFixInvariantsHold(scenario, !start.passed, issues);
  const reference = gradeFix(scenario, scenario.solution);
  for (const problem of reference.problems) issues.push({ path: ['solution'], message: `the reference solution: ${problem}` });
  for (const check of reference.checks) {
    if (!check.passed) issues.push({ path: ['solution'], message: `the reference solution fails ${check.label}: ${check.detail}` });
  }
  const failing = start.checks.filter((c) => !c.passed).map((c) => c.check);
  if (failing.length === 0 && start.problems.length === 0) {
    issues.push({ path: ['checks'], message: 'the starting design already passes every check, so there is nothing to fix' });
    return;
  }
  const declared = scenario.startingDesignFails;
  if (declared === null) return;
  const same = declared.length === failing.length && declared.every((c) => failing.includes(c));
  if (!same) {
    const details = start.checks.map((c) => `${c.label} ${c.passed ? 'passes' : 'fails'} (${c.detail})`).join('; ');
    issues.push({ path: ['startingDesignFails'], message: `says the starting design fails [${declared.join(', ')}], but it fails [${failing.join(', ')}]: ${details}` });
  }
}

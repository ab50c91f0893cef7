// A scenario checks itself: every design solves and is laid out tidily, a fix scenario's
// reference solution passes and its starting design fails (exactly the checks it declares), a
// critique key grades 100% against itself and pinning everything everywhere scores under half, identify answers are right for the design, and
// compare answers agree with the figures they name.
import { solveForScenario } from './evaluate';
import { formatCompareFigure } from './format';
import type { Design } from '../model/types';
import { generateFixCheats } from './modes/fix/cheats';
import { checkFixInvariants } from './modes/fix/invariants';
import { gradeFixSimulated, type SimulatedFixGrade } from './modes/fix/simulated';
import { MAX_SHOTGUN_SCORE, shotgunFindings, shotgunTargets } from './modes/critique/grade';
import { compareDesigns, gradeCritique, gradeFix, gradeIdentify } from './grade';
import { layoutIssues } from './layout';
import { scenarioDesigns, type ScenarioIssue } from './normalize';
import type { CompareScenario, CritiqueScenario, FixScenario, IdentifyScenario, Scenario } from './types';
import { CRITIQUE_CATEGORIES } from './vocabulary';

/** The starting design and the reference solution keep the story's work and world, and every generated cheat fails. */
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

function checkFix(scenario: FixScenario, issues: ScenarioIssue[]): void {
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

function checkCritique(scenario: CritiqueScenario, issues: ScenarioIssue[]): void {
  const grade = gradeCritique(
    scenario,
    scenario.key.map((k) => ({ target: k.target, category: k.category, severity: k.severity })),
  );
  if (grade.found !== grade.total || grade.extras.length > 0 || grade.severityRight !== grade.total) {
    issues.push({ path: ['key'], message: `the key grades ${grade.found} of ${grade.total} against itself; each item must be matchable on its own` });
  }
  const also = gradeCritique(scenario, scenario.alsoAcceptable.map((k) => ({ target: k.target, category: k.category })));
  if (also.alsoFound !== scenario.alsoAcceptable.length || also.extras.length > 0) {
    issues.push({ path: ['alsoAcceptable'], message: `only ${also.alsoFound} of ${scenario.alsoAcceptable.length} also-acceptable findings are graded as such; each must be matchable on its own and not already in the key` });
  }
  // Every category on every component and connection: finds the whole key, so only precision can keep it under.
  const shotgun = gradeCritique(scenario, shotgunFindings(scenario, CRITIQUE_CATEGORIES));
  if (shotgun.score >= MAX_SHOTGUN_SCORE) {
    issues.push({ path: ['key'], message: `pinning every category on every component and connection scores ${Math.round(shotgun.score * 100)}% (it must stay under ${MAX_SHOTGUN_SCORE * 100}%): too many findings are sound beside the key` });
  }
  // Every category on one component or connection: a hub that too many key items accept as their target gives the key away.
  for (const target of shotgunTargets(scenario)) {
    const score = gradeCritique(scenario, CRITIQUE_CATEGORIES.map((category) => ({ target, category }))).score;
    if (score >= MAX_SHOTGUN_SCORE) {
      issues.push({ path: ['key'], message: `pinning every category on "${target}" alone scores ${Math.round(score * 100)}% (it must stay under ${MAX_SHOTGUN_SCORE * 100}%): too many key items accept it as their target` });
    }
  }
}

function checkIdentify(scenario: IdentifyScenario, issues: ScenarioIssue[]): void {
  const answers = Object.fromEntries(scenario.questions.map((q) => [q.id, q.answer.type === 'click' ? q.answer.nodeIds : q.answer.acceptedKinds[0]!]));
  gradeIdentify(scenario, answers).results.forEach((r, i) => {
    if (!r.correct) issues.push({ path: ['questions', i, 'answer'], message: 'the answer given in the file is not graded correct' });
  });
  if (scenario.showFigures) {
    scenario.questions.forEach((q, i) => {
      if (q.answer.type === 'naming') issues.push({ path: ['questions', i, 'answer'], message: 'asks what kind a component is while showFigures is on, and the figures name every component: ask a click question, or leave showFigures out' });
    });
  }
}

function checkCompare(scenario: CompareScenario, issues: ScenarioIssue[]): void {
  // With every answer on one side, answering that side throughout is right every time.
  const sides = new Set(scenario.questions.map((q) => q.answer));
  if (scenario.questions.length > 1 && sides.size === 1) {
    issues.push({ path: ['questions'], message: `every answer is ${[...sides][0]}, so a learner who answers ${[...sides][0]} throughout gets them all right; ask at least one question the other design wins` });
  }
  const comparison = compareDesigns(scenario);
  if (!comparison.ok) return; // the designs' own problems are reported already
  if (comparison.rows.every((r) => r.better === 'same')) issues.push({ path: ['designB'], message: 'design B gives the same figures as design A on every measure, so there is nothing to compare' });
  scenario.questions.forEach((q, i) => {
    if (q.metric === null) return;
    const row = comparison.rows.find((r) => r.metric === q.metric)!;
    const figures = `${scenario.labels.a}: ${formatCompareFigure(row, row.a)}, ${scenario.labels.b}: ${formatCompareFigure(row, row.b)}`;
    if (row.better === 'same') issues.push({ path: ['questions', i, 'metric'], message: `the two designs are within half a percent on ${row.label} (${figures}), so it cannot decide the answer` });
    else if (row.better !== q.answer) issues.push({ path: ['questions', i, 'answer'], message: `is ${q.answer}, but ${row.label} favours ${row.better} (${figures})` });
  });
}

export function selfCheckScenario(scenario: Scenario): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  let solvable = true;
  for (const { design, path } of scenarioDesigns(scenario)) {
    issues.push(...layoutIssues(design, (p) => [...path, ...p]));
    const solved = solveForScenario(scenario, design);
    if (!solved.ok) {
      solvable = false;
      issues.push(...solved.problems.map((message) => ({ path, message: `cannot be solved: ${message}` })));
    } else if (!solved.solution.converged) {
      issues.push({ path, message: `does not settle: ${solved.solution.message ?? ''}` });
    }
  }
  if (!solvable) return issues;
  switch (scenario.mode) {
    case 'fix':
      checkFix(scenario, issues);
      break;
    case 'critique':
      checkCritique(scenario, issues);
      break;
    case 'identify':
      checkIdentify(scenario, issues);
      break;
    case 'compare':
      checkCompare(scenario, issues);
      break;
  }
  return issues;
}

export interface SimulatedSelfCheckOptions {
  /** Runs per design (fixed seeds 1, 2, ...). */
  replications: number;
}

/** Whether a fix scenario has a story over time (traffic changes or failures) for the simulator to replay. */
export function hasTimeline(scenario: Scenario): boolean {
  return scenario.failures.length > 0 || scenario.workload.overTime.length > 0;
}

/**
 * The slow half of a fix scenario's self-check, from its two simulated grades: the reference
 * solution passes every check (a verdict too close to call counts against it: a reference
 * solution needs margin), and the starting design fails at least one.
 */
export function simulatedSelfCheckIssues(reference: SimulatedFixGrade, start: SimulatedFixGrade): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  for (const problem of reference.problems) issues.push({ path: ['solution'], message: `the reference solution, simulated: ${problem}` });
  for (const c of reference.checks) {
    if (c.verdict !== 'pass') issues.push({ path: ['solution'], message: `the reference solution, simulated through the scenario's timeline: ${c.detail}` });
  }
  if (start.problems.length === 0 && start.checks.every((c) => c.verdict === 'pass')) {
    issues.push({ path: ['design'], message: "the starting design passes every check when simulated through the scenario's timeline, so the timeline tests nothing the steady checks do not" });
  }
  return issues;
}

/** The simulated self-check (`scenario check --simulate`); nothing to do for other modes, or a fix scenario with no timeline. */
export function selfCheckSimulated(scenario: Scenario, options: SimulatedSelfCheckOptions): ScenarioIssue[] {
  if (scenario.mode !== 'fix' || !hasTimeline(scenario)) return [];
  const grade = (design: Design) => gradeFixSimulated(scenario, design, { replications: options.replications });
  return simulatedSelfCheckIssues(grade(scenario.solution), grade(scenario.design));
}

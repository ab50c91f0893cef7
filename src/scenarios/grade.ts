// Grading a learner's work against a scenario, one function per mode. Every verdict is a pure
// function of the scenario and the learner's input (the analytic engine is deterministic), so
// the same submission always gets the same grade.
import { explainMainProblem, type Explanation } from '../engine/analytic';
import { CATALOG } from '../model/catalog';
import { COMPONENT_KINDS, type ComponentKind, type Design } from '../model/types';
import { designFigures, runChecks, solveForScenario, type CheckResult, type DesignFigures } from './evaluate';
import type { FigureUnit } from './format';
import { checkFixInvariants, turnedAwayWork, type InvariantFailure } from './fix-invariants';
import { findStructuralIssues, type StructuralFinding } from './structure';
import type { CritiqueGrade } from './critique-grade';
import type { CompareScenario, FixScenario, IdentifyScenario } from './types';
import type { CompareMetric, DesignSide } from './vocabulary';

// ---- critique: see critique-grade.ts -----------------------------------------------------

export { gradeCritique, type AcceptableMatch, type CritiqueGrade, type CritiqueMatch, type ExtraFinding, type ExtraReason, type Finding } from './critique-grade';

// ---- identify ------------------------------------------------------------------------------

/** By question id: the component id(s) clicked, or for naming questions the kind chosen (id or label). */
export type IdentifyAnswers = Readonly<Record<string, string | readonly string[]>>;

export interface QuestionResult<T> {
  questionId: string;
  prompt: string;
  correct: boolean;
  expected: T;
  /** null when the learner did not answer. */
  given: T | null;
  explanation: string;
}

export interface IdentifyGrade {
  mode: 'identify';
  /** Right on the first try, over the questions. */
  score: number;
  correct: number;
  total: number;
  results: QuestionResult<string[]>[];
  /** Tries per question id (1 when not recorded); only the first counts. */
  attempts: Record<string, number>;
}

/** Tries per question: how many answers the learner gave before moving on. */
export type IdentifyAttempts = Readonly<Record<string, number>>;

/** "load-balancer", "Load balancer" and "load balancer" all name the same kind. */
export function kindFromWord(word: string): ComponentKind | null {
  const w = word.trim().toLowerCase().replace(/\s+/g, ' ');
  return COMPONENT_KINDS.find((k) => k === w.replace(/ /g, '-') || CATALOG[k].label.toLowerCase() === w) ?? null;
}

const asList = (x: string | readonly string[] | undefined): string[] | null => (x === undefined ? null : typeof x === 'string' ? [x] : [...x]);

/** Grades the first answer to each question; `attempts` only reports how many tries each took. */
export function gradeIdentify(scenario: IdentifyScenario, answers: IdentifyAnswers, attempts: IdentifyAttempts = {}): IdentifyGrade {
  const results = scenario.questions.map((q): QuestionResult<string[]> => {
    const given = asList(answers[q.id]);
    const base = { questionId: q.id, prompt: q.prompt, explanation: q.explanation, given };
    if (q.answer.type === 'click') {
      const expected = [...q.answer.nodeIds];
      const chosen = new Set(given ?? []);
      const correct = given !== null && chosen.size === expected.length && expected.every((id) => chosen.has(id));
      return { ...base, expected, correct };
    }
    const accepted = q.answer.acceptedKinds;
    const kind = given?.length === 1 ? kindFromWord(given[0]!) : null;
    return { ...base, expected: [...accepted], correct: kind !== null && accepted.includes(kind) };
  });
  const correct = results.filter((r) => r.correct).length;
  const tries = Object.fromEntries(scenario.questions.filter((q) => answers[q.id] !== undefined).map((q) => [q.id, Math.max(1, Math.floor(attempts[q.id] ?? 1))]));
  return { mode: 'identify', score: results.length > 0 ? correct / results.length : 0, correct, total: results.length, results, attempts: tries };
}

// ---- fix -----------------------------------------------------------------------------------

export interface FixGrade {
  mode: 'fix';
  /** Every check passes. */
  passed: boolean;
  checks: CheckResult[];
  /** Why the design could not be solved at all (a sync loop, a missing client); empty when it could. */
  problems: string[];
  /** The design's main problem in one or two sentences, when it has one. */
  explanation: Explanation | null;
  /** What the structural checks see in the design, as hints. */
  hints: StructuralFinding[];
  /** The story's work or world the design breaks (fix-invariants.ts); when any, no figure counts and `checks` is empty. */
  invariants: InvariantFailure[];
}

export function gradeFix(scenario: FixScenario, design: Design): FixGrade {
  const hints = findStructuralIssues(design);
  const invariants = checkFixInvariants(scenario, design);
  const solved = solveForScenario(scenario, design);
  if (!solved.ok) return { mode: 'fix', passed: false, checks: [], problems: solved.problems, explanation: null, hints, invariants };
  invariants.push(...turnedAwayWork(scenario, solved.solution));
  if (invariants.length > 0) return { mode: 'fix', passed: false, checks: [], problems: [], explanation: null, hints, invariants };
  const checks = runChecks(scenario, solved.solution, scenario.checks);
  const problems = solved.solution.converged ? [] : [solved.solution.message ?? 'The figures did not settle.'];
  return { mode: 'fix', passed: checks.every((c) => c.passed), checks, problems, explanation: explainMainProblem(design, solved.solution), hints, invariants };
}

// ---- compare -------------------------------------------------------------------------------

export interface CompareRow {
  metric: CompareMetric;
  label: string;
  unit: FigureUnit;
  /** null: no steady figure (a saturated flow has no latency) or, for headroom, no limit found. */
  a: number | null;
  b: number | null;
  /** The better design on this figure, or "same" when they are within half a percent. */
  better: DesignSide | 'same';
}

export type Comparison = { ok: true; labels: { a: string; b: string }; rows: CompareRow[]; figures: { a: DesignFigures; b: DesignFigures } } | { ok: false; problems: string[] };

interface MetricRule {
  label: string;
  unit: CompareRow['unit'];
  /** Maps the figure to a cost (lower is better); null figures get `nullCost`. */
  cost: (x: number) => number;
  nullCost: number;
}

const METRIC_RULES: Record<CompareMetric, MetricRule> = {
  meanLatencyMs: { label: 'mean latency', unit: 'ms', cost: (x) => x, nullCost: Infinity },
  p99LatencyMs: { label: 'p99 latency', unit: 'ms', cost: (x) => x, nullCost: Infinity },
  // Availability differs in its last nines, so compare the failing share.
  availability: { label: 'availability', unit: 'fraction', cost: (x) => 1 - x, nullCost: Infinity },
  headroomX: { label: 'headroom (times today\'s traffic)', unit: 'x', cost: (x) => -x, nullCost: -Infinity },
  monthlyCostUsd: { label: 'monthly cost', unit: 'USD/month', cost: (x) => x, nullCost: Infinity },
  saturatedComponents: { label: 'saturated components', unit: 'components', cost: (x) => x, nullCost: Infinity },
};

/** Relative difference under which two figures count as the same. */
const SAME_WITHIN = 0.005;

function betterOf(rule: MetricRule, a: number | null, b: number | null): DesignSide | 'same' {
  const ca = a === null ? rule.nullCost : rule.cost(a);
  const cb = b === null ? rule.nullCost : rule.cost(b);
  if (ca === cb) return 'same';
  if (Number.isFinite(ca) && Number.isFinite(cb) && Math.abs(ca - cb) <= SAME_WITHIN * Math.max(Math.abs(ca), Math.abs(cb))) return 'same';
  return ca < cb ? 'a' : 'b';
}

export function compareDesigns(scenario: CompareScenario): Comparison {
  const solvedA = solveForScenario(scenario, scenario.design);
  const solvedB = solveForScenario(scenario, scenario.designB);
  if (!solvedA.ok || !solvedB.ok) {
    const problems = [...(solvedA.ok ? [] : solvedA.problems.map((p) => `${scenario.labels.a}: ${p}`)), ...(solvedB.ok ? [] : solvedB.problems.map((p) => `${scenario.labels.b}: ${p}`))];
    return { ok: false, problems };
  }
  const a = designFigures(scenario, scenario.design, solvedA.solution);
  const b = designFigures(scenario, scenario.designB, solvedB.solution);
  const rows = (Object.keys(METRIC_RULES) as CompareMetric[]).map((metric): CompareRow => {
    const rule = METRIC_RULES[metric];
    return { metric, label: rule.label, unit: rule.unit, a: a[metric], b: b[metric], better: betterOf(rule, a[metric], b[metric]) };
  });
  return { ok: true, labels: scenario.labels, rows, figures: { a, b } };
}

export type CompareAnswers = Readonly<Record<string, DesignSide>>;

export interface CompareGrade {
  mode: 'compare';
  /**
   * Balanced accuracy: the share right among the questions design A wins, and among those B
   * wins, averaged. Answering one side throughout scores exactly half on any key that has both.
   */
  score: number;
  correct: number;
  total: number;
  /** Right answers among the questions each design wins. */
  bySide: Record<DesignSide, { correct: number; total: number }>;
  results: QuestionResult<DesignSide>[];
  comparison: Comparison;
  takeaway: string;
}

export type CompareAnswerScore = Omit<CompareGrade, 'comparison' | 'takeaway'>;

/** The answers' score alone, without solving the designs (fast enough for the UI thread). */
export function scoreCompareAnswers(scenario: CompareScenario, answers: CompareAnswers): CompareAnswerScore {
  const results = scenario.questions.map((q): QuestionResult<DesignSide> => {
    const given = answers[q.id] ?? null;
    return { questionId: q.id, prompt: q.prompt, expected: q.answer, given, correct: given === q.answer, explanation: q.explanation };
  });
  const side = (s: DesignSide) => {
    const mine = results.filter((r) => r.expected === s);
    return { correct: mine.filter((r) => r.correct).length, total: mine.length };
  };
  const bySide = { a: side('a'), b: side('b') };
  const sides = [bySide.a, bySide.b].filter((x) => x.total > 0);
  return {
    mode: 'compare',
    score: sides.length > 0 ? sides.reduce((sum, x) => sum + x.correct / x.total, 0) / sides.length : 1,
    correct: results.filter((r) => r.correct).length,
    total: results.length,
    bySide,
    results,
  };
}

export function gradeCompare(scenario: CompareScenario, answers: CompareAnswers): CompareGrade {
  return { ...scoreCompareAnswers(scenario, answers), comparison: compareDesigns(scenario), takeaway: scenario.takeaway };
}

export type Grade = IdentifyGrade | CritiqueGrade | FixGrade | CompareGrade;

/** What a compare metric is called in tables and forms: "p99 latency", "monthly cost". */
export function compareMetricLabel(metric: CompareMetric): string {
  return METRIC_RULES[metric].label;
}

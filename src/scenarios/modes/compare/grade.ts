// Grading compare: both designs solved and set side by side on each figure, and the learner's
// predictions of which design wins scored by balanced accuracy.
import { designFigures, solveForScenario, type DesignFigures } from '../../evaluate';
import type { FigureUnit } from '../../format';
import type { CompareScenario } from '../../types';
import type { CompareMetric, DesignSide } from '../../vocabulary';
import { answerTo, type QuestionResult } from '../questions';

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
    const given = answerTo(answers, q.id) ?? null;
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

/** What a compare metric is called in tables and forms: "p99 latency", "monthly cost". */
export function compareMetricLabel(metric: CompareMetric): string {
  return METRIC_RULES[metric].label;
}

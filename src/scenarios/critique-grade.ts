// Grading a critique: the learner's findings against the instructor's key, scored by an
// F-measure so that recall (key problems found) and precision (findings that hold) both count.
// Pinning every category everywhere finds the whole key but almost nothing it says holds, so it
// scores low; a careful partial review scores on what it found. Sound findings beside the key
// ("also acceptable", or confirmed by the structural checks) never cost anything.
import { solveForScenario } from './evaluate';
import { whyFindingDoesNotHold } from './critique-why-not';
import { targetName } from './target-name';
import { findStructuralIssues, type StructuralFinding } from './structure';
import type { AlsoAcceptableItem, CritiqueKeyItem, CritiqueScenario } from './types';
import { canonicalCategory, type CritiqueCategory, type Severity } from './vocabulary';

/** One problem a learner points out. `category` may be any synonym ("SPOF", "hot key"). */
export interface Finding {
  target: string;
  category: string;
  severity?: Severity;
  note?: string;
  /** The engines' figures for the target when it was pinned (findingEvidence), one line per engine. */
  evidence?: string[];
}

export interface CritiqueMatch {
  item: CritiqueKeyItem;
  finding: Finding;
  /** null when the learner gave no severity. */
  severityRight: boolean | null;
}

export interface AcceptableMatch {
  item: AlsoAcceptableItem;
  finding: Finding;
}

export type ExtraReason = 'unknown-category' | 'unknown-target' | 'not-in-key' | 'duplicate';

export interface ExtraFinding {
  finding: Finding;
  reason: ExtraReason;
  /** A structural check that finds the same problem: the finding is sound, just not one the key asks for. */
  alsoFoundByChecks: StructuralFinding | null;
  /** Whether it lowers the score (precision); sound findings do not. */
  costs: boolean;
  /** Why it does not hold (or, when sound, what the checks found), in the learner's words. */
  why: string;
}

export interface CritiqueGrade {
  mode: 'critique';
  /** The F-measure of precision and recall, 0..1: what the learner sees as the score. */
  score: number;
  /** Credit for key problems found (1 each) and also-acceptable ones (ALSO_ACCEPTABLE_CREDIT each), over the key's size, at most 1. */
  recall: number;
  /** Findings that hold (key or also acceptable) over every finding that counts (sound extras are left out). */
  precision: number;
  /** Key problems found. */
  found: number;
  total: number;
  /** Also-acceptable problems found. */
  alsoFound: number;
  /** Findings that lowered the precision. */
  wrong: number;
  /** Matched findings whose severity agrees with the key. */
  severityRight: number;
  /** The same F-measure with a bonus of a quarter key item per right severity in the recall, still 0..1. */
  scoreWithSeverity: number;
  matched: CritiqueMatch[];
  acceptable: AcceptableMatch[];
  /** Key items no finding matched, with their explanations. */
  missed: CritiqueKeyItem[];
  extras: ExtraFinding[];
}

const SEVERITY_BONUS = 0.25;
/** `scenario check` fails a critique whose shotgun submission (every category everywhere) scores this or more: a verdict worth trusting. */
export const MAX_SHOTGUN_SCORE = 0.5;
/** An also-acceptable finding is sound but not the lesson: half a key item (a judgment; authors can see it in docs/scenarios.md). */
export const ALSO_ACCEPTABLE_CREDIT = 0.5;

type Item = CritiqueKeyItem | AlsoAcceptableItem;
const targetsOf = (item: Item) => [item.target, ...(item.acceptedTargets ?? [])];
const categoriesOf = (item: Item) => [item.category, ...(item.acceptedCategories ?? [])];
const fits = (item: Item, category: CritiqueCategory, target: string) => categoriesOf(item).includes(category) && targetsOf(item).includes(target);

/** Harmonic mean of precision and recall (F1); 0 when both are 0. */
function fMeasure(precision: number, recall: number): number {
  return precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
}

export function gradeCritique(scenario: CritiqueScenario, findings: readonly Finding[]): CritiqueGrade {
  const design = scenario.design;
  const ids = new Set([...design.nodes.map((n) => n.id), ...design.edges.map((e) => e.id)]);
  let structural: StructuralFinding[] | null = null;
  let solved: ReturnType<typeof solveForScenario> | null = null;
  const solution = () => {
    solved ??= solveForScenario(scenario, design);
    return solved.ok ? solved.solution : null;
  };
  /** The finding each key or also-acceptable item was matched by. */
  const matchedBy = new Map<Item, Finding>();
  const matched: CritiqueMatch[] = [];
  const acceptable: AcceptableMatch[] = [];
  const extras: ExtraFinding[] = [];

  for (const finding of findings) {
    const category = canonicalCategory(finding.category);
    if (category === null) {
      extras.push({ finding, reason: 'unknown-category', alsoFoundByChecks: null, costs: true, why: `"${finding.category}" is not a category this exercise knows.` });
      continue;
    }
    if (!ids.has(finding.target)) {
      extras.push({ finding, reason: 'unknown-target', alsoFoundByChecks: null, costs: true, why: `There is no component or connection "${finding.target}" in this design.` });
      continue;
    }
    const keyItem = scenario.key.find((k) => fits(k, category, finding.target) && !matchedBy.has(k));
    if (keyItem) {
      matchedBy.set(keyItem, finding);
      matched.push({ item: keyItem, finding, severityRight: finding.severity === undefined ? null : finding.severity === keyItem.severity });
      continue;
    }
    const also = scenario.alsoAcceptable.find((k) => fits(k, category, finding.target) && !matchedBy.has(k));
    if (also) {
      matchedBy.set(also, finding);
      acceptable.push({ item: also, finding });
      continue;
    }
    const earlier = [...scenario.key, ...scenario.alsoAcceptable].find((k) => fits(k, category, finding.target));
    if (earlier) {
      const first = matchedBy.get(earlier)!;
      extras.push({ finding, reason: 'duplicate', alsoFoundByChecks: null, costs: true, why: `The same problem as your finding on ${targetName(design, first.target)}; a problem counts once, and pinning it again costs like any other extra finding.` });
      continue;
    }
    structural ??= findStructuralIssues(design);
    const same = structural.find((s) => s.category === category && (s.target === finding.target || s.related.includes(finding.target))) ?? null;
    const why = same
      ? `A fair point, though not one this review is about (it costs nothing): ${same.message}`
      : whyFindingDoesNotHold(category, {
          design,
          solution: solution(),
          node: design.nodes.find((n) => n.id === finding.target),
          edge: design.edges.find((e) => e.id === finding.target),
          name: targetName(design, finding.target),
        });
    extras.push({ finding, reason: 'not-in-key', alsoFoundByChecks: same, costs: same === null, why });
  }

  const total = scenario.key.length;
  const found = matched.length;
  const alsoFound = acceptable.length;
  const wrong = extras.filter((x) => x.costs).length;
  const severityRight = matched.filter((m) => m.severityRight === true).length;
  const held = found + alsoFound;
  const precision = held + wrong > 0 ? held / (held + wrong) : 0;
  const recallOf = (credit: number, perItem: number) => (total > 0 ? Math.min(1, credit / (perItem * total)) : 0);
  const recall = recallOf(found + ALSO_ACCEPTABLE_CREDIT * alsoFound, 1);
  const recallWithSeverity = recallOf(found + SEVERITY_BONUS * severityRight + (1 + SEVERITY_BONUS) * ALSO_ACCEPTABLE_CREDIT * alsoFound, 1 + SEVERITY_BONUS);
  return {
    mode: 'critique',
    score: fMeasure(precision, recall),
    recall,
    precision,
    found,
    total,
    alsoFound,
    wrong,
    severityRight,
    scoreWithSeverity: fMeasure(precision, recallWithSeverity),
    matched,
    acceptable,
    missed: scenario.key.filter((k) => !matchedBy.has(k)),
    extras,
  };
}

/** Every category on every component and connection: the submission that must never pass. */
export function shotgunFindings(scenario: CritiqueScenario, categories: readonly CritiqueCategory[]): Finding[] {
  return shotgunTargets(scenario).flatMap((target) => categories.map((category) => ({ target, category })));
}

/** Every component and connection id a finding can be pinned on. */
export function shotgunTargets(scenario: CritiqueScenario): string[] {
  return [...scenario.design.nodes.map((n) => n.id), ...scenario.design.edges.map((e) => e.id)];
}

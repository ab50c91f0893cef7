// Grading a critique: the learner's findings against the instructor's key, scored by an
// F-measure so that recall (key problems found) and precision (findings that hold) both count.
// Pinning every category everywhere finds the whole key but almost nothing it says holds, so it
// scores low; a careful partial review scores on what it found. Sound findings beside the key
// ("also acceptable", or confirmed by the structural checks) never cost anything.
import { bestAssignment } from './best-assignment';
import { solveForScenario } from '../../evaluate';
import { whyFindingDoesNotHold } from './why-not';
import { targetName } from '../../target-name';
import { findStructuralIssues, type StructuralFinding } from '../../structure';
import type { AlsoAcceptableItem, CritiqueKeyItem, CritiqueScenario } from '../../types';
import { canonicalCategory, type CritiqueCategory, type Severity } from '../../vocabulary';

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
/** Among assignments worth the same, prefer the one whose findings' severities agree with the key (small beside any item's credit). */
const SEVERITY_TIE_BREAK = 0.001;
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

/** Two findings make the same claim when they pin the same category on the same target. */
const claimOf = (target: string, category: CritiqueCategory) => `${category} on ${target}`;

/** One distinct claim and the findings (by their place in the submission) that make it. */
interface Claim {
  target: string;
  category: CritiqueCategory;
  at: number[];
}

/**
 * The item each distinct claim is assigned to: the one-to-one pairing of claims with key and
 * also-acceptable items worth the most credit (a key item 1, an also-acceptable one
 * ALSO_ACCEPTABLE_CREDIT, a right severity a tie-break), so that the order findings come in
 * changes nothing and one claim never credits two items.
 */
function assignClaims(scenario: CritiqueScenario, findings: readonly Finding[], claims: readonly Claim[]): Map<Claim, Item> {
  const items: Item[] = [...scenario.key, ...scenario.alsoAcceptable];
  const keyCount = scenario.key.length;
  const weights = items.map((item, row) =>
    claims.map((claim) => {
      if (!fits(item, claim.category, claim.target)) return 0;
      if (row >= keyCount) return ALSO_ACCEPTABLE_CREDIT;
      return 1 + (claim.at.some((i) => findings[i]!.severity === (item as CritiqueKeyItem).severity) ? SEVERITY_TIE_BREAK : 0);
    }),
  );
  const byClaim = new Map<Claim, Item>();
  bestAssignment(weights).forEach((column, row) => {
    if (column !== null) byClaim.set(claims[column]!, items[row]!);
  });
  return byClaim;
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
  const isKey = new Set<Item>(scenario.key);
  /** By the finding's place in the submission, so that a finding given twice is two findings. */
  const extraAt = new Map<number, ExtraFinding>();

  // Findings that name a known category on a known target, grouped by the claim they make.
  const claims: Claim[] = [];
  const claimByName = new Map<string, Claim>();
  findings.forEach((finding, i) => {
    const category = canonicalCategory(finding.category);
    if (category === null) {
      extraAt.set(i, { finding, reason: 'unknown-category', alsoFoundByChecks: null, costs: true, why: `"${finding.category}" is not a category this exercise knows.` });
      return;
    }
    if (!ids.has(finding.target)) {
      extraAt.set(i, { finding, reason: 'unknown-target', alsoFoundByChecks: null, costs: true, why: `There is no component or connection "${finding.target}" in this design.` });
      return;
    }
    const name = claimOf(finding.target, category);
    const known = claimByName.get(name);
    if (known) known.at.push(i);
    else {
      const claim = { target: finding.target, category, at: [i] };
      claimByName.set(name, claim);
      claims.push(claim);
    }
  });

  const assigned = assignClaims(scenario, findings, claims);
  /** The place of the finding each key or also-acceptable item was credited to. */
  const creditedTo = new Map<Item, number>();
  const credited = new Set<number>();
  for (const claim of claims) {
    const item = assigned.get(claim);
    if (item === undefined) continue;
    const rightSeverity = isKey.has(item) ? claim.at.find((i) => findings[i]!.severity === (item as CritiqueKeyItem).severity) : undefined;
    const at = rightSeverity ?? claim.at[0]!;
    creditedTo.set(item, at);
    credited.add(at);
  }

  const sameAs = (earlier: number) =>
    `The same problem as your finding on ${targetName(design, findings[earlier]!.target)}; a problem counts once, and pinning it again costs like any other extra finding.`;
  for (const claim of claims) {
    const first = claim.at.find((i) => credited.has(i)) ?? claim.at[0]!;
    for (const i of claim.at) {
      if (credited.has(i)) continue;
      const finding = findings[i]!;
      if (i !== first) {
        extraAt.set(i, { finding, reason: 'duplicate', alsoFoundByChecks: null, costs: true, why: sameAs(first) });
        continue;
      }
      // A claim left over that fits a problem another finding was credited for says that problem again.
      const earlier = [...scenario.key, ...scenario.alsoAcceptable].find((k) => fits(k, claim.category, claim.target) && creditedTo.has(k));
      if (earlier) {
        extraAt.set(i, { finding, reason: 'duplicate', alsoFoundByChecks: null, costs: true, why: sameAs(creditedTo.get(earlier)!) });
        continue;
      }
      structural ??= findStructuralIssues(design);
      const same = structural.find((s) => s.category === claim.category && (s.target === finding.target || s.related.includes(finding.target))) ?? null;
      const why = same
        ? `A fair point, though not one this review is about (it costs nothing): ${same.message}`
        : whyFindingDoesNotHold(claim.category, {
            design,
            solution: solution(),
            node: design.nodes.find((n) => n.id === finding.target),
            edge: design.edges.find((e) => e.id === finding.target),
            name: targetName(design, finding.target),
          });
      extraAt.set(i, { finding, reason: 'not-in-key', alsoFoundByChecks: same, costs: same === null, why });
    }
  }

  // Everything is reported in the order the learner wrote it.
  const extras = [...extraAt.entries()].sort(([a], [b]) => a - b).map(([, x]) => x);
  const inOrder = <T>(pairs: [number, T][]) => pairs.sort(([a], [b]) => a - b).map(([, x]) => x);
  const matched = inOrder(
    scenario.key.flatMap((item): [number, CritiqueMatch][] => {
      const at = creditedTo.get(item);
      if (at === undefined) return [];
      const finding = findings[at]!;
      return [[at, { item, finding, severityRight: finding.severity === undefined ? null : finding.severity === item.severity }]];
    }),
  );
  const acceptable = inOrder(
    scenario.alsoAcceptable.flatMap((item): [number, AcceptableMatch][] => {
      const at = creditedTo.get(item);
      return at === undefined ? [] : [[at, { item, finding: findings[at]! }]];
    }),
  );

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
    missed: scenario.key.filter((k) => !creditedTo.has(k)),
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

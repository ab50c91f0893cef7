// Critique: review a proposal and pin the problems on its components and connections. Findings
// are matched with the instructor's key (grade.ts); the report is Markdown (report.ts).
import * as v from 'valibot';
import { categoryWords, CRITIQUE_CATEGORIES, SEVERITIES } from '../../vocabulary';
import { targetName } from '../../target-name';
import { critiqueFromDraft, type CritiqueDraft } from './draft';
import type { ModeSpec } from '../mode-spec';
import { compactDesign, defined } from '../../design-file';
import { gradeCritique, MAX_SHOTGUN_SCORE, shotgunFindings, shotgunTargets, type CritiqueGrade, type Finding } from './grade';
import { critiqueReportMarkdown } from './report';
import { readCritiqueProgress, type CritiqueProgress } from './progress';
import type { CritiqueScenario, CritiqueScenarioFile } from './schema';

export interface CritiqueSubmission {
  mode: 'critique';
  findings: readonly Finding[];
}

declare module '../mode-types' {
  interface ScenarioModeTypes {
    critique: { scenario: CritiqueScenario; file: CritiqueScenarioFile; submission: CritiqueSubmission; grade: CritiqueGrade; progress: CritiqueProgress; draft: CritiqueDraft };
  }
}

const note = (max: number) => v.pipe(v.string(), v.maxLength(max));
const FindingSchema = v.object({
  target: v.pipe(v.string(), v.minLength(1)),
  category: v.pipe(v.string(), v.minLength(1)),
  severity: v.optional(v.picklist(SEVERITIES)),
  note: v.optional(note(4000)),
  evidence: v.optional(v.pipe(v.array(note(1000)), v.maxLength(4))),
});
const submissionEntries = { findings: v.pipe(v.array(FindingSchema), v.maxLength(200)) };

export const critiqueMode: ModeSpec<'critique', typeof submissionEntries> = {
  mode: 'critique',
  label: 'Critique',
  designWords: 'the design',
  courseTarget: 8,

  build: (file, base) => ({ ok: true, scenario: { ...base, mode: 'critique', key: file.key, alsoAcceptable: file.alsoAcceptable } }),
  otherDesigns: () => [],

  checkContent(scenario, report) {
    const targets = new Set([...scenario.design.nodes.map((n) => n.id), ...scenario.design.edges.map((e) => e.id)]);
    const seen = new Set<string>();
    const lists = [['key', scenario.key], ['alsoAcceptable', scenario.alsoAcceptable]] as const;
    for (const [list, items] of lists) {
      items.forEach((item, i) => {
        if (!targets.has(item.target)) report([list, i, 'target'], `there is no component or connection "${item.target}" in the design`);
        item.acceptedTargets?.forEach((id, j) => {
          if (!targets.has(id)) report([list, i, 'acceptedTargets', j], `there is no component or connection "${id}" in the design`);
        });
        const pair = `${item.target}\u0000${item.category}`;
        if (seen.has(pair)) report([list, i], `the ${list === 'key' ? 'key' : 'critique'} already lists ${item.category} on "${item.target}"`);
        seen.add(pair);
      });
    }
  },

  selfCheck(scenario, issues) {
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
  },

  fromDraft: critiqueFromDraft,
  toFile: (scenario, base) => ({ ...base, mode: 'critique', key: structuredClone(scenario.key), alsoAcceptable: structuredClone(scenario.alsoAcceptable) }),
  compactFields: (file) =>
    defined({ design: compactDesign(file.design), key: file.key.map((k) => defined(k)), alsoAcceptable: file.alsoAcceptable.length > 0 ? file.alsoAcceptable.map((k) => defined(k)) : undefined }),

  submissionEntries,
  readSubmission: (fields) => ({ ok: true, body: { mode: 'critique', findings: fields.findings } }),
  grade: (scenario, body) => gradeCritique(scenario, body.findings),
  gradeText: (scenario, grade) => critiqueReportMarkdown(scenario, grade),

  gradedItems: (scenario, grade) =>
    scenario.key.map((k, i) => ({
      id: `key-${i + 1}`,
      label: `${targetName(scenario.design, k.target)}: ${categoryWords(k.category)}`,
      passed: grade.matched.some((m) => m.item === k),
    })),
  scoreOf: (grade) => ({ score: grade.score, complete: grade.score >= 1 }),
  attemptsOf: () => null,
  emptyProgress: () => ({ findings: [] }),
  readProgress: readCritiqueProgress,
  // Progress does not keep the first grade of a review yet: the best graded review so far.
  firstTryScore: (_scenario, progress) => progress.score,
  // Findings pinned here stay as a set; the file's are taken only where none are pinned here.
  mergeProgress: (here, file) => ({ fields: { findings: here.findings.length ? here.findings : file.findings }, clash: false }),
};

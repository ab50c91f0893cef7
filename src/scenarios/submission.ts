// What a learner exports from a scenario and `scenario grade` reads back:
//   { "scenarioId": "...", "mode": "critique", "findings": [{ "target", "category", "severity"?, "note"? }] }
//   { "scenarioId": "...", "mode": "identify", "answers": { "q1": "cache", "q2": ["lb", "db"] } }
//   { "scenarioId": "...", "mode": "fix",      "design": <a Design, or a whole design file> }
//   { "scenarioId": "...", "mode": "compare",  "answers": { "q1": "b" } }
import * as v from 'valibot';
import { parseDesignObject } from '../model/file';
import { CURRENT_VERSION, DESIGN_FORMAT } from '../model/schema';
import type { Design } from '../model/types';
import { gradeCompare, gradeCritique, gradeFix, gradeIdentify, type CompareAnswers, type Finding, type Grade, type IdentifyAnswers } from './grade';
import type { Scenario } from './types';
import { DESIGN_SIDES, SEVERITIES } from './vocabulary';

export const SUBMISSION_VERSION = 1;

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const common = { version: v.optional(v.literal(SUBMISSION_VERSION)), scenarioId: v.pipe(v.string(), v.minLength(1)) };

const FindingSchema = v.object({
  target: v.pipe(v.string(), v.minLength(1)),
  category: v.pipe(v.string(), v.minLength(1)),
  severity: v.optional(v.picklist(SEVERITIES)),
  note: v.optional(text(4000)),
  evidence: v.optional(v.pipe(v.array(text(1000)), v.maxLength(4))),
});

export const SubmissionSchema = v.variant('mode', [
  v.object({ ...common, mode: v.literal('critique'), findings: v.pipe(v.array(FindingSchema), v.maxLength(200)) }),
  v.object({ ...common, mode: v.literal('identify'), answers: v.record(v.string(), v.union([v.string(), v.array(v.string())])) }),
  v.object({ ...common, mode: v.literal('fix'), design: v.unknown() }),
  v.object({ ...common, mode: v.literal('compare'), answers: v.record(v.string(), v.picklist(DESIGN_SIDES)) }),
]);

export type Submission =
  | { scenarioId: string; mode: 'critique'; findings: Finding[] }
  | { scenarioId: string; mode: 'identify'; answers: IdentifyAnswers }
  | { scenarioId: string; mode: 'fix'; design: Design }
  | { scenarioId: string; mode: 'compare'; answers: CompareAnswers };

export type ParseSubmissionResult = { ok: true; submission: Submission } | { ok: false; error: string };

function describe(issue: v.BaseIssue<unknown>): string {
  const path = (issue.path ?? []).map((p) => String(p.key)).join('.');
  const what = issue.input === undefined ? 'is missing' : `is not right (${issue.message})`;
  return path ? `"${path}" ${what}` : `the submission ${issue.message}`;
}

/** Reads an exported submission; a fix design may be a bare design or a whole design file. */
export function parseSubmission(raw: unknown): ParseSubmissionResult {
  const parsed = v.safeParse(SubmissionSchema, raw);
  if (!parsed.success) return { ok: false, error: `Not a scenario submission: ${describe(parsed.issues[0])}.` };
  const s = parsed.output;
  switch (s.mode) {
    case 'critique':
      return { ok: true, submission: { scenarioId: s.scenarioId, mode: s.mode, findings: s.findings } };
    case 'identify':
    case 'compare':
      return { ok: true, submission: { scenarioId: s.scenarioId, mode: s.mode, answers: s.answers } as Submission };
    case 'fix': {
      const isFile = typeof s.design === 'object' && s.design !== null && 'format' in s.design;
      const design = parseDesignObject(isFile ? s.design : { format: DESIGN_FORMAT, version: CURRENT_VERSION, design: s.design });
      if (!design.ok) return { ok: false, error: `The submitted design is not valid: ${design.errors[0]}` };
      return { ok: true, submission: { scenarioId: s.scenarioId, mode: 'fix', design: design.design } };
    }
  }
}

export type GradeSubmissionResult = { ok: true; grade: Grade } | { ok: false; error: string };

export function gradeSubmission(scenario: Scenario, submission: Submission): GradeSubmissionResult {
  if (submission.scenarioId !== scenario.id) {
    return { ok: false, error: `The submission is for scenario "${submission.scenarioId}", not "${scenario.id}".` };
  }
  if (submission.mode !== scenario.mode) {
    const a = (word: string) => (/^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`);
    return { ok: false, error: `The submission is ${a(submission.mode)} answer, but "${scenario.id}" is ${a(scenario.mode)} scenario.` };
  }
  if (scenario.mode === 'critique' && submission.mode === 'critique') return { ok: true, grade: gradeCritique(scenario, submission.findings) };
  if (scenario.mode === 'identify' && submission.mode === 'identify') return { ok: true, grade: gradeIdentify(scenario, submission.answers) };
  if (scenario.mode === 'fix' && submission.mode === 'fix') return { ok: true, grade: gradeFix(scenario, submission.design) };
  if (scenario.mode === 'compare' && submission.mode === 'compare') return { ok: true, grade: gradeCompare(scenario, submission.answers) };
  return { ok: false, error: 'The submission does not match the scenario.' };
}

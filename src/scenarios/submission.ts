// What a learner exports from a scenario and `scenario grade` reads back. Version 2, as the app
// writes it, also carries "format", "scenarioHash" (scenario-hash.ts), "learner", "submittedAt"
// and, for identify, "attempts"; version 1 (no hash) is still read.
//   { "scenarioId": "...", "mode": "critique", "findings": [{ "target", "category", "severity"?, "note"? }] }
//   { "scenarioId": "...", "mode": "identify", "answers": { "q1": "cache", "q2": ["lb", "db"] }, "attempts"?: { "q1": 2 } }
//   { "scenarioId": "...", "mode": "fix",      "design": <a Design, or a whole design file> }
//   { "scenarioId": "...", "mode": "compare",  "answers": { "q1": "b" } }
// Identify answers are the first try at each question, compare answers the predictions: what is scored.
import * as v from 'valibot';
import { parseDesignObject } from '../model/file';
import { CURRENT_VERSION, DESIGN_FORMAT } from '../model/schema';
import type { Design } from '../model/types';
import { gradeCompare, gradeCritique, gradeFix, gradeIdentify, type CompareAnswers, type Finding, type Grade, type IdentifyAnswers, type IdentifyAttempts } from './grade';
import { scenarioHash } from './scenario-hash';
import type { Scenario } from './types';
import { DESIGN_SIDES, SEVERITIES } from './vocabulary';
import { withArticle } from '../model/format';
import { issueWords } from '../model/issue-words';

export const SUBMISSION_VERSION = 2;
export const SUBMISSION_FORMAT = 'archlab-submission';

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const common = {
  format: v.optional(v.literal(SUBMISSION_FORMAT)),
  version: v.optional(v.picklist([1, SUBMISSION_VERSION])),
  scenarioId: v.pipe(v.string(), v.minLength(1)),
  scenarioHash: v.optional(v.pipe(v.string(), v.regex(/^[0-9a-f]{16}$/, 'must be 16 hex digits'))),
  learner: v.optional(text(200)),
  submittedAt: v.optional(text(40)),
};

const FindingSchema = v.object({
  target: v.pipe(v.string(), v.minLength(1)),
  category: v.pipe(v.string(), v.minLength(1)),
  severity: v.optional(v.picklist(SEVERITIES)),
  note: v.optional(text(4000)),
  evidence: v.optional(v.pipe(v.array(text(1000)), v.maxLength(4))),
});

export const SubmissionSchema = v.variant('mode', [
  v.object({ ...common, mode: v.literal('critique'), findings: v.pipe(v.array(FindingSchema), v.maxLength(200)) }),
  v.object({
    ...common,
    mode: v.literal('identify'),
    answers: v.record(v.string(), v.union([v.string(), v.array(v.string())])),
    attempts: v.optional(v.record(v.string(), v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1000)))),
  }),
  v.object({ ...common, mode: v.literal('fix'), design: v.unknown() }),
  v.object({ ...common, mode: v.literal('compare'), answers: v.record(v.string(), v.picklist(DESIGN_SIDES)) }),
]);

/** Who sent it and against which version of the scenario; all optional in version 1 files. */
export interface SubmissionMeta {
  scenarioId: string;
  scenarioHash?: string;
  learner?: string;
  submittedAt?: string;
}

export type Submission = SubmissionMeta &
  (
    | { mode: 'critique'; findings: Finding[] }
    | { mode: 'identify'; answers: IdentifyAnswers; attempts?: IdentifyAttempts }
    | { mode: 'fix'; design: Design }
    | { mode: 'compare'; answers: CompareAnswers }
  );

export type ParseSubmissionResult = { ok: true; submission: Submission } | { ok: false; error: string };

function describe(issue: v.BaseIssue<unknown>): string {
  const path = (issue.path ?? []).map((p) => String(p.key)).join('.');
  const what = issueWords(issue, SubmissionSchema);
  return path ? `"${path}" ${what}` : `the file ${what}`;
}

/** Reads an exported submission; a fix design may be a bare design or a whole design file. */
export function parseSubmission(raw: unknown): ParseSubmissionResult {
  const parsed = v.safeParse(SubmissionSchema, raw);
  if (!parsed.success) return { ok: false, error: `Not a scenario submission: ${describe(parsed.issues[0])}.` };
  const s = parsed.output;
  const meta: SubmissionMeta = { scenarioId: s.scenarioId, scenarioHash: s.scenarioHash, learner: s.learner, submittedAt: s.submittedAt };
  switch (s.mode) {
    case 'critique':
      return { ok: true, submission: { ...meta, mode: s.mode, findings: s.findings } };
    case 'identify':
      return { ok: true, submission: { ...meta, mode: s.mode, answers: s.answers, attempts: s.attempts } };
    case 'compare':
      return { ok: true, submission: { ...meta, mode: s.mode, answers: s.answers } };
    case 'fix': {
      const isFile = typeof s.design === 'object' && s.design !== null && 'format' in s.design;
      const design = parseDesignObject(isFile ? s.design : { format: DESIGN_FORMAT, version: CURRENT_VERSION, design: s.design });
      if (!design.ok) return { ok: false, error: `The submitted design is not valid: ${design.errors[0]}` };
      return { ok: true, submission: { ...meta, mode: 'fix', design: design.design } };
    }
  }
}

/** What the app exports: the learner's scored work in a versioned file tied to this scenario's content. */
export type SubmissionBody =
  | { mode: 'critique'; findings: readonly Finding[] }
  | { mode: 'identify'; answers: IdentifyAnswers; attempts: IdentifyAttempts }
  | { mode: 'fix'; design: Design }
  | { mode: 'compare'; answers: CompareAnswers };

export function buildSubmission(scenario: Scenario, body: SubmissionBody, meta: { learner?: string; submittedAt: string }): Record<string, unknown> {
  const learner = meta.learner?.trim();
  return {
    format: SUBMISSION_FORMAT,
    version: SUBMISSION_VERSION,
    scenarioId: scenario.id,
    scenarioHash: scenarioHash(scenario),
    ...(learner ? { learner } : {}),
    submittedAt: meta.submittedAt,
    ...body,
  };
}

export type GradeSubmissionResult = { ok: true; grade: Grade } | { ok: false; error: string };

export function gradeSubmission(scenario: Scenario, submission: Submission): GradeSubmissionResult {
  if (submission.scenarioId !== scenario.id) {
    return { ok: false, error: `The submission is for scenario "${submission.scenarioId}", not "${scenario.id}".` };
  }
  if (submission.scenarioHash !== undefined && submission.scenarioHash !== scenarioHash(scenario)) {
    return { ok: false, error: `The submission was made against a different version of "${scenario.id}" (its content has changed since), so its answers may not fit this one.` };
  }
  if (submission.mode !== scenario.mode) {
    return { ok: false, error: `The submission is ${withArticle(submission.mode)} answer, but "${scenario.id}" is ${withArticle(scenario.mode)} scenario.` };
  }
  if (scenario.mode === 'critique' && submission.mode === 'critique') return { ok: true, grade: gradeCritique(scenario, submission.findings) };
  if (scenario.mode === 'identify' && submission.mode === 'identify') return { ok: true, grade: gradeIdentify(scenario, submission.answers, submission.attempts) };
  if (scenario.mode === 'fix' && submission.mode === 'fix') return { ok: true, grade: gradeFix(scenario, submission.design) };
  if (scenario.mode === 'compare' && submission.mode === 'compare') return { ok: true, grade: gradeCompare(scenario, submission.answers) };
  return { ok: false, error: 'The submission does not match the scenario.' };
}

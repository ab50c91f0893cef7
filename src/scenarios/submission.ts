// What a learner exports from a scenario and `scenario grade` reads back. Version 2, as the app
// writes it, also carries "format", "scenarioHash" (scenario-hash.ts), "learner", "submittedAt"
// and, for identify, "attempts"; version 1 (no hash) is still read.
//   { "scenarioId": "...", "mode": "critique", "findings": [{ "target", "category", "severity"?, "note"? }] }
//   { "scenarioId": "...", "mode": "identify", "answers": { "q1": "cache", "q2": ["lb", "db"] }, "attempts"?: { "q1": 2 } }
//   { "scenarioId": "...", "mode": "fix",      "design": <a Design, or a whole design file> }
//   { "scenarioId": "...", "mode": "compare",  "answers": { "q1": "b" } }
// Identify answers are the first try at each question, compare answers the predictions: what is scored.
import * as v from 'valibot';
import { MODE_SPECS, MODES, modeSpec, type Grade, type ScenarioMode, type SubmissionBody } from './modes';
import { scenarioHash } from './scenario-hash';
import type { Scenario } from './types';
import { withArticle } from '../model/format';
import { issueWords } from '../model/issue-words';

export const SUBMISSION_VERSION = 2;
export const SUBMISSION_FORMAT = 'archlab-submission';

const common = {
  format: v.optional(v.literal(SUBMISSION_FORMAT)),
  version: v.optional(v.picklist([1, SUBMISSION_VERSION])),
  scenarioId: v.pipe(v.string(), v.minLength(1)),
  scenarioHash: v.optional(v.pipe(v.string(), v.regex(/^[0-9a-f]{16}$/, 'must be 16 hex digits'))),
  learner: v.optional(v.pipe(v.string(), v.maxLength(200))),
  submittedAt: v.optional(v.pipe(v.string(), v.maxLength(40))),
};

/** Who sent it and against which version of the scenario; all optional in version 1 files. */
export interface SubmissionMeta {
  scenarioId: string;
  scenarioHash?: string;
  learner?: string;
  submittedAt?: string;
}

/** The learner's scored work for one mode (each mode's `submission` in modes/<mode>/index.ts). */
export type { SubmissionBody };
export type Submission = SubmissionMeta & SubmissionBody;

export type ParseSubmissionResult = { ok: true; submission: Submission } | { ok: false; error: string };

function describe(issue: v.BaseIssue<unknown>): string {
  const path = (issue.path ?? []).map((p) => String(p.key)).join('.');
  const what = issueWords(issue, SubmissionSchema);
  return path ? `"${path}" ${what}` : `the file ${what}`;
}

/** The common fields and each mode's own, told apart by `mode`. */
export const SubmissionSchema = v.variant(
  'mode',
  MODES.map((m) => v.object({ ...common, mode: v.literal(m), ...MODE_SPECS[m].submissionEntries })),
) as v.GenericSchema<unknown, SubmissionMeta & { mode: ScenarioMode } & Record<string, unknown>>;

/** Reads an exported submission: the common fields, then the mode's own (a fix design may be a bare design or a whole design file). */
export function parseSubmission(raw: unknown): ParseSubmissionResult {
  const parsed = v.safeParse(SubmissionSchema, raw);
  if (!parsed.success) return { ok: false, error: `Not a scenario submission: ${describe(parsed.issues[0])}.` };
  const s = parsed.output;
  const meta: SubmissionMeta = { scenarioId: s.scenarioId, scenarioHash: s.scenarioHash, learner: s.learner, submittedAt: s.submittedAt };
  const read = modeSpec(s.mode).readSubmission(s);
  return read.ok ? { ok: true, submission: { ...meta, ...read.body } } : read;
}

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
  return { ok: true, grade: modeSpec(scenario.mode).grade(scenario, submission) };
}

// Fix: change a failing design until it passes the scenario's checks, keeping the story's work
// and world (invariants.ts, environment.ts). The reference solution comes as a whole design or
// a patch on the starting one.
import * as v from 'valibot';
import { parseDesignObject } from '../../../model/file';
import { CURRENT_VERSION, DESIGN_FORMAT } from '../../../model/schema';
import type { Design } from '../../../model/types';
import { applyPatch, completeDesign } from '../../patch';
import type { PathKey } from '../../yaml-source';
import { fixFromDraft, type FixDraft } from './draft';
import type { ModeSpec } from '../mode-spec';
import { compactDesign, compactOp, defined, designToFile, nonEmpty } from '../../design-file';
import { gradeFix, type FixGrade } from './grade';
import { checkFixReferences } from './references';
import { readFixProgress, type FixProgress } from './progress';
import type { FixScenario, FixScenarioFile } from './schema';
import { checkFix } from './self-check';
import { formatFix } from './text';

export interface FixSubmission {
  mode: 'fix';
  design: Design;
}

declare module '../mode-types' {
  interface ScenarioModeTypes {
    fix: { scenario: FixScenario; file: FixScenarioFile; submission: FixSubmission; grade: FixGrade; progress: FixProgress; draft: FixDraft };
  }
}

/** A bare design, or a whole design file. */
const submissionEntries = { design: v.unknown() };

export const fixMode: ModeSpec<'fix', typeof submissionEntries> = {
  mode: 'fix',
  label: 'Fix',
  designWords: 'the starting design',
  courseTarget: 10,

  build(file, base) {
    const { design: whole, patch } = file.solution;
    if ((whole === undefined) === (patch === undefined)) {
      return { ok: false, issues: [{ path: ['solution'], message: 'must give either a whole "design" or a "patch" on the starting design, not both and not neither' }] };
    }
    let solution: Design;
    if (whole !== undefined) solution = completeDesign(whole, `${file.id}-solution`, `${file.title} (reference solution)`);
    else {
      const patched = applyPatch(base.design, patch ?? []);
      if (patched.problems.length > 0) return { ok: false, issues: patched.problems.map((p) => ({ path: ['solution', 'patch', p.index], message: p.message })) };
      solution = { ...patched.design, id: `${file.id}-solution`, name: `${file.title} (reference solution)` };
    }
    return {
      ok: true,
      scenario: { ...base, mode: 'fix', checks: file.checks, startingDesignFails: file.startingDesignFails ?? null, solution, invariants: file.invariants, environment: file.environment },
    };
  },

  otherDesigns(scenario, file) {
    const patched = file?.solution.patch !== undefined;
    // A patched solution's problems point at the patch: it has no lines of its own.
    const placed = patched ? { at: () => ['solution', 'patch'], prefix: 'after the patch, ' } : { at: (p: PathKey[]) => ['solution', 'design', ...p], prefix: '' };
    return [{ design: scenario.solution, path: ['solution'], ...placed }];
  },

  checkContent: checkFixReferences,
  selfCheck: checkFix,

  fromDraft: fixFromDraft,
  toFile: (scenario, base) => ({
    ...base,
    mode: 'fix',
    checks: [...scenario.checks],
    ...(scenario.startingDesignFails === null ? {} : { startingDesignFails: [...scenario.startingDesignFails] }),
    // The solution is written whole, not as a patch.
    solution: { design: designToFile(scenario.solution, { defaultId: `${scenario.id}-solution`, defaultName: `${scenario.title} (reference solution)` }) },
    invariants: structuredClone(scenario.invariants),
    environment: structuredClone(scenario.environment),
  }),
  compactFields(file) {
    const { design, patch } = file.solution;
    return defined({
      checks: file.checks,
      startingDesignFails: file.startingDesignFails,
      design: compactDesign(file.design),
      solution: defined({ design: design === undefined ? undefined : compactDesign(design), patch: patch?.map(compactOp) }),
      invariants: nonEmpty(file.invariants) ? file.invariants.map((i) => defined({ ...i, cacheAnswers: i.cacheAnswers || undefined, together: i.together || undefined })) : undefined,
      environment: nonEmpty(file.environment) ? file.environment.map((e) => defined(e)) : undefined,
    });
  },

  submissionEntries,
  readSubmission(fields) {
    const isFile = typeof fields.design === 'object' && fields.design !== null && 'format' in fields.design;
    const design = parseDesignObject(isFile ? fields.design : { format: DESIGN_FORMAT, version: CURRENT_VERSION, design: fields.design });
    if (!design.ok) return { ok: false, error: `The submitted design is not valid: ${design.errors[0]}` };
    return { ok: true, body: { mode: 'fix', design: design.design } };
  },
  grade: (scenario, body) => gradeFix(scenario, body.design),
  gradeText: (_scenario, grade) => formatFix(grade),

  gradedItems(scenario, grade) {
    const kept = { id: 'invariants', label: "keeps the story's work and world", passed: grade.invariants.length === 0 && grade.problems.length === 0 };
    return [
      kept,
      ...scenario.checks.map((check) => {
        const c = grade.checks.find((x) => x.check === check);
        return { id: check, label: c?.label ?? check, passed: c?.passed ?? false };
      }),
    ];
  },
  scoreOf(grade) {
    const total = grade.checks.length > 0 ? grade.checks.filter((c) => c.passed).length / grade.checks.length : 0;
    return { score: grade.passed ? 1 : total, complete: grade.passed };
  },
  attemptsOf: () => null,
  emptyProgress: () => ({}),
  readProgress: readFixProgress,
  // A fix is worked at until its checks pass, so there is no single first try to score: 1 once solved.
  firstTryScore: (_scenario, progress) => (progress.completed ? 1 : null),
  // The simulated check is this browser's cache of a run (a file never carries one).
  mergeProgress: (here) => ({ fields: here.simulatedCheck ? { simulatedCheck: here.simulatedCheck } : {}, clash: false }),
};

// Compare: two designs side by side; the learner predicts which one wins on each question, then
// sees the figures. Scored by balanced accuracy (grade.ts).
import * as v from 'valibot';
import { formatTable } from '../../../model/text-table';
import { completeDesign } from '../../patch';
import { formatCompareFigure } from '../../format';
import { formatShare } from '../../../model/format';
import { DESIGN_SIDES } from '../../vocabulary';
import { compareFromDraft, type CompareDraft } from './draft';
import type { ModeSpec, ScenarioIssue } from '../mode-spec';
import { compactDesign, defined, designToFile, nonEmpty } from '../../design-file';
import { checkQuestionIds, questionId, questionIdFile, questionItems } from '../questions';
import { compareDesigns, gradeCompare, type CompareAnswers, type CompareGrade } from './grade';
import { compareFirstTryScore, mergeCompareProgress, readCompareProgress, type CompareProgress } from './progress';
import type { CompareScenario, CompareScenarioFile } from './schema';

export interface CompareSubmission {
  mode: 'compare';
  answers: CompareAnswers;
}

declare module '../mode-types' {
  interface ScenarioModeTypes {
    compare: { scenario: CompareScenario; file: CompareScenarioFile; submission: CompareSubmission; grade: CompareGrade; progress: CompareProgress; draft: CompareDraft };
  }
}

const submissionEntries = { answers: v.record(v.string(), v.picklist(DESIGN_SIDES)) };

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

function formatCompare(grade: CompareGrade): string {
  const lines: string[] = [];
  const c = grade.comparison;
  if (c.ok) {
    lines.push(
      formatTable(
        ['measure', c.labels.a, c.labels.b, 'better'],
        c.rows.map((r) => [r.label, formatCompareFigure(r, r.a), formatCompareFigure(r, r.b), r.better === 'same' ? 'same' : c.labels[r.better]]),
      ),
      '',
    );
  } else {
    lines.push(...c.problems, '');
  }
  if (grade.total > 0) {
    lines.push(`Score: ${grade.correct} of ${grade.total} (${formatShare(grade.score)})`);
    for (const r of grade.results) lines.push(`${r.correct ? 'right' : 'wrong'}  ${r.questionId}: ${r.prompt} (expected ${r.expected}; you gave ${r.given ?? 'no answer'})`, `       ${r.explanation}`);
    lines.push('');
  }
  lines.push(grade.takeaway.trim());
  return lines.join('\n');
}

export const compareMode: ModeSpec<'compare', typeof submissionEntries> = {
  mode: 'compare',
  label: 'Compare',
  designWords: 'design A',
  courseTarget: 8,

  build: (file, base) => ({
    ok: true,
    scenario: {
      ...base,
      mode: 'compare',
      designB: completeDesign(file.designB, `${file.id}-b`, file.labels.b),
      labels: file.labels,
      questions: file.questions.map((q, i) => ({
        id: questionId(q.id, i),
        prompt: q.prompt,
        answer: q.answer,
        metric: q.metric ?? null,
        explanation: q.explanation,
      })),
      takeaway: file.takeaway,
    },
  }),

  otherDesigns: (scenario) => [{ design: scenario.designB, path: ['designB'] }],
  checkContent: (scenario, report) =>
    checkQuestionIds(
      scenario.questions.map((q) => q.id),
      report,
    ),
  selfCheck: checkCompare,

  fromDraft: compareFromDraft,
  toFile: (scenario, base) => ({
    ...base,
    mode: 'compare',
    designB: designToFile(scenario.designB, { defaultId: `${scenario.id}-b`, defaultName: scenario.labels.b }),
    labels: { ...scenario.labels },
    questions: scenario.questions.map((q, i) => ({
      ...questionIdFile(q.id, i),
      prompt: q.prompt,
      answer: q.answer,
      ...(q.metric === null ? {} : { metric: q.metric }),
      explanation: q.explanation,
    })),
    takeaway: scenario.takeaway,
  }),
  compactFields: (file) => ({
    design: compactDesign(file.design),
    designB: compactDesign(file.designB),
    labels: file.labels,
    ...(nonEmpty(file.questions) ? { questions: file.questions.map((q) => defined(q)) } : {}),
    takeaway: file.takeaway,
  }),

  submissionEntries,
  readSubmission: (fields) => ({ ok: true, body: { mode: 'compare', answers: fields.answers } }),
  grade: (scenario, body) => gradeCompare(scenario, body.answers),
  gradeText: (_scenario, grade) => formatCompare(grade),

  gradedItems: (_scenario, grade) => questionItems(grade.results),
  scoreOf: (grade) => ({ score: grade.score, complete: grade.score >= 1 }),
  attemptsOf: (grade) => grade.results.filter((r) => r.given !== null).length,
  emptyProgress: () => ({ compareAnswers: {} }),
  readProgress: readCompareProgress,
  firstTryScore: compareFirstTryScore,
  mergeProgress: mergeCompareProgress,
};

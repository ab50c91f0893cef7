// Identify: find components in a design, by clicking them or naming their kind. Only the first
// try at each question is scored; the tries are kept for the class report.
import * as v from 'valibot';
import { formatShare, withArticle } from '../../../model/format';
import { identifyFromDraft, type IdentifyDraft } from './draft';
import type { ModeSpec } from '../mode-spec';
import { compactDesign, defined } from '../../design-file';
import { checkQuestionIds, questionId, questionIdFile, questionItems } from '../questions';
import { gradeIdentify, type IdentifyAnswers, type IdentifyAttempts, type IdentifyGrade } from './grade';
import { identifyFirstTryScore, mergeIdentifyProgress, readIdentifyProgress, type IdentifyProgress } from './progress';
import { promptsNamingKinds } from './reveal';
import type { IdentifyScenario, IdentifyScenarioFile } from './schema';

export interface IdentifySubmission {
  mode: 'identify';
  answers: IdentifyAnswers;
  attempts?: IdentifyAttempts;
}

declare module '../mode-types' {
  interface ScenarioModeTypes {
    identify: { scenario: IdentifyScenario; file: IdentifyScenarioFile; submission: IdentifySubmission; grade: IdentifyGrade; progress: IdentifyProgress; draft: IdentifyDraft };
  }
}

const submissionEntries = {
  answers: v.record(v.string(), v.union([v.string(), v.array(v.string())])),
  attempts: v.optional(v.record(v.string(), v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1000)))),
};

export const identifyMode: ModeSpec<'identify', typeof submissionEntries> = {
  mode: 'identify',
  label: 'Identify',
  designWords: 'the design',
  courseTarget: 8,

  build(file, base) {
    return {
      ok: true,
      scenario: {
        ...base,
        mode: 'identify',
        ...(file.showFigures ? { showFigures: true } : {}),
        questions: file.questions.map((q, i) => ({
          id: questionId(q.id, i),
          prompt: q.prompt,
          explanation: q.explanation,
          answer:
            typeof q.answer === 'string' || Array.isArray(q.answer)
              ? { type: 'click', nodeIds: typeof q.answer === 'string' ? [q.answer] : q.answer }
              : { type: 'naming', nodeId: q.answer.nodeId, acceptedKinds: q.answer.acceptedKinds },
        })),
      },
    };
  },

  otherDesigns: () => [],

  checkContent(scenario, report) {
    const nodeById = new Map(scenario.design.nodes.map((n) => [n.id, n]));
    checkQuestionIds(
      scenario.questions.map((q) => q.id),
      report,
    );
    scenario.questions.forEach((q, i) => {
      const path = ['questions', i, 'answer'];
      const answer = q.answer;
      if (answer.type === 'click') {
        answer.nodeIds.forEach((id, j) => {
          if (!nodeById.has(id)) report(answer.nodeIds.length === 1 ? path : [...path, j], `there is no component "${id}" in the design`);
        });
        return;
      }
      const node = nodeById.get(answer.nodeId);
      if (!node) report([...path, 'nodeId'], `there is no component "${answer.nodeId}" in the design`);
      else if (!answer.acceptedKinds.includes(node.kind)) {
        report([...path, 'acceptedKinds'], `"${node.label || node.id}" is ${withArticle(node.kind)}, which acceptedKinds does not list, so no answer could match the design`);
      }
    });
  },

  selfCheck(scenario, issues) {
    const answers = Object.fromEntries(scenario.questions.map((q) => [q.id, q.answer.type === 'click' ? q.answer.nodeIds : q.answer.acceptedKinds[0]!]));
    gradeIdentify(scenario, answers).results.forEach((r, i) => {
      if (!r.correct) issues.push({ path: ['questions', i, 'answer'], message: 'the answer given in the file is not graded correct' });
    });
    for (const { prompt, asks, word } of promptsNamingKinds(scenario)) {
      issues.push({ path: ['questions', prompt, 'prompt'], message: `says "${word}", which answers question ${asks + 1} ("what kind is it?") while it is on screen beside it: describe the component by what it does instead` });
    }
    if (scenario.showFigures) {
      scenario.questions.forEach((q, i) => {
        if (q.answer.type === 'naming') issues.push({ path: ['questions', i, 'answer'], message: 'asks what kind a component is while showFigures is on, and the figures name every component: ask a click question, or leave showFigures out' });
      });
    }
  },

  fromDraft: identifyFromDraft,
  toFile: (scenario, base) => ({
    ...base,
    mode: 'identify',
    showFigures: scenario.showFigures,
    questions: scenario.questions.map((q, i) => ({
      ...questionIdFile(q.id, i),
      prompt: q.prompt,
      answer: q.answer.type === 'naming' ? { nodeId: q.answer.nodeId, acceptedKinds: [...q.answer.acceptedKinds] } : q.answer.nodeIds.length === 1 ? q.answer.nodeIds[0]! : [...q.answer.nodeIds],
      explanation: q.explanation,
    })),
  }),
  compactFields: (file) => defined({ design: compactDesign(file.design), questions: file.questions.map((q) => defined(q)), showFigures: file.showFigures || undefined }),

  submissionEntries,
  readSubmission: (fields) => ({ ok: true, body: { mode: 'identify', answers: fields.answers, attempts: fields.attempts } }),
  grade: (scenario, body) => gradeIdentify(scenario, body.answers, body.attempts),

  gradeText(_scenario, grade) {
    const lines = [`Score: ${grade.correct} of ${grade.total} (${formatShare(grade.score)})`, ''];
    for (const r of grade.results) {
      lines.push(`${r.correct ? 'right' : 'wrong'}  ${r.questionId}: ${r.prompt}`);
      lines.push(`       expected ${r.expected.join(', ')}; you gave ${r.given === null ? 'no answer' : r.given.join(', ') || 'nothing'}`);
      lines.push(`       ${r.explanation}`);
    }
    return lines.join('\n');
  },

  gradedItems: (_scenario, grade) => questionItems(grade.results),
  scoreOf: (grade) => ({ score: grade.score, complete: grade.score >= 1 }),
  attemptsOf: (grade) => Object.values(grade.attempts).reduce((a, b) => a + b, 0),
  emptyProgress: () => ({ identify: {} }),
  readProgress: readIdentifyProgress,
  firstTryScore: identifyFirstTryScore,
  mergeProgress: mergeIdentifyProgress,
};

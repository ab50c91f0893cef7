// Grading a learner's work against a scenario, one module per mode (modes/<mode>/grade.ts). Every
// verdict is a pure function of the scenario and the learner's input (the analytic engine is
// deterministic), so the same submission always gets the same grade.
import type { ModePart, ScenarioMode } from './modes/mode-types';

export { gradeCritique, type AcceptableMatch, type CritiqueGrade, type CritiqueMatch, type ExtraFinding, type ExtraReason, type Finding } from './modes/critique/grade';
export { gradeIdentify, kindFromWord, type IdentifyAnswers, type IdentifyAttempts, type IdentifyGrade } from './modes/identify/grade';
export { gradeFix, type FixGrade } from './modes/fix/grade';
export { compareDesigns, compareMetricLabel, gradeCompare, scoreCompareAnswers, type CompareAnswers, type CompareAnswerScore, type CompareGrade, type CompareRow, type Comparison } from './modes/compare/grade';
export type { QuestionResult } from './modes/questions';

/** A grade of any mode (each mode's own in modes/<mode>/index.ts). */
export type Grade = ModePart<ScenarioMode, 'grade'>;

// The scenario module's public API: what the UI (through the store and its worker), the CLI and
// tests call. Pure TypeScript: no React, no DOM, no store, no Node built-ins.
export type {
  AlsoAcceptableItem,
  ClickAnswer,
  CompareQuestion,
  CompareScenario,
  CritiqueKeyItem,
  CritiqueScenario,
  FailureEvent,
  FixScenario,
  IdentifyQuestion,
  IdentifyScenario,
  NamingAnswer,
  PatchOp,
  PathInvariant,
  Requirements,
  ProgressBase,
  Scenario,
  ScenarioProgress,
  ScenarioWorkload,
  WorkloadStep,
} from './types';
export * from './vocabulary';

// Modes: one spec per mode (modes/<mode>/), listed in one registry
export { MODE_SPECS, MODES, modeSpec, ScenarioFileSchema, type Intersection, type ModePart, type ModeSpec, type ScenarioMode } from './modes';

// Loading
export { parseScenarioYaml, parseScenarioObject, formatIssue, issueText, pathText, type LocatedIssue, type ParseScenarioResult } from './parse';
export { CURRENT_SCENARIO_VERSION, type ScenarioFile } from './schema';
export { migrateScenario } from './migrations';
export { applyPatch } from './patch';
export { scenarioJsonSchema, scenarioJsonSchemaText, toJsonSchema } from './json-schema';

// The month a scenario's bill covers
export { monthlyRequests, monthlyRequestScale } from './month';

// Checking
export { checkScenarioText, checkScenarioSources, checkScenarioSourcesSimulated, runReplicationJob, issueLine, type CheckFailure, type CheckReport, type ReplicationJob, type ReplicationRunner, type ScenarioSource } from './check';
export { selfCheckScenario, selfCheckSimulated, simulatedSelfCheckIssues, hasTimeline } from './self-check';
export { findStructuralIssues, DEFAULT_STRUCTURE_OPTIONS, type StructuralFinding, type StructureOptions } from './structure';
export { layoutIssues, NODE_SIZE } from './layout';

// Running and grading
export { solveForScenario, runChecks, designFigures, flowErrorShare, type CheckResult, type DesignFigures } from './evaluate';
export { formatCompareFigure, formatDuration, formatMs, formatPercent, formatUsd } from './format';
export {
  gradeCritique,
  gradeIdentify,
  gradeFix,
  gradeCompare,
  scoreCompareAnswers,
  compareDesigns,
  compareMetricLabel,
  kindFromWord,
  type Finding,
  type CritiqueGrade,
  type CritiqueMatch,
  type ExtraFinding,
  type IdentifyAnswers,
  type IdentifyAttempts,
  type CompareAnswerScore,
  type IdentifyGrade,
  type FixGrade,
  type CompareAnswers,
  type CompareGrade,
  type CompareRow,
  type Comparison,
  type Grade,
  type QuestionResult,
} from './grade';
export { gradeFixSimulated, planReplications, runReplication, combineReplications, simulationKey, DEFAULT_REPLICATIONS, SATURATED_UTILIZATION, type GradeFixSimulatedOptions, type SimulatedCheckResult, type SimulatedFixGrade, type SimVerdict, type ReplicationPlan, type ReplicationResult } from './modes/fix/simulated';
export { fixSolved } from './modes/fix/verdict';
export { formatSimulatedFix } from './modes/fix/text';
export { describeTimeline, type TimelineSummary } from './timeline-text';
export { findingEvidence } from './modes/critique/evidence';
export { explanationWaitsFor } from './modes/identify/reveal';
export { answerInFileIds, designWithShownIds, shownIds, type ShownIds } from './modes/identify/conceal';
export { critiqueReportMarkdown, critiqueScoreWords, markdownText, targetName } from './modes/critique/report';
export { shotgunFindings, ALSO_ACCEPTABLE_CREDIT, type AcceptableMatch, type ExtraReason } from './modes/critique/grade';
export { parseSubmission, gradeSubmission, buildSubmission, SUBMISSION_VERSION, SUBMISSION_FORMAT, type Submission, type SubmissionBody, type GradeSubmissionResult } from './submission';
export { scenarioHash, canonicalJson } from './scenario-hash';
export { classReport, classReportCsv, classReportHtml, gradedItems, escapeHtml, type ClassEntry, type ClassReport, type GradedItem, type LearnerRow, type ItemSummary } from './class-report';
export { resolveClientRps, missingClients } from './workload';

// The learner's saved progress, each mode keeping its part
export { emptyModeProgress, readModeProgress, mergeModeProgress, firstTryScore, firstTry, tryCount, type ComparePrediction, type IdentifyAttempt, type IdentifyTry, type PinnedFinding, type SimulatedCheckRecord } from './progress';

// Authoring in the app: a design and a form to a scenario file, YAML, checks and share links
export { draftScenario, validateDraft, scenarioSlug, type ScenarioDraftMeta, type DraftValidation } from './author';
export { startingWorkInvariants } from './modes/fix/starting-work';
export type { DraftIdentifyQuestion } from './modes/identify/draft';
export type { DraftCompareQuestion } from './modes/compare/draft';
export { scenarioToFile, compactScenarioFile } from './author-file';
export { designToFile, type ScenarioData, type DesignFileOptions } from './design-file';
export { scenarioToYaml, SCHEMA_MODELINE } from './author-yaml';
export { encodeScenarioLink, decodeScenarioLink, SCENARIO_LINK_PARAM, MAX_SCENARIO_LINK_CHARS, type DecodedScenarioLink } from './author-link';
export { problemsInWords } from './author-problems';
export { courseOrder, courseTracks, courseCoverage, coverageShortfalls, onRamp, COURSE_TARGETS, ON_RAMP_TRACK, type CoverageRow, type Track } from './course';
export { scenarioCatalogMarkdown, CATALOG_PATH } from './catalog';

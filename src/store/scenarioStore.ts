// The learner's scenario session: which scenario is open and what they have done in it
// (answers, findings pinned on the diagram, grades). Not part of undo: the design store keeps
// the diagram and its history; this keeps the exercise around it.
import { create } from 'zustand';
import { emptyModeProgress, shownIds, type CompareGrade, type CritiqueGrade, type DesignSide, type IdentifyGrade, type IdentifyTry, type PinnedFinding, type Scenario, type ScenarioProgress, type SimulatedCheckRecord } from '../scenarios';

export type { ComparePrediction, IdentifyAttempt, IdentifyTry, PinnedFinding, ScenarioProgress, SimulatedCheckRecord } from '../scenarios';
export { firstTry, tryCount } from '../scenarios';

export interface ScenarioSession {
  /** The scenario as the page shows it: an identify scenario's parts go by opaque ids (scenarios/modes/identify/conceal). */
  scenario: Scenario;
  /** The scenario as its file has it, for what leaves the app (a submission is graded against the file). */
  source: Scenario;
  /** The file's id of each id the page shows for a part; empty when the page shows the file's ids. */
  fileIds: Readonly<Record<string, string>>;
  /** Where its progress and working copy are kept: the id, or id~hash (store/scenarioLibrary scenarioKey). */
  key: string;
  progress: ScenarioProgress;
  critiqueGrade: CritiqueGrade | null;
  identifyGrade: IdentifyGrade | null;
  compareGrade: CompareGrade | null;
  /** Compare mode: which design is on the canvas. */
  showing: DesignSide;
  /** Instructor preview: the session is not saved as the learner's progress. */
  preview: boolean;
}

interface ScenarioState {
  session: ScenarioSession | null;
  /** key: where its progress and working copy are kept (the scenario's id unless given). */
  start: (scenario: Scenario, saved: ScenarioProgress | null, preview?: boolean, key?: string) => void;
  exit: () => void;
  addFinding: (finding: Omit<PinnedFinding, 'id'>) => void;
  removeFinding: (id: string) => void;
  recordIdentify: (questionId: string, attempt: IdentifyTry) => void;
  setCompareAnswer: (questionId: string, side: DesignSide) => void;
  /** Locks the compare answers as the learner's predictions (once). */
  checkCompare: () => void;
  setGrades: (grades: Partial<Pick<ScenarioSession, 'critiqueGrade' | 'identifyGrade' | 'compareGrade'>>) => void;
  setScore: (score: number, completed: boolean) => void;
  setSimulatedCheck: (record: SimulatedCheckRecord) => void;
  show: (side: DesignSide) => void;
  /** Progress saved from elsewhere (an imported progress file) for the scenario open now: the session goes on with it. */
  adoptProgress: (progress: ScenarioProgress) => void;
}

export function emptyProgress(scenarioId: string): ScenarioProgress {
  return { scenarioId, ...emptyModeProgress(), score: null, completed: false, updatedAt: Date.now() };
}

export const useScenarioStore = create<ScenarioState>()((set) => {
  const update = (fn: (s: ScenarioSession) => Partial<ScenarioSession>, progress?: (p: ScenarioProgress) => Partial<ScenarioProgress>) =>
    set((state) => {
      const s = state.session;
      if (!s) return state;
      const next = { ...s, ...fn(s) };
      if (progress) next.progress = { ...s.progress, ...progress(s.progress), updatedAt: Date.now() };
      return { session: next };
    });
  return {
    session: null,
    start: (scenario, saved, preview = false, key = scenario.id) => {
      const shown = shownIds(scenario);
      set({
        session: { scenario: shown.scenario, source: scenario, fileIds: shown.fileIds, key, progress: saved ?? emptyProgress(key), critiqueGrade: null, identifyGrade: null, compareGrade: null, showing: 'a', preview },
      });
    },
    exit: () => set({ session: null }),
    addFinding: (finding) =>
      update(
        () => ({ critiqueGrade: null }),
        (p) => ({ findings: [...p.findings, { ...finding, id: `f${Date.now().toString(36)}${p.findings.length}` }] }),
      ),
    removeFinding: (id) => update(() => ({ critiqueGrade: null }), (p) => ({ findings: p.findings.filter((f) => f.id !== id) })),
    recordIdentify: (questionId, attempt) =>
      update(
        () => ({}),
        (p) => {
          const before = p.identify[questionId];
          const tries = [...(before ? (before.tries ?? [{ given: before.given, correct: before.correct }]) : []), attempt];
          return { identify: { ...p.identify, [questionId]: { ...attempt, tries } } };
        },
      ),
    setCompareAnswer: (questionId, side) =>
      update(
        () => ({}),
        (p) => (p.comparePrediction ? {} : { compareAnswers: { ...p.compareAnswers, [questionId]: side } }),
      ),
    checkCompare: () => update(() => ({}), (p) => (p.comparePrediction ? {} : { comparePrediction: { answers: { ...p.compareAnswers }, at: Date.now() } })),
    setGrades: (grades) => update(() => grades),
    setScore: (score, completed) => update(() => ({}), (p) => ({ score: Math.max(score, p.score ?? 0), completed: p.completed || completed })),
    setSimulatedCheck: (record) => update(() => ({}), () => ({ simulatedCheck: record })),
    show: (side) => update(() => ({ showing: side })),
    adoptProgress: (progress) => set((state) => (state.session && !state.session.preview && state.session.key === progress.scenarioId ? { session: { ...state.session, progress } } : state)),
  };
});

/** Identify mode hides what a component is until the learner has tried to name it. */
export function isMasked(session: ScenarioSession | null, nodeId: string): boolean {
  return session !== null && stillToName(session.scenario, session.progress.identify, nodeId);
}

/** Whether an identify scenario asks to name this component in a question not yet tried (`tried`: the attempts by question id). */
export function stillToName(scenario: Scenario, tried: Readonly<Record<string, unknown>>, nodeId: string): boolean {
  if (scenario.mode !== 'identify') return false;
  return scenario.questions.some((q) => q.answer.type === 'naming' && q.answer.nodeId === nodeId && !Object.hasOwn(tried, q.id));
}

/** The components of the design still masked (see isMasked). */
export function maskedNodeIds(session: ScenarioSession | null, nodeIds: readonly string[]): string[] {
  return nodeIds.filter((id) => isMasked(session, id));
}

/**
 * Why a file, link or copy of the design would give an identify answer away, or null when it
 * would not: the components still to be named would leave with their kinds and settings.
 */
export function concealedExportReason(session: ScenarioSession | null, nodeIds: readonly string[], what: string): string | null {
  const masked = maskedNodeIds(session, nodeIds).length;
  if (masked === 0) return null;
  const them = masked === 1 ? 'the component you are asked to name' : `the ${masked} components you are asked to name`;
  return `${what} would say what ${them} ${masked === 1 ? 'is' : 'are'}. Name ${masked === 1 ? 'it' : 'them'} in the scenario panel first; a picture (PNG or SVG) keeps ${masked === 1 ? 'it' : 'them'} hidden and can be exported now.`;
}

/** What a component is shown as while it is masked: its name and kind would answer the question. */
export const MASKED_LABEL = 'What is this?';

/**
 * Whether the engine's figures (results panel, canvas overlay) stay hidden: in identify unless
 * the scenario shows them (figures labelled with names would give the parts away), and in compare until the learner has
 * made their predictions.
 */
export function figuresHidden(session: ScenarioSession | null): boolean {
  if (!session) return false;
  if (session.scenario.mode === 'identify') return session.scenario.showFigures !== true;
  return session.scenario.mode === 'compare' && !session.progress.comparePrediction;
}

/** How many critique findings are pinned on a component or connection. */
export function pinCount(session: ScenarioSession | null, targetId: string): number {
  if (!session) return 0;
  let n = 0;
  for (const f of session.progress.findings) if (f.target === targetId) n++;
  return n;
}

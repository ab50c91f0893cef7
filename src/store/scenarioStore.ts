// The learner's scenario session: which scenario is open and what they have done in it
// (answers, findings pinned on the diagram, grades). Not part of undo: the design store keeps
// the diagram and its history; this keeps the exercise around it.
import { create } from 'zustand';
import type { CompareGrade, CritiqueGrade, DesignSide, Finding, IdentifyGrade, Scenario, Severity, SimulatedFixGrade } from '../scenarios';

export interface PinnedFinding extends Finding {
  id: string;
  severity: Severity;
}

export interface IdentifyAttempt {
  given: string | string[];
  correct: boolean;
}

/** A fix scenario's simulated check, and the design it ran on (by simulationKey). */
export interface SimulatedCheckRecord {
  designKey: string;
  /** The grade without its chart data (which stays in memory only). */
  grade: Omit<SimulatedFixGrade, 'report'>;
  ranAt: number;
}

/** What a learner has done in one scenario; saved so it survives a reload. */
export interface ScenarioProgress {
  scenarioId: string;
  findings: PinnedFinding[];
  identify: Record<string, IdentifyAttempt>;
  compareAnswers: Record<string, DesignSide>;
  /** Fix mode: the last simulated check (absent in progress saved before there was one). */
  simulatedCheck?: SimulatedCheckRecord;
  /** Best score so far, 0..1, and whether the scenario counts as done. */
  score: number | null;
  completed: boolean;
  updatedAt: number;
}

export interface ScenarioSession {
  scenario: Scenario;
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
  start: (scenario: Scenario, saved: ScenarioProgress | null, preview?: boolean) => void;
  exit: () => void;
  addFinding: (finding: Omit<PinnedFinding, 'id'>) => void;
  removeFinding: (id: string) => void;
  recordIdentify: (questionId: string, attempt: IdentifyAttempt) => void;
  setCompareAnswer: (questionId: string, side: DesignSide) => void;
  setGrades: (grades: Partial<Pick<ScenarioSession, 'critiqueGrade' | 'identifyGrade' | 'compareGrade'>>) => void;
  setScore: (score: number, completed: boolean) => void;
  setSimulatedCheck: (record: SimulatedCheckRecord) => void;
  show: (side: DesignSide) => void;
}

export function emptyProgress(scenarioId: string): ScenarioProgress {
  return { scenarioId, findings: [], identify: {}, compareAnswers: {}, score: null, completed: false, updatedAt: Date.now() };
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
    start: (scenario, saved, preview = false) =>
      set({
        session: { scenario, progress: saved ?? emptyProgress(scenario.id), critiqueGrade: null, identifyGrade: null, compareGrade: null, showing: 'a', preview },
      }),
    exit: () => set({ session: null }),
    addFinding: (finding) =>
      update(
        () => ({ critiqueGrade: null }),
        (p) => ({ findings: [...p.findings, { ...finding, id: `f${Date.now().toString(36)}${p.findings.length}` }] }),
      ),
    removeFinding: (id) => update(() => ({ critiqueGrade: null }), (p) => ({ findings: p.findings.filter((f) => f.id !== id) })),
    recordIdentify: (questionId, attempt) => update(() => ({}), (p) => ({ identify: { ...p.identify, [questionId]: attempt } })),
    setCompareAnswer: (questionId, side) => update(() => ({ compareGrade: null }), (p) => ({ compareAnswers: { ...p.compareAnswers, [questionId]: side } })),
    setGrades: (grades) => update(() => grades),
    setScore: (score, completed) => update(() => ({}), (p) => ({ score: Math.max(score, p.score ?? 0), completed: p.completed || completed })),
    setSimulatedCheck: (record) => update(() => ({}), () => ({ simulatedCheck: record })),
    show: (side) => update(() => ({ showing: side })),
  };
});

/** Identify mode hides what a component is until the learner has named it. */
export function isMasked(session: ScenarioSession | null, nodeId: string): boolean {
  if (!session || session.scenario.mode !== 'identify') return false;
  return session.scenario.questions.some((q) => q.answer.type === 'naming' && q.answer.nodeId === nodeId && !session.progress.identify[q.id]?.correct);
}

/** How many critique findings are pinned on a component or connection. */
export function pinCount(session: ScenarioSession | null, targetId: string): number {
  if (!session) return 0;
  let n = 0;
  for (const f of session.progress.findings) if (f.target === targetId) n++;
  return n;
}

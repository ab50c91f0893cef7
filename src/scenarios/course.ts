// The course the bundled scenarios make: the on-ramp for first-time learners, one track per
// learning objective (each ordered beginner -> advanced), and the coverage the library aims at.
// The course map in the gallery and the generated catalog page both read it from here.
import type { Scenario } from './types';
import { MODE_SPECS, MODES, type ScenarioMode } from './modes';
import { DIFFICULTIES, OBJECTIVES, type Difficulty, type Objective } from './vocabulary';

export const ON_RAMP_TRACK = 'on-ramp';

export interface Track {
  /** `on-ramp` or an objective id. */
  id: typeof ON_RAMP_TRACK | Objective;
  scenarios: Scenario[];
}

/**
 * Course order: easier first; within a difficulty, on-ramp steps in their order, then shorter
 * scenarios, then by title (so the order never depends on file names).
 */
export function courseOrder(a: Scenario, b: Scenario): number {
  return (
    DIFFICULTIES.indexOf(a.difficulty) - DIFFICULTIES.indexOf(b.difficulty) ||
    (a.onRampStep ?? Infinity) - (b.onRampStep ?? Infinity) ||
    a.estimatedMinutes - b.estimatedMinutes ||
    a.title.localeCompare(b.title, 'en')
  );
}

/** The on-ramp: every beginner scenario, numbered steps first. */
export function onRamp(scenarios: readonly Scenario[]): Scenario[] {
  return scenarios.filter((s) => s.difficulty === 'beginner').sort(courseOrder);
}

/** The on-ramp, then one track per objective (a scenario with two objectives is in both); empty tracks left out. */
export function courseTracks(scenarios: readonly Scenario[]): Track[] {
  const tracks: Track[] = [{ id: ON_RAMP_TRACK, scenarios: onRamp(scenarios) }];
  for (const objective of OBJECTIVES) tracks.push({ id: objective, scenarios: scenarios.filter((s) => s.objectives.includes(objective)).sort(courseOrder) });
  return tracks.filter((t) => t.scenarios.length > 0);
}

/**
 * What the library aims at (issue 14): enough scenarios of each mode to practise it, an on-ramp
 * long enough for a beginner's first sessions, and every objective taught at least three ways.
 */
export const COURSE_TARGETS = {
  total: 40,
  modes: Object.fromEntries(MODES.map((m) => [m, MODE_SPECS[m].courseTarget])) as Record<ScenarioMode, number>,
  difficulties: { beginner: 10 } satisfies Partial<Record<Difficulty, number>>,
  perObjective: 3,
} as const;

export interface CoverageRow {
  group: 'total' | 'mode' | 'difficulty' | 'objective';
  name: string;
  have: number;
  /** The least wanted; null when there is no target (intermediate, advanced). */
  target: number | null;
}

/** Counts per mode, difficulty and objective against COURSE_TARGETS. */
export function courseCoverage(scenarios: readonly Scenario[]): CoverageRow[] {
  const count = (keep: (s: Scenario) => boolean) => scenarios.filter(keep).length;
  const difficultyTargets: Partial<Record<Difficulty, number>> = COURSE_TARGETS.difficulties;
  return [
    { group: 'total', name: 'scenarios', have: scenarios.length, target: COURSE_TARGETS.total },
    ...MODES.map((m): CoverageRow => ({ group: 'mode', name: m, have: count((s) => s.mode === m), target: COURSE_TARGETS.modes[m] })),
    ...DIFFICULTIES.map((d): CoverageRow => ({ group: 'difficulty', name: d, have: count((s) => s.difficulty === d), target: difficultyTargets[d] ?? null })),
    ...OBJECTIVES.map((o): CoverageRow => ({ group: 'objective', name: o, have: count((s) => s.objectives.includes(o)), target: COURSE_TARGETS.perObjective })),
  ];
}

/** The rows still short of their target. */
export const coverageShortfalls = (rows: readonly CoverageRow[]) => rows.filter((r) => r.target !== null && r.have < r.target);

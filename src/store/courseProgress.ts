// The learner's place in the course, worked out from their saved progress: each scenario's status
// and first-try result, mastery per objective, and the scenario to do next. Pure functions over
// the loaded scenarios and the progress records; the course map only shows them.
import { courseTracks, firstTryScore, onRamp, OBJECTIVE_LABEL, type Objective, type Scenario, type ScenarioProgress } from '../scenarios';

export type ScenarioStatus = 'not-started' | 'in-progress' | 'done';

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** The scored first try, 0..1, or null until there is one: each mode's spec says (modes/<mode>/progress.ts). */
export { firstTryScore };

/** Not started: never opened. In progress: opened, no first-try result yet. Done: it has one. */
export function scenarioStatus(scenario: Scenario, progress: ScenarioProgress | undefined): ScenarioStatus {
  if (!progress) return 'not-started';
  return firstTryScore(scenario, progress) === null ? 'in-progress' : 'done';
}

const STATUS_WORDS: Record<ScenarioStatus, string> = { 'not-started': 'Not started', 'in-progress': 'In progress', done: 'Done' };

/**
 * A scenario's status in words, as the course map and the gallery card both show it: "Not
 * started", "In progress", or "Done · first try 67%" (the result mastery is worked out from).
 */
export function statusText(scenario: Scenario, progress: ScenarioProgress | undefined): string {
  const first = firstTryScore(scenario, progress);
  return first === null ? STATUS_WORDS[scenarioStatus(scenario, progress)] : `${STATUS_WORDS.done} · first try ${pct(first)}`;
}

export interface Mastery {
  objective: Objective;
  /** Mean first-try score over the objective's done scenarios, 0..1; null before any is done. */
  score: number | null;
  done: number;
  total: number;
}

/** Mastery of an objective: the mean of the first-try scores of its scenarios that are done. */
export function objectiveMastery(objective: Objective, scenarios: readonly Scenario[], progress: Readonly<Record<string, ScenarioProgress>>): Mastery {
  const track = scenarios.filter((s) => s.objectives.includes(objective));
  const scores = track.map((s) => firstTryScore(s, progress[s.id])).filter((x): x is number => x !== null);
  return { objective, score: scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null, done: scores.length, total: track.length };
}

export interface Suggestion {
  scenario: Scenario;
  reason: string;
}


/**
 * What to do next: the scenario last worked on if it is not done; else the next on-ramp step;
 * else the easiest scenario not done in the objective with the lowest mastery (an objective not
 * tried yet counts as lowest). Null when every scenario is done.
 */
export function suggestNext(scenarios: readonly Scenario[], progress: Readonly<Record<string, ScenarioProgress>>): Suggestion | null {
  const open = scenarios
    .filter((s) => scenarioStatus(s, progress[s.id]) === 'in-progress')
    .sort((a, b) => progress[b.id]!.updatedAt - progress[a.id]!.updatedAt);
  if (open[0]) return { scenario: open[0], reason: 'Pick up where you left off.' };
  const notDone = (s: Scenario) => scenarioStatus(s, progress[s.id]) !== 'done';
  const ramp = onRamp(scenarios).find(notDone);
  if (ramp) return { scenario: ramp, reason: 'The next step of the on-ramp.' };
  let best: { mastery: Mastery; scenario: Scenario } | null = null;
  for (const track of courseTracks(scenarios)) {
    if (track.id === 'on-ramp') continue;
    const next = track.scenarios.find(notDone);
    if (!next) continue;
    const mastery = objectiveMastery(track.id, scenarios, progress);
    if (!best || (mastery.score ?? -1) < (best.mastery.score ?? -1)) best = { mastery, scenario: next };
  }
  if (!best) return null;
  const label = OBJECTIVE_LABEL[best.mastery.objective];
  const reason = best.mastery.score === null ? `${label}: an objective you have not tried yet.` : `${label}: your weakest objective so far (${pct(best.mastery.score)}).`;
  return { scenario: best.scenario, reason };
}


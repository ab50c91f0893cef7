// Saved scenario progress as read back from storage: a record written by an older version, cut
// short, or edited by hand must not break the scenario panel. What is well formed is kept (the
// answers and findings the learner made); anything else is dropped, and the caller is told.
import type { DesignSide } from '../scenarios';
import { SEVERITIES } from '../scenarios/vocabulary';
import type { ComparePrediction, IdentifyAttempt, IdentifyTry, PinnedFinding, ScenarioProgress } from './scenarioStore';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isSide = (v: unknown): v is DesignSide => v === 'a' || v === 'b';
const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const text = (v: unknown, max = 10_000): v is string => typeof v === 'string' && v.length <= max;
const SEVERITY = new Set<string>(SEVERITIES);
const MAX_ITEMS = 10_000; // findings or answers in one scenario: far beyond any real one

function finding(v: unknown): PinnedFinding | null {
  if (!isObj(v) || !text(v.id, 200) || !text(v.target, 500) || !text(v.category, 200)) return null;
  const severity = typeof v.severity === 'string' && SEVERITY.has(v.severity) ? (v.severity as PinnedFinding['severity']) : 'medium';
  return {
    id: v.id,
    target: v.target,
    category: v.category,
    severity,
    ...(text(v.note) ? { note: v.note } : {}),
    ...(Array.isArray(v.evidence) && v.evidence.every((e) => text(e)) ? { evidence: v.evidence as string[] } : {}),
  };
}

function tryOf(v: unknown): IdentifyTry | null {
  if (!isObj(v) || typeof v.correct !== 'boolean') return null;
  const given = v.given;
  if (text(given, 1000)) return { given, correct: v.correct };
  if (Array.isArray(given) && given.length <= 1000 && given.every((g) => text(g, 1000))) return { given: given as string[], correct: v.correct };
  return null;
}

function attempt(v: unknown): IdentifyAttempt | null {
  const latest = tryOf(v);
  if (!latest) return null;
  const tries = isObj(v) && Array.isArray(v.tries) ? v.tries.slice(0, MAX_ITEMS).map(tryOf) : null;
  return tries && tries.length > 0 && tries.every((t) => t !== null) ? { ...latest, tries: tries as IdentifyTry[] } : latest;
}

function entries<T>(v: unknown, read: (x: unknown) => T | null): Record<string, T> {
  const out: Record<string, T> = {};
  if (!isObj(v)) return out;
  for (const [k, x] of Object.entries(v).slice(0, MAX_ITEMS)) {
    const value = read(x);
    if (value !== null) out[k] = value;
  }
  return out;
}

export interface ReadProgress {
  progress: ScenarioProgress | null;
  /** Set when part or all of the stored record could not be read. */
  problem: string | null;
}

/** The stored progress of scenario `key`, with what could not be read left out. */
export function readProgressRecord(raw: unknown, key: string): ReadProgress {
  if (raw === undefined || raw === null) return { progress: null, problem: null };
  if (!isObj(raw)) return { progress: null, problem: 'The saved progress of this scenario could not be read, so it starts afresh.' };
  const findings = Array.isArray(raw.findings) ? raw.findings.slice(0, MAX_ITEMS).map(finding) : [];
  const identify = entries(raw.identify, attempt);
  const compareAnswers = entries(raw.compareAnswers, (x) => (isSide(x) ? x : null));
  const prediction = isObj(raw.comparePrediction) && finite(raw.comparePrediction.at) ? { answers: entries(raw.comparePrediction.answers, (x) => (isSide(x) ? x : null)), at: raw.comparePrediction.at } : null;
  const progress: ScenarioProgress = {
    scenarioId: key,
    findings: findings.filter((f): f is PinnedFinding => f !== null),
    identify,
    compareAnswers,
    ...(prediction ? { comparePrediction: prediction as ComparePrediction } : {}),
    // The simulated check is a cache of a run: one that does not look like one is simply run again.
    ...(isObj(raw.simulatedCheck) && text(raw.simulatedCheck.designKey, 1_000_000) && isObj(raw.simulatedCheck.grade) && finite(raw.simulatedCheck.ranAt) ? { simulatedCheck: raw.simulatedCheck as unknown as ScenarioProgress['simulatedCheck'] & object } : {}),
    score: finite(raw.score) && raw.score >= 0 && raw.score <= 1 ? raw.score : null,
    completed: raw.completed === true,
    updatedAt: finite(raw.updatedAt) ? raw.updatedAt : 0,
  };
  const dropped =
    (Array.isArray(raw.findings) ? raw.findings.length : raw.findings === undefined ? 0 : 1) - progress.findings.length +
    (isObj(raw.identify) ? Object.keys(raw.identify).length : 0) - Object.keys(identify).length +
    (isObj(raw.compareAnswers) ? Object.keys(raw.compareAnswers).length : 0) - Object.keys(compareAnswers).length;
  return { progress, problem: dropped > 0 ? `Part of the saved progress of this scenario could not be read (${dropped} item${dropped === 1 ? '' : 's'}); the rest is kept.` : null };
}

// What fix keeps in the learner's saved progress: the last simulated check, with the design it
// ran on, so a reload does not run it again for the same design.
import { finite, isObj, text } from '../../stored-record';
import type { SimulatedFixGrade } from './sim-types';

/** A fix scenario's simulated check, and the design it ran on (by simulationKey). */
export interface SimulatedCheckRecord {
  designKey: string;
  /** The grade without its chart data (which stays in memory only). */
  grade: Omit<SimulatedFixGrade, 'report'>;
  ranAt: number;
}

export interface FixProgress {
  /** Absent in progress saved before there was one. */
  simulatedCheck?: SimulatedCheckRecord;
}

export function readFixProgress(raw: Readonly<Record<string, unknown>>): { fields: FixProgress; dropped: number } {
  // The simulated check is a cache of a run: one that does not look like one is simply run again.
  const c = raw.simulatedCheck;
  const ok = isObj(c) && text(c.designKey, 1_000_000) && isObj(c.grade) && finite(c.ranAt);
  return { fields: ok ? { simulatedCheck: c as unknown as SimulatedCheckRecord } : {}, dropped: 0 };
}

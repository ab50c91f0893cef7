// One analysis of a design, as the results panel needs it: the steady-state solution, the
// headroom of every entry point and the main problem in words. Pure, so tests run it directly.
import { computeHeadroom, explainMainProblem, solveDesign, type DesignProblem, type DesignSolution, type EntryHeadroom, type Explanation } from '../engine/analytic';
import type { Design } from '../model/types';

export interface AnalysisRequest {
  design: Design;
  /** What-if request rates (requests/s) by client id, instead of the design's own. */
  clientRps?: Record<string, number>;
  /** A scenario's month for per-request charges (scenarios/month.ts); the steady rates all month when absent. */
  monthlyRequestScale?: number;
}

export type Analysis =
  | { ok: true; solution: DesignSolution; headroom: EntryHeadroom[]; explanation: Explanation | null }
  | { ok: false; errors: DesignProblem[] };

export function analyse({ design, clientRps, monthlyRequestScale }: AnalysisRequest): Analysis {
  const options = { ...(clientRps ? { clientRps } : {}), ...(monthlyRequestScale !== undefined ? { monthlyRequestScale } : {}) };
  const solution = solveDesign(design, options);
  if (!solution.ok) return solution;
  const headroom = computeHeadroom(design, options);
  return {
    ok: true,
    solution,
    headroom: headroom.ok ? headroom.entries : [],
    explanation: explainMainProblem(design, solution),
  };
}

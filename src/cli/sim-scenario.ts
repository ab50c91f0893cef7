// `sim <scenario.yaml>`: a scenario's design at the scenario's traffic, solved analytically or
// simulated over time with the scenario's traffic changes, failures and targets.
import { DesignSimError } from '../engine/simulation';
import type { Design } from '../model/types';
// The modules themselves rather than the scenarios index, so `sim` loads only what it runs.
import { formatIssue, parseScenarioYaml } from '../scenarios/parse';
import { scenarioSimOptions, withScenarioRates } from '../scenarios/simulation';
import type { Scenario } from '../scenarios/types';
import { CliError, oneLine, readTextFile } from './cli-error';
import { runSimulation, solveDesignReport, type DesignReport, type SimFlags, type SimulationRun } from './sim-design';

export function isScenarioPath(path: string): boolean {
  return /\.ya?ml$/i.test(path);
}

/** The scenario in the file; a bad one is one line: "file:line: what is wrong" (and how many more problems). */
export function loadScenarioFile(path: string): Scenario {
  const parsed = parseScenarioYaml(readTextFile(path));
  if (!parsed.ok) throw new CliError(oneLine(parsed.issues.map((issue) => formatIssue(issue, path))));
  return parsed.scenario;
}

/** Problems of a scenario's design in the simulator's terms (a partition of nothing) as one CLI line. */
function scenarioStep<T>(path: string, step: () => T): T {
  try {
    return step();
  } catch (e) {
    if (e instanceof DesignSimError) throw new CliError(`"${path}" cannot be simulated: ${oneLine(e.problems)}`);
    throw e;
  }
}

/** The scenario's design solved at the scenario's request rates (or scaled to totalRps). */
export function solveScenarioFile(path: string, totalRps: number | undefined): DesignReport {
  const scenario = loadScenarioFile(path);
  const design: Design = scenarioStep(path, () => withScenarioRates(scenario));
  return solveDesignReport(design, totalRps);
}

/** The scenario's design simulated through the scenario's story; the flags override its length and seed. */
export function simulateScenarioFile(path: string, flags: SimFlags): SimulationRun {
  const scenario = loadScenarioFile(path);
  const { design, options } = scenarioStep(path, () => scenarioSimOptions(scenario));
  return runSimulation(design, { ...options, ...(flags.durationS !== undefined ? { durationS: flags.durationS } : {}), ...(flags.seed !== undefined ? { seed: flags.seed } : {}), ...(flags.maxLiveRequests !== undefined ? { maxLiveRequests: flags.maxLiveRequests } : {}) }, path);
}

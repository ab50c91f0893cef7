// From a loaded scenario back to the scenario file's shape, and from there to the shortest data
// that loads the same: the inverse of normalize.ts, for the authoring screen, its YAML export and
// its share links. The common fields are written here, each mode's own by its spec
// (`toFile`, `compactFields`), designs by design-file.ts.
import { WORKLOAD_SPECS, type WorkloadStep } from '../model/workloads';
import { defined, designToFile, nonEmpty, type ScenarioData } from './design-file';
import { modeSpec } from './modes';
import { CURRENT_SCENARIO_VERSION, type ScenarioFile, type ScenarioFileBase } from './schema';
import type { Scenario } from './types';
import { resolveClientRps } from './workload';
import { HOURS_PER_MONTH } from '../engine/metrics/cost';

const FILE_VERSION: ScenarioFile['version'] = CURRENT_SCENARIO_VERSION;

/** A loaded scenario back in the file's shape; loading the result gives an equal scenario. A fix scenario's solution is written whole. */
export function scenarioToFile(scenario: Scenario): ScenarioFile {
  const { id, title } = scenario;
  const derivedRps = resolveClientRps(scenario.design, undefined, scenario.requirements.trafficRps);
  const rpsIsDerived = JSON.stringify(derivedRps) === JSON.stringify(scenario.workload.clientRps);
  const base: ScenarioFileBase = {
    version: FILE_VERSION,
    id,
    title,
    summary: scenario.summary,
    difficulty: scenario.difficulty,
    estimatedMinutes: scenario.estimatedMinutes,
    objectives: [...scenario.objectives],
    topics: scenario.topics ? [...scenario.topics] : undefined,
    onRampStep: scenario.onRampStep,
    story: scenario.story,
    hints: [...scenario.hints],
    requirements: structuredClone(scenario.requirements),
    workload: {
      ...(rpsIsDerived ? {} : { rps: { ...scenario.workload.clientRps } }),
      overTime: structuredClone(scenario.workload.overTime),
      ...(scenario.workload.busyHoursPerMonth < HOURS_PER_MONTH ? { busyHoursPerMonth: scenario.workload.busyHoursPerMonth } : {}),
      ...(scenario.workload.quietRps > 0 ? { quietRps: scenario.workload.quietRps } : {}),
    },
    failures: structuredClone(scenario.failures),
    design: designToFile(scenario.design, { defaultId: `${id}-design`, defaultName: title }),
  };
  return modeSpec(scenario.mode).toFile(scenario, base);
}

// ---- the shortest data that loads the same ---------------------------------------------------

/** The step without the fields that equal what loading fills in (a day of 86,400 s). */
function withoutFileDefaults(step: WorkloadStep): ScenarioData {
  const out: ScenarioData = { ...step };
  for (const f of WORKLOAD_SPECS[step.shape].stepFields) if (f.fileDefault !== undefined && out[f.key] === f.fileDefault) out[f.key] = undefined;
  return out;
}

function compactWorkload(workload: ScenarioFile['workload']): ScenarioData | undefined {
  const overTime = workload.overTime.map((step) => defined(withoutFileDefaults(step)));
  const out = defined({ rps: workload.rps, overTime: overTime.length > 0 ? overTime : undefined, busyHoursPerMonth: workload.busyHoursPerMonth, quietRps: workload.quietRps });
  return Object.keys(out).length > 0 ? out : undefined;
}

/** The fields every scenario file starts with, in the order the bundled files write them. */
const HEAD_KEYS = ['version', 'id', 'title', 'summary', 'difficulty', 'estimatedMinutes', 'objectives', 'topics', 'onRampStep', 'mode', 'story'] as const;

/** The file with every default left out (empty lists, default connection settings, catalog-default parameters): it loads to the same scenario. */
export function compactScenarioFile(file: ScenarioFile): ScenarioData {
  const requirements = defined(file.requirements);
  return structuredClone(
    defined({
      ...Object.fromEntries(HEAD_KEYS.map((key) => [key, file[key]])),
      hints: nonEmpty(file.hints) ? file.hints : undefined,
      requirements: Object.keys(requirements).length > 0 ? requirements : undefined,
      workload: compactWorkload(file.workload),
      failures: nonEmpty(file.failures) ? file.failures.map((f) => defined(f)) : undefined,
      ...modeSpec(file.mode).compactFields(file),
    }),
  );
}

// Turns a validated scenario file into a Scenario: designs completed with catalog defaults, the
// reference solution's patch applied, question ids assigned, the workload resolved per client.
import type { Design } from '../model/types';
import { modeSpec, type ScenarioIssue } from './modes';
import { completeDesign } from './patch';
import type { ScenarioFile } from './schema';
import type { Scenario, ScenarioWorkload } from './types';
import type { PathKey } from './yaml-source';
import { resolveClientRps } from './workload';
import { HOURS_PER_MONTH } from '../engine/metrics/cost';

export type { ScenarioIssue };

export type BuildResult = { ok: true; scenario: Scenario } | { ok: false; issues: ScenarioIssue[] };

export function buildScenario(file: ScenarioFile): BuildResult {
  const design = completeDesign(file.design, `${file.id}-design`, file.title);
  const workload: ScenarioWorkload = {
    clientRps: resolveClientRps(design, file.workload.rps, file.requirements.trafficRps),
    overTime: file.workload.overTime,
    busyHoursPerMonth: file.workload.busyHoursPerMonth ?? HOURS_PER_MONTH,
    quietRps: file.workload.quietRps ?? 0,
  };
  const base = {
    version: file.version,
    id: file.id,
    title: file.title,
    summary: file.summary,
    difficulty: file.difficulty,
    estimatedMinutes: file.estimatedMinutes,
    objectives: file.objectives,
    // Absent rather than empty, so the fingerprint of a scenario without them is unchanged.
    ...(file.topics ? { topics: file.topics } : {}),
    ...(file.onRampStep !== undefined ? { onRampStep: file.onRampStep } : {}),
    story: file.story,
    hints: file.hints,
    requirements: file.requirements,
    design,
    workload,
    failures: file.failures,
  };
  return modeSpec(file.mode).build(file, base);
}

/** The designs of a scenario with the path each one sits at in the file. */
export function scenarioDesigns(scenario: Scenario): { design: Design; path: PathKey[] }[] {
  const designs = [{ design: scenario.design, path: ['design'] as PathKey[] }];
  for (const { design, path } of modeSpec(scenario.mode).otherDesigns(scenario)) designs.push({ design, path });
  return designs;
}

// Turns a validated scenario file into a Scenario: designs completed with catalog defaults, the
// reference solution's patch applied, question ids assigned, the workload resolved per client.
import type { Design } from '../model/types';
import { applyPatch, completeEdge, completeNode } from './patch';
import type { ScenarioDesignFile, ScenarioFile } from './schema';
import type { Scenario, ScenarioWorkload } from './types';
import type { PathKey } from './yaml-source';
import { resolveClientRps } from './workload';

/** A problem at a place in the file (a path of keys and indices), before it is given a line. */
export interface ScenarioIssue {
  path: PathKey[];
  message: string;
}

export type BuildResult = { ok: true; scenario: Scenario } | { ok: false; issues: ScenarioIssue[] };

export function completeDesign(file: ScenarioDesignFile, id: string, name: string): Design {
  return {
    id: file.id ?? id,
    name: file.name ?? name,
    nodes: file.nodes.map(completeNode),
    edges: file.edges.map(completeEdge),
    groups: structuredClone(file.groups),
  };
}

export function buildScenario(file: ScenarioFile): BuildResult {
  const design = completeDesign(file.design, `${file.id}-design`, file.title);
  const workload: ScenarioWorkload = {
    clientRps: resolveClientRps(design, file.workload.rps, file.requirements.trafficRps),
    overTime: file.workload.overTime,
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
  const questionId = (id: string | undefined, i: number) => id ?? `q${i + 1}`;

  switch (file.mode) {
    case 'identify':
      return {
        ok: true,
        scenario: {
          ...base,
          mode: 'identify',
          ...(file.showFigures ? { showFigures: true } : {}),
          questions: file.questions.map((q, i) => ({
            id: questionId(q.id, i),
            prompt: q.prompt,
            explanation: q.explanation,
            answer:
              typeof q.answer === 'string' || Array.isArray(q.answer)
                ? { type: 'click', nodeIds: typeof q.answer === 'string' ? [q.answer] : q.answer }
                : { type: 'naming', nodeId: q.answer.nodeId, acceptedKinds: q.answer.acceptedKinds },
          })),
        },
      };
    case 'critique':
      return { ok: true, scenario: { ...base, mode: 'critique', key: file.key, alsoAcceptable: file.alsoAcceptable } };
    case 'compare':
      return {
        ok: true,
        scenario: {
          ...base,
          mode: 'compare',
          designB: completeDesign(file.designB, `${file.id}-b`, file.labels.b),
          labels: file.labels,
          questions: file.questions.map((q, i) => ({
            id: questionId(q.id, i),
            prompt: q.prompt,
            answer: q.answer,
            metric: q.metric ?? null,
            explanation: q.explanation,
          })),
          takeaway: file.takeaway,
        },
      };
    case 'fix': {
      const { design: whole, patch } = file.solution;
      if ((whole === undefined) === (patch === undefined)) {
        return { ok: false, issues: [{ path: ['solution'], message: 'must give either a whole "design" or a "patch" on the starting design, not both and not neither' }] };
      }
      let solution: Design;
      if (whole !== undefined) solution = completeDesign(whole, `${file.id}-solution`, `${file.title} (reference solution)`);
      else {
        const patched = applyPatch(design, patch ?? []);
        if (patched.problems.length > 0) return { ok: false, issues: patched.problems.map((p) => ({ path: ['solution', 'patch', p.index], message: p.message })) };
        solution = { ...patched.design, id: `${file.id}-solution`, name: `${file.title} (reference solution)` };
      }
      return {
        ok: true,
        scenario: { ...base, mode: 'fix', checks: file.checks, startingDesignFails: file.startingDesignFails ?? null, solution, invariants: file.invariants, environment: file.environment },
      };
    }
  }
}

/** The designs of a scenario with the path each one sits at in the file. */
export function scenarioDesigns(scenario: Scenario): { design: Design; path: PathKey[] }[] {
  const designs = [{ design: scenario.design, path: ['design'] as PathKey[] }];
  if (scenario.mode === 'compare') designs.push({ design: scenario.designB, path: ['designB'] });
  if (scenario.mode === 'fix') designs.push({ design: scenario.solution, path: ['solution'] });
  return designs;
}

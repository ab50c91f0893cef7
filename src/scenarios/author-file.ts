// From a loaded scenario (or a design on the canvas) back to the scenario file's shape, and from
// there to the shortest data that loads the same: the inverse of normalize.ts, for the authoring
// screen, its YAML export and its share links.
import { getParamSpec, PARAM_KEYS } from '../model/catalog';
import type { ComponentKind, Design, DesignEdge, DesignGroup, DesignNode } from '../model/types';
import { WORKLOAD_SPECS, type WorkloadStep } from '../model/workloads';
import { CURRENT_SCENARIO_VERSION, type PatchOp, type ScenarioDesignFile, type ScenarioEdgeFile, type ScenarioFile, type ScenarioNodeFile } from './schema';
import type { Scenario } from './types';
import { resolveClientRps } from './workload';
import { HOURS_PER_MONTH } from '../engine/metrics/cost';

const FILE_VERSION: ScenarioFile['version'] = CURRENT_SCENARIO_VERSION;

/** Plain data in the file's shape with every default left out: what YAML export and share links carry. */
export type ScenarioData = Record<string, unknown>;

type ScenarioGroupFile = ScenarioDesignFile['groups'][number];

const PARAM_KEY_SET = new Set<string>(PARAM_KEYS);

export interface DesignFileOptions {
  /** Left out of the file when the design's id or name equals them (they are what loading fills in). */
  defaultId?: string;
  defaultName?: string;
  /** Round positions and sizes to whole pixels (a design from the canvas has fractions from dragging). */
  round?: boolean;
}

/** The values the file needs: settings the kind has whose value differs from the catalog default. */
export function paramsFile(kind: ComponentKind, params: Readonly<Record<string, number | undefined>>): ScenarioNodeFile['params'] {
  const kept = Object.entries(params).filter(([key, value]) => {
    // Settings the kind does not have are ignored by the engine; the file format has no room for them.
    const spec = PARAM_KEY_SET.has(key) ? getParamSpec(kind, key) : undefined;
    return value !== undefined && spec !== undefined && value !== spec.default;
  });
  return kept.length > 0 ? (Object.fromEntries(kept) as ScenarioNodeFile['params']) : undefined;
}

/** Math.round gives -0 for -0.2, which reads oddly and is not equal to 0 in tests. */
const rounded = (n: number) => Math.round(n) + 0;

function point(p: { x: number; y: number }, round: boolean) {
  return round ? { x: rounded(p.x), y: rounded(p.y) } : { x: p.x, y: p.y };
}

function nodeFile(node: DesignNode, round: boolean): ScenarioNodeFile {
  const params = paramsFile(node.kind, node.params);
  return {
    id: node.id,
    kind: node.kind,
    label: node.label,
    ...(node.groupId === undefined ? {} : { groupId: node.groupId }),
    position: point(node.position, round),
    ...(params === undefined ? {} : { params }),
    ...(node.resilience === undefined ? {} : { resilience: structuredClone(node.resilience) }),
  };
}

function edgeFile(edge: DesignEdge): ScenarioEdgeFile {
  const { id, source, target, mode, callsPerRequest, share, label, onCacheMiss, resilience } = edge;
  return {
    id,
    source,
    target,
    mode,
    callsPerRequest,
    share,
    ...(label === undefined ? {} : { label }),
    ...(onCacheMiss === undefined ? {} : { onCacheMiss }),
    ...(resilience === undefined ? {} : { resilience: structuredClone(resilience) }),
  };
}

function groupFile(group: DesignGroup, round: boolean): ScenarioGroupFile {
  const { id, kind, label, parentId, position, size } = group;
  const whole = (n: number) => (round ? Math.max(1, rounded(n)) : n);
  return {
    id,
    kind,
    label,
    ...(parentId === undefined ? {} : { parentId }),
    position: point(position, round),
    size: { width: whole(size.width), height: whole(size.height) },
  };
}

/** A design as the file writes it; the saved simulation setup is left out (a scenario has its own workload and failures). */
export function designToFile(design: Design, options: DesignFileOptions = {}): ScenarioDesignFile {
  const round = options.round ?? false;
  return {
    ...(design.id === options.defaultId || design.id === '' ? {} : { id: design.id }),
    ...(design.name === options.defaultName || design.name.trim() === '' ? {} : { name: design.name }),
    groups: design.groups.map((g) => groupFile(g, round)),
    nodes: design.nodes.map((n) => nodeFile(n, round)),
    edges: design.edges.map(edgeFile),
  };
}

/** A loaded scenario back in the file's shape; loading the result gives an equal scenario. A fix scenario's solution is written whole. */
export function scenarioToFile(scenario: Scenario): ScenarioFile {
  const { id, title } = scenario;
  const derivedRps = resolveClientRps(scenario.design, undefined, scenario.requirements.trafficRps);
  const rpsIsDerived = JSON.stringify(derivedRps) === JSON.stringify(scenario.workload.clientRps);
  const base = {
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
  const questionId = (qid: string, i: number) => (qid === `q${i + 1}` ? {} : { id: qid });
  switch (scenario.mode) {
    case 'identify':
      return {
        ...base,
        mode: 'identify',
        showFigures: scenario.showFigures,
        questions: scenario.questions.map((q, i) => ({
          ...questionId(q.id, i),
          prompt: q.prompt,
          answer:
            q.answer.type === 'naming'
              ? { nodeId: q.answer.nodeId, acceptedKinds: [...q.answer.acceptedKinds] }
              : q.answer.nodeIds.length === 1
                ? q.answer.nodeIds[0]!
                : [...q.answer.nodeIds],
          explanation: q.explanation,
        })),
      };
    case 'critique':
      return { ...base, mode: 'critique', key: structuredClone(scenario.key), alsoAcceptable: structuredClone(scenario.alsoAcceptable) };
    case 'fix':
      return {
        ...base,
        mode: 'fix',
        checks: [...scenario.checks],
        ...(scenario.startingDesignFails === null ? {} : { startingDesignFails: [...scenario.startingDesignFails] }),
        solution: { design: designToFile(scenario.solution, { defaultId: `${id}-solution`, defaultName: `${title} (reference solution)` }) },
        invariants: structuredClone(scenario.invariants),
        environment: structuredClone(scenario.environment),
      };
    case 'compare':
      return {
        ...base,
        mode: 'compare',
        designB: designToFile(scenario.designB, { defaultId: `${id}-b`, defaultName: scenario.labels.b }),
        labels: { ...scenario.labels },
        questions: scenario.questions.map((q, i) => ({
          ...questionId(q.id, i),
          prompt: q.prompt,
          answer: q.answer,
          ...(q.metric === null ? {} : { metric: q.metric }),
          explanation: q.explanation,
        })),
        takeaway: scenario.takeaway,
      };
  }
}

// ---- the shortest data that loads the same ---------------------------------------------------

/** A copy without the keys whose value is undefined (JSON and YAML would write them as nothing or null). */
function defined<T extends object>(object: T): Partial<T> {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as Partial<T>;
}

const nonEmpty = (list: readonly unknown[] | undefined) => list !== undefined && list.length > 0;

function compactNode(node: ScenarioNodeFile): ScenarioData {
  const { params, resilience, ...rest } = node;
  const kept = paramsFile(node.kind, params ?? {});
  return { ...defined(rest), ...(kept === undefined ? {} : { params: kept }), ...(resilience === undefined ? {} : { resilience }) };
}

function compactEdge(edge: ScenarioEdgeFile): ScenarioData {
  const { id, source, target, mode, callsPerRequest, share, label, onCacheMiss, resilience } = edge;
  return defined({
    id,
    source,
    target,
    mode: mode === 'sync' ? undefined : mode,
    callsPerRequest: callsPerRequest === 1 ? undefined : callsPerRequest,
    share: share === 1 ? undefined : share,
    label,
    onCacheMiss,
    resilience,
  });
}

function compactDesign(design: ScenarioDesignFile): ScenarioData {
  return defined({
    id: design.id,
    name: design.name,
    groups: nonEmpty(design.groups) ? design.groups.map((g) => defined(g)) : undefined,
    nodes: design.nodes.map(compactNode),
    edges: nonEmpty(design.edges) ? design.edges.map(compactEdge) : undefined,
  });
}

function compactOp(op: PatchOp): ScenarioData {
  if (op.op === 'add-node') return { op: op.op, node: compactNode(op.node) };
  if (op.op === 'add-edge') return { op: op.op, edge: compactEdge(op.edge) };
  if (op.op === 'add-group') return { op: op.op, group: defined(op.group) };
  return defined(op);
}

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

/** The mode's own fields, in the order the bundled files use. */
function compactModeFields(file: ScenarioFile): ScenarioData {
  switch (file.mode) {
    case 'identify':
      return defined({ design: compactDesign(file.design), questions: file.questions.map((q) => defined(q)), showFigures: file.showFigures || undefined });
    case 'critique':
      return defined({ design: compactDesign(file.design), key: file.key.map((k) => defined(k)), alsoAcceptable: file.alsoAcceptable.length > 0 ? file.alsoAcceptable.map((k) => defined(k)) : undefined });
    case 'fix': {
      const { design, patch } = file.solution;
      return defined({
        checks: file.checks,
        startingDesignFails: file.startingDesignFails,
        design: compactDesign(file.design),
        solution: defined({ design: design === undefined ? undefined : compactDesign(design), patch: patch?.map(compactOp) }),
        invariants: nonEmpty(file.invariants) ? file.invariants.map((i) => defined({ ...i, cacheAnswers: i.cacheAnswers || undefined, together: i.together || undefined })) : undefined,
        environment: nonEmpty(file.environment) ? file.environment.map((e) => defined(e)) : undefined,
      });
    }
    case 'compare':
      return {
        design: compactDesign(file.design),
        designB: compactDesign(file.designB),
        labels: file.labels,
        ...(nonEmpty(file.questions) ? { questions: file.questions.map((q) => defined(q)) } : {}),
        takeaway: file.takeaway,
      };
  }
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
      ...compactModeFields(file),
    }),
  );
}

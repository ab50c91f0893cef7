// The ids an identify scenario's design shows on the page. A file's ids are words ("lb",
// "gateway", "e-api-cache"), and the page carries ids in its HTML (React Flow's data-id, test
// ids, connection ids), so a learner who opens the browser's inspector would read the answer to
// "what kind is this?" there. While the scenario is open its parts go by opaque ids instead:
// "part-1", "link-1", "area-1" in the file's order. They are the same every time the scenario
// opens, so saved answers and the saved attempt keep meaning the same parts; a submission maps
// them back to the file's ids, which the CLI grades against.
import { withRenamedIds } from '../../../model/rename-parts';
import type { Design } from '../../../model/types';
import type { Scenario } from '../../types';
import type { IdentifyQuestion, IdentifyScenario } from './schema';

export interface ShownIds {
  /** The scenario as the page shows it: its parts, answers, workload and failures under opaque ids. */
  scenario: Scenario;
  /** The file's id of each id the page shows (empty when the scenario shows its own ids). */
  fileIds: Readonly<Record<string, string>>;
}

/** Opaque ids for a list of parts, in order, none of them an id the file uses itself. */
function opaque(ids: readonly string[], prefix: string, taken: ReadonlySet<string>, into: Map<string, string>) {
  let n = 0;
  for (const id of ids) {
    let shown: string;
    do shown = `${prefix}-${++n}`;
    while (taken.has(shown));
    into.set(id, shown);
  }
}

function renamedAnswer(q: IdentifyQuestion, rename: (id: string) => string): IdentifyQuestion {
  const a = q.answer;
  return { ...q, answer: a.type === 'click' ? { ...a, nodeIds: a.nodeIds.map(rename) } : { ...a, nodeId: rename(a.nodeId) } };
}

/** The file's ids of an identify scenario's parts, by the ids the page shows for them. */
function shownIdsOf(design: Design): Map<string, string> {
  const taken = new Set([...design.nodes, ...design.edges, ...design.groups].map((p) => p.id));
  const shown = new Map<string, string>();
  opaque(design.nodes.map((n) => n.id), 'part', taken, shown);
  opaque(design.edges.map((e) => e.id), 'link', taken, shown);
  opaque(design.groups.map((g) => g.id), 'area', taken, shown);
  return shown;
}

/**
 * The scenario as the page shows it: an identify scenario's parts under opaque ids (everything
 * that names a part follows), any other mode as it is.
 */
export function shownIds(scenario: Scenario): ShownIds {
  if (scenario.mode !== 'identify') return { scenario, fileIds: {} };
  const shown = shownIdsOf(scenario.design);
  const rename = (id: string) => shown.get(id) ?? id;
  const { workload } = scenario;
  const concealed: IdentifyScenario = {
    ...scenario,
    design: withRenamedIds(scenario.design, rename),
    questions: scenario.questions.map((q) => renamedAnswer(q, rename)),
    workload: { ...workload, clientRps: Object.fromEntries(Object.entries(workload.clientRps).map(([id, rps]) => [rename(id), rps])), overTime: workload.overTime.map((s) => (s.client === undefined ? s : { ...s, client: rename(s.client) })) },
    failures: scenario.failures.map((f) => ({ ...f, target: rename(f.target) })),
    requirements: scenario.requirements.clients ? { ...scenario.requirements, clients: scenario.requirements.clients.map(rename) } : scenario.requirements,
  };
  return { scenario: concealed, fileIds: Object.fromEntries([...shown].map(([file, page]) => [page, file])) };
}

/**
 * A stored attempt at the scenario under the ids the page shows: an attempt saved before the page
 * used opaque ids holds the file's own, and would otherwise show them (and unmask nothing).
 */
export function designWithShownIds(design: Design, fileIds: ShownIds['fileIds']): Design {
  const shown = new Map(Object.entries(fileIds).map(([page, file]) => [file, page]));
  const parts = [...design.nodes, ...design.edges, ...design.groups];
  // An attempt that already shows opaque ids is left as it is: a part the learner added may have taken a file's id since.
  if (parts.some((p) => Object.hasOwn(fileIds, p.id)) || !parts.some((p) => shown.has(p.id))) return design;
  return withRenamedIds(design, (id) => shown.get(id) ?? id);
}

/** An answer as the file names it: the clicked components under the file's ids (a kind named stays as it is). */
export function answerInFileIds(given: string | readonly string[], fileIds: ShownIds['fileIds']): string | string[] {
  const file = (id: string) => (Object.hasOwn(fileIds, id) ? fileIds[id]! : id);
  return typeof given === 'string' ? file(given) : given.map(file);
}

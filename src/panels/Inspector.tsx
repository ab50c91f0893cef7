// Edit what is selected: a component's parameters (with units, ranges and defaults),
// a connection's mode and traffic split, or a zone's name.
import { useMemo, useState } from 'react';
import { useDesignStore } from '../store/designStore';
import { isMasked, MASKED_LABEL, useScenarioStore } from '../store/scenarioStore';
import { designContents } from '../model/format';
import { canBeOnCacheMiss, routeEdges } from '../model/routing';
import { getKindSpec, paramValue, validateParam, defaultParams } from '../model/catalog';
import { KindIcon, CATEGORY_COLOR } from '../canvas/icons';
import { NumberField } from './NumberField';
import { displayShortcut, IS_MAC } from './shortcuts';
import { EdgeResilienceEditor, NodeResilienceEditor } from './ResilienceEditor';
import type { DesignEdge, DesignGroup, DesignNode } from '../model/types';
import { sendsRequests } from '../model/traits';
import { connectionProblem } from '../model/connection-rules';

function TextField({ label, value, onCommit, testId }: { label: string; value: string; onCommit: (v: string) => void; testId?: string }) {
  return (
    <div className="field">
      <label>
        {label}
        <input
          key={value}
          type="text"
          defaultValue={value}
          data-testid={testId}
          onBlur={(e) => onCommit(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && onCommit(e.currentTarget.value)}
        />
      </label>
    </div>
  );
}

/** A component the scenario asks the learner to name: what it is stays hidden until they try. */
function MaskedInspector() {
  return (
    <div className="inspector-empty" data-testid="inspector-masked">
      <h2>{MASKED_LABEL}</h2>
      <p className="muted">Naming this component is a question in the scenario panel. Its kind, name and parameters show here once you have answered.</p>
    </div>
  );
}

function NodeInspector({ node }: { node: DesignNode }) {
  const spec = getKindSpec(node.kind);
  const setParam = useDesignStore((s) => s.setParam);
  const resetParam = useDesignStore((s) => s.resetParam);
  const renameNode = useDesignStore((s) => s.renameNode);
  const defaults = defaultParams(node.kind);
  return (
    <>
      <header className="inspector-head">
        <span className="inspector-icon" style={{ color: CATEGORY_COLOR[spec.category] }}>
          <KindIcon kind={node.kind} size={26} />
        </span>
        <div>
          <h2>{node.label}</h2>
          <p className="muted">{spec.label}</p>
        </div>
      </header>
      <TextField label="Name" value={node.label} onCommit={(v) => renameNode(node.id, v)} testId="inspector-name" />
      <details className="explanation" open>
        <summary>What is a {spec.label.toLowerCase()}?</summary>
        <p>{spec.explanation}</p>
      </details>
      <h3>Parameters</h3>
      {spec.params.map((p) => (
        <NumberField
          key={p.key}
          label={p.label}
          unit={p.unit}
          value={paramValue(node, p.key)}
          help={p.help}
          source={`Default ${p.default}${p.unit ? ` ${p.unit}` : ''}. Source: ${p.source}`}
          validate={(v) => validateParam(node.kind, p.key, v)}
          onCommit={(v) => setParam(node.id, p.key, v)}
          onReset={() => resetParam(node.id, p.key)}
          isDefault={paramValue(node, p.key) === defaults[p.key]}
          step={p.step ?? (p.integer ? 1 : undefined)}
          testId={`param-${p.key}`}
        />
      ))}
      {sendsRequests(node) ? null : <NodeResilienceEditor nodeId={node.id} value={node.resilience} />}
    </>
  );
}

function EdgeInspector({ edge }: { edge: DesignEdge }) {
  const updateEdge = useDesignStore((s) => s.updateEdge);
  const nodes = useDesignStore((s) => s.design.nodes);
  const design = useDesignStore((s) => s.design);
  const route = useMemo(() => routeEdges(design).get(edge.id), [design, edge.id]);
  const canOnMiss = useMemo(() => canBeOnCacheMiss(design, edge.id), [design, edge.id]);
  const session = useScenarioStore((s) => s.session);
  const name = (id: string) => (isMasked(session, id) ? MASKED_LABEL : (nodes.find((n) => n.id === id)?.label ?? id));
  // A message made a call must not close a loop of sync calls: the same rule as drawing one.
  const [refusal, setRefusal] = useState<{ edgeId: string; text: string } | null>(null);
  const setMode = (mode: DesignEdge['mode']) => {
    const problem = mode === 'sync' ? connectionProblem({ ...design, edges: design.edges.filter((e) => e.id !== edge.id) }, edge.source, edge.target, 'sync') : null;
    setRefusal(problem ? { edgeId: edge.id, text: problem } : null);
    if (!problem) updateEdge(edge.id, { mode });
  };
  return (
    <>
      <header className="inspector-head">
        <div>
          <h2>
            {name(edge.source)} → {name(edge.target)}
          </h2>
          <p className="muted">{edge.mode === 'sync' ? 'Synchronous call' : 'Asynchronous message'}</p>
        </div>
      </header>
      <fieldset className="field segmented">
        <legend>Kind of connection</legend>
        {(['sync', 'async'] as const).map((m) => (
          <label key={m} className={edge.mode === m ? 'on' : ''}>
            <input type="radio" name="edge-mode" value={m} checked={edge.mode === m} onChange={() => setMode(m)} />
            {m === 'sync' ? 'Sync call' : 'Async message'}
          </label>
        ))}
      </fieldset>
      {refusal?.edgeId === edge.id ? (
        <p className="connect-problem" role="alert" data-testid="edge-mode-refusal">
          {refusal.text}
        </p>
      ) : null}
      <p className="help">
        {edge.mode === 'sync'
          ? 'The caller waits for the answer, holding one of its workers the whole time: the callee’s delay becomes the caller’s delay.'
          : 'The caller hands off a message and moves on: the receiver’s load still counts, but its delay does not reach the caller.'}
      </p>
      <NumberField
        label={route?.branch ? 'Weight in the split' : 'Share of requests that take it'}
        unit="%"
        value={Math.round(edge.share * 1000) / 10}
        help={
          route?.branch
            ? `The caller sends each request to one of its targets, in proportion to these weights (equal weights split evenly): this one gets ${Math.round(route.take * 100)}% of requests.`
            : 'Out of every request reaching the caller, how many make this call (100% = all of them).'
        }
        validate={(v) => (v < 0 || v > 100 ? `The share must be from 0 to 100% (got ${v}).` : null)}
        onCommit={(v) => updateEdge(edge.id, { share: v / 100 })}
        step={5}
        testId="edge-share"
      />
      <NumberField
        label="Calls per request"
        unit="calls"
        value={edge.callsPerRequest}
        help="How many times the caller makes this call for one request that takes it (e.g. 3 image loads per page)."
        validate={(v) => (v < 0 || v > 1000 ? `Calls per request must be from 0 to 1000 (got ${v}).` : null)}
        onCommit={(v) => updateEdge(edge.id, { callsPerRequest: v })}
        step={1}
        testId="edge-calls"
      />
      {canOnMiss ? (
        <>
          <label className="setting">
            <input type="checkbox" checked={route?.onCacheMiss === true} onChange={(e) => updateEdge(edge.id, { onCacheMiss: e.target.checked ? undefined : false })} data-testid="edge-on-cache-miss" />
            Only on a cache miss
          </label>
          <p className="help">The caller asks its cache first and calls this store only when the cache misses (cache-aside). Untick it for writes, or when the cache holds other data.</p>
        </>
      ) : null}
      {edge.mode === 'sync' ? <EdgeResilienceEditor edgeId={edge.id} value={edge.resilience} /> : null}
    </>
  );
}

function GroupInspector({ group }: { group: DesignGroup }) {
  const renameGroup = useDesignStore((s) => s.renameGroup);
  const members = useDesignStore((s) => s.design.nodes.filter((n) => n.groupId === group.id).length);
  return (
    <>
      <header className="inspector-head">
        <div>
          <h2>{group.label}</h2>
          <p className="muted">{group.kind === 'zone' ? 'Availability zone' : 'Region'} · {members} components</p>
        </div>
      </header>
      <TextField label="Name" value={group.label} onCommit={(v) => renameGroup(group.id, v)} />
      <p className="help">
        {group.kind === 'zone'
          ? 'A zone is one data centre (or a few close together). Calls inside a zone take about 0.5 ms; across zones in a region about 1.5 ms. Losing a zone takes down everything in it.'
          : 'A region is a separate geography with its own zones. Calls between regions take tens of milliseconds, so keep synchronous chains inside one region.'}
      </p>
    </>
  );
}

/** welcome: shown above the design's summary while nothing is selected (the first visit's on-ramp offer). */
export function Inspector({ welcome = null }: { welcome?: React.ReactNode } = {}) {
  const design = useDesignStore((s) => s.design);
  const nodeIds = useDesignStore((s) => s.selectedNodeIds);
  const edgeIds = useDesignStore((s) => s.selectedEdgeIds);
  const session = useScenarioStore((s) => s.session);
  const count = nodeIds.length + edgeIds.length;
  let body: React.ReactNode;
  if (count === 1 && nodeIds.length === 1) {
    const node = design.nodes.find((n) => n.id === nodeIds[0]);
    const group = design.groups.find((g) => g.id === nodeIds[0]);
    body = node ? isMasked(session, node.id) ? <MaskedInspector /> : <NodeInspector key={node.id} node={node} /> : group ? <GroupInspector key={group.id} group={group} /> : null;
  } else if (count === 1) {
    const edge = design.edges.find((e) => e.id === edgeIds[0]);
    body = edge ? <EdgeInspector key={edge.id} edge={edge} /> : null;
  } else if (count > 1) {
    body = (
      <div className="inspector-empty">
        <h2>{count} items selected</h2>
        <p className="muted">Press G to put the selected components in a zone, Shift+G for a region, {displayShortcut('Mod+D', IS_MAC)} to duplicate, Delete to remove; with two components selected, C connects the first to the second.</p>
      </div>
    );
  }
  return (
    <div className="inspector-content">
      {body ?? (
        <div className="inspector-empty">
          {welcome}
          <h2>{design.name}</h2>
          <p className="muted">
            {designContents(design, ' · ')}
          </p>
          <p>Select a component to see what it is and change its parameters. Drag from the palette to add one; drag from a dot on any side of a component and drop it anywhere on another to connect them (or select one and press C).</p>
          <p className="muted">Press ? for keyboard shortcuts.</p>
        </div>
      )}
    </div>
  );
}

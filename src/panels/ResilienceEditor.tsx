// Resilience settings for the simulator, in the inspector: timeouts, retries and circuit breakers
// on sync calls; admission limits, load shedding, rate limits and autoscaling on components.
// An empty field means "off". Each change is one undo step.
import { useEffect, useId, useState } from 'react';
import { EDGE_SETTINGS as E, NODE_SETTINGS as N, settingProblem, type SettingSpec } from '../model/resilience';
import type { EdgeResilience, NodeResilience } from '../model/simulation-setup';
import { useDesignStore } from '../store/designStore';

interface OptionalFieldProps {
  /** Label, unit, range and help from src/model/resilience.ts. */
  spec: SettingSpec;
  value: number | undefined;
  onCommit: (value: number | undefined) => void;
}

/** A number that may be left empty (off). Invalid input is explained and not applied. */
function OptionalField({ spec, value, onCommit }: OptionalFieldProps) {
  const { label, unit, help } = spec;
  const [text, setText] = useState(value === undefined ? '' : String(value));
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  useEffect(() => {
    setText(value === undefined ? '' : String(value));
    setError(null);
  }, [value]);
  const commit = () => {
    const t = text.trim();
    if (t === '') {
      setError(null);
      if (value !== undefined) onCommit(undefined);
      return;
    }
    const n = Number(t);
    const outOfRange = settingProblem(spec, n);
    const problem = !Number.isFinite(n) ? `${label} needs a number (got “${t}”), or leave it empty for off.` : outOfRange ? `${outOfRange}.` : null;
    setError(problem);
    if (!problem && n !== value) onCommit(n);
  };
  return (
    <div className={`field compact${error ? ' invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <div className="field-row">
        <input id={id} type="text" inputMode="decimal" placeholder="off" value={text} onChange={(e) => setText(e.target.value)} onBlur={commit} onKeyDown={(e) => e.key === 'Enter' && commit()} aria-describedby={`${id}-h`} />
        <span className="unit">{unit}</span>
      </div>
      {error ? <p className="error" role="alert">{error}</p> : null}
      <p className="help" id={`${id}-h`}>{help}</p>
    </div>
  );
}

export function EdgeResilienceEditor({ edgeId, value }: { edgeId: string; value: EdgeResilience | undefined }) {
  const set = useDesignStore((s) => s.setEdgeResilience);
  const r = value ?? {};
  const patch = (p: Partial<EdgeResilience>) => {
    const next: EdgeResilience = { ...r, ...p };
    for (const k of Object.keys(next) as (keyof EdgeResilience)[]) if (next[k] === undefined) delete next[k];
    set(edgeId, next);
  };
  return (
    <details className="resilience" open={value !== undefined}>
      <summary>When things go wrong (simulation)</summary>
      <OptionalField spec={E.timeoutMs} value={r.timeoutMs} onCommit={(v) => patch({ timeoutMs: v })} />
      <OptionalField
        spec={E.maxRetries}
        value={r.retry?.maxRetries}
        onCommit={(v) => patch({ retry: v === undefined ? undefined : { ...(r.retry ?? {}), maxRetries: v } })}
      />
      {r.retry ? (
        <OptionalField
          spec={E.budgetRatio}
          value={r.retry.budgetRatio}
          onCommit={(v) => patch({ retry: { ...r.retry!, ...(v === undefined ? { budgetRatio: undefined } : { budgetRatio: v }) } })}
        />
      ) : null}
      <OptionalField
        spec={E.failureRatio}
        value={r.circuitBreaker?.failureRatio}
        onCommit={(v) => patch({ circuitBreaker: v === undefined ? undefined : { ...(r.circuitBreaker ?? {}), failureRatio: v } })}
      />
      <OptionalField spec={E.bulkheadCalls} value={r.bulkheadCalls} onCommit={(v) => patch({ bulkheadCalls: v })} />
    </details>
  );
}

export function NodeResilienceEditor({ nodeId, value }: { nodeId: string; value: NodeResilience | undefined }) {
  const set = useDesignStore((s) => s.setNodeResilience);
  const r = value ?? {};
  const patch = (p: Partial<NodeResilience>) => {
    const next: NodeResilience = { ...r, ...p };
    for (const k of Object.keys(next) as (keyof NodeResilience)[]) if (next[k] === undefined) delete next[k];
    set(nodeId, next);
  };
  return (
    <details className="resilience" open={value !== undefined}>
      <summary>When things go wrong (simulation)</summary>
      <OptionalField spec={N.maxInFlight} value={r.maxInFlight} onCommit={(v) => patch({ maxInFlight: v })} />
      <OptionalField spec={N.maxQueueWaitMs} value={r.maxQueueWaitMs} onCommit={(v) => patch({ maxQueueWaitMs: v })} />
      <OptionalField
        spec={N.rateLimitRps}
        value={r.rateLimit?.rps}
        onCommit={(v) => patch({ rateLimit: v === undefined ? undefined : { ...(r.rateLimit ?? {}), rps: v } })}
      />
      <OptionalField
        spec={N.maxInstances}
        value={r.autoscale?.maxInstances}
        onCommit={(v) => patch({ autoscale: v === undefined ? undefined : { ...(r.autoscale ?? {}), maxInstances: v } })}
      />
      {r.autoscale ? (
        <OptionalField
          spec={N.provisioningS}
          value={r.autoscale.provisioningS}
          onCommit={(v) => patch({ autoscale: { ...r.autoscale!, ...(v === undefined ? { provisioningS: undefined } : { provisioningS: v }) } })}
        />
      ) : null}
    </details>
  );
}

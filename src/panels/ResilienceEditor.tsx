// Resilience settings for the simulator, in the inspector: timeouts, retries and circuit breakers
// on sync calls; admission limits, load shedding, rate limits and autoscaling on components.
// An empty field means "off". Each change is one undo step.
import { useEffect, useId, useState } from 'react';
import type { EdgeResilience, NodeResilience } from '../model/simulation-setup';
import { useDesignStore } from '../store/designStore';

interface OptionalFieldProps {
  label: string;
  unit: string;
  value: number | undefined;
  min: number;
  max: number;
  integer?: boolean;
  help: string;
  onCommit: (value: number | undefined) => void;
}

/** A number that may be left empty (off). Invalid input is explained and not applied. */
function OptionalField({ label, unit, value, min, max, integer, help, onCommit }: OptionalFieldProps) {
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
    const problem = !Number.isFinite(n)
      ? `${label} needs a number (got “${t}”), or leave it empty for off.`
      : n < min || n > max || (integer && !Number.isInteger(n))
        ? `${label} must be ${integer ? 'a whole number ' : ''}from ${min} to ${max} ${unit}.`
        : null;
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
      <OptionalField label="Timeout" unit="ms" value={r.timeoutMs} min={1} max={600000} help="The caller stops waiting after this long and counts the call as failed. Off: it waits as long as it takes." onCommit={(v) => patch({ timeoutMs: v })} />
      <OptionalField
        label="Retries"
        unit="retries"
        value={r.retry?.maxRetries}
        min={0}
        max={10}
        integer
        help="Extra attempts after a failure or timeout, with exponential backoff and jitter. Retries add load exactly when the callee is struggling."
        onCommit={(v) => patch({ retry: v === undefined ? undefined : { ...(r.retry ?? {}), maxRetries: v } })}
      />
      {r.retry ? (
        <OptionalField
          label="Retry budget"
          unit="× calls"
          value={r.retry.budgetRatio}
          min={0}
          max={10}
          help="Most retries as a share of first attempts (0.1 = at most one retry per ten calls). Keeps a slowdown from turning into a retry storm."
          onCommit={(v) => patch({ retry: { ...r.retry!, ...(v === undefined ? { budgetRatio: undefined } : { budgetRatio: v }) } })}
        />
      ) : null}
      <OptionalField
        label="Circuit breaker opens at"
        unit="failed share"
        value={r.circuitBreaker?.failureRatio}
        min={0.01}
        max={1}
        help="When this share of recent calls fail, stop calling for a few seconds (fail fast), then let a few probe calls through."
        onCommit={(v) => patch({ circuitBreaker: v === undefined ? undefined : { ...(r.circuitBreaker ?? {}), failureRatio: v } })}
      />
      <OptionalField label="Bulkhead" unit="calls" value={r.bulkheadCalls} min={1} max={100000} integer help="Most calls in flight on this connection; more fail at once, so one slow dependency cannot take every worker." onCommit={(v) => patch({ bulkheadCalls: v })} />
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
      <OptionalField label="Admission limit" unit="requests" value={r.maxInFlight} min={1} max={10000000} integer help="Most requests in service plus waiting; more are turned away at once instead of queueing." onCommit={(v) => patch({ maxInFlight: v })} />
      <OptionalField label="Shed requests waiting over" unit="ms" value={r.maxQueueWaitMs} min={1} max={600000} help="A request that has waited this long is dropped: its caller has probably given up already." onCommit={(v) => patch({ maxQueueWaitMs: v })} />
      <OptionalField
        label="Rate limit"
        unit="req/s"
        value={r.rateLimit?.rps}
        min={0.001}
        max={1e9}
        help="Token bucket in front of the component: requests above this rate are refused."
        onCommit={(v) => patch({ rateLimit: v === undefined ? undefined : { ...(r.rateLimit ?? {}), rps: v } })}
      />
      <OptionalField
        label="Autoscale up to"
        unit="instances"
        value={r.autoscale?.maxInstances}
        min={1}
        max={1000}
        integer
        help="Adds instances when busy (target 60% utilization), up to this many. New instances take a minute to start: watch the lag."
        onCommit={(v) => patch({ autoscale: v === undefined ? undefined : { ...(r.autoscale ?? {}), maxInstances: v } })}
      />
      {r.autoscale ? (
        <OptionalField
          label="Instance start-up time"
          unit="s"
          value={r.autoscale.provisioningS}
          min={0}
          max={3600}
          help="From deciding to add an instance until it serves (default 60 s, typical for a VM; containers are faster)."
          onCommit={(v) => patch({ autoscale: { ...r.autoscale!, ...(v === undefined ? { provisioningS: undefined } : { provisioningS: v }) } })}
        />
      ) : null}
    </details>
  );
}

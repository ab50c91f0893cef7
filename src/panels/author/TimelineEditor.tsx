// The authoring form's timeline: traffic over time (steps, ramps, spikes, a daily cycle) and
// failures, both replayed by the simulator when a learner runs a fix scenario's simulated check.
import { FAILURE_SPECS } from '../../model/failures';
import { failureCanHit } from '../../model/traits';
import type { Design } from '../../model/types';
import { FailureParamInputs } from '../FailureParamInputs';
import { FAILURE_KINDS, type FailureKind } from '../../scenarios';
import { STEP_TIME, WORKLOAD_KINDS, WORKLOAD_SPECS, type WorkloadFieldSpec, type WorkloadKind } from '../../model/workloads';
import { SpecFieldInputs } from '../SpecFieldInputs';
import { failureTargetKind, newFailure, NEW_STEP, type FailureForm, type StepFieldKey, type StepForm } from './timelineForm';

function NumberInput({ label, value, onChange, unit, placeholder }: { label: string; value: string; onChange: (v: string) => void; unit?: string; placeholder?: string }) {
  return (
    <label className="inline-field">
      {label}
      <input inputMode="decimal" aria-label={label} value={value} placeholder={placeholder} onChange={(e) => onChange(e.target.value)} />
      {unit ? <span className="unit">{unit}</span> : null}
    </label>
  );
}

function targetsFor(kind: FailureKind, design: Design): { id: string; label: string }[] {
  const nodes = design.nodes.filter((n) => failureCanHit(kind, n.kind)).map((n) => ({ id: n.id, label: n.label }));
  const groups = design.groups.map((g) => ({ id: g.id, label: `${g.kind === 'region' ? 'Region' : 'Zone'} ${g.label}` }));
  const name = (id: string) => design.nodes.find((n) => n.id === id)?.label ?? id;
  const edges = design.edges.map((e) => ({ id: e.id, label: `${name(e.source)} → ${name(e.target)}` }));
  const what = failureTargetKind(kind);
  return what === 'group' ? groups : what === 'network' ? [...groups, ...edges] : nodes;
}

export interface TimelineEditorProps {
  design: Design;
  steps: StepForm[];
  failures: FailureForm[];
  onChange: (patch: { steps?: StepForm[]; failures?: FailureForm[] }) => void;
}

export function TimelineEditor({ design, steps, failures, onChange }: TimelineEditorProps) {
  const setStep = (i: number, patch: Partial<StepForm>) => onChange({ steps: steps.map((s, j) => (j === i ? { ...s, ...patch } : s)) });
  const setFailure = (i: number, patch: Partial<FailureForm>) => onChange({ failures: failures.map((f, j) => (j === i ? { ...f, ...patch } : f)) });
  const firstTarget = (kind: FailureKind) => targetsFor(kind, design)[0]?.id ?? '';

  return (
    <section className="timeline-editor" aria-labelledby="timeline-title">
      <h3 id="timeline-title">Traffic over time and failures</h3>
      <p className="muted">For the simulator. A fix scenario with a timeline is solved only when the learner’s design also passes it in simulation. Times are seconds from the start of the run; keep runs short, since every request is simulated.</p>
      <h4>Traffic over time</h4>
      {steps.length === 0 ? <p className="muted">Steady traffic at the scenario’s rate.</p> : null}
      {steps.map((s, i) => (
        <div key={i} className="author-item" data-testid="author-step">
          <select aria-label="Traffic shape" value={s.shape} onChange={(e) => setStep(i, { shape: e.target.value as WorkloadKind })}>
            {WORKLOAD_KINDS.map((kind) => <option key={kind} value={kind}>{WORKLOAD_SPECS[kind].label}</option>)}
          </select>
          <NumberInput label={STEP_TIME.label} value={s.atS} onChange={(v) => setStep(i, { atS: v })} unit={STEP_TIME.unit} />
          <SpecFieldInputs fields={WORKLOAD_SPECS[s.shape].stepFields as readonly WorkloadFieldSpec<StepFieldKey>[]} value={(key) => s[key]} onChange={(key, text) => setStep(i, { [key]: text })} />
          <button type="button" className="icon-button" aria-label={`Remove traffic step ${i + 1}`} onClick={() => onChange({ steps: steps.filter((_, j) => j !== i) })}>✕</button>
        </div>
      ))}
      <button type="button" onClick={() => onChange({ steps: [...steps, NEW_STEP] })}>Add traffic change</button>
      <h4>Failures</h4>
      {failures.length === 0 ? <p className="muted">No failures.</p> : null}
      {failures.map((f, i) => {
        const options = targetsFor(f.kind, design);
        return (
          <div key={i} className="author-item" data-testid="author-failure">
            <select aria-label="Failure" value={f.kind} onChange={(e) => { const kind = e.target.value as FailureKind; setFailure(i, { kind, target: targetsFor(kind, design).some((t) => t.id === f.target) ? f.target : firstTarget(kind) }); }}>
              {FAILURE_KINDS.map((k) => <option key={k} value={k}>{FAILURE_SPECS[k].label}</option>)}
            </select>
            <select aria-label="Failure target" value={f.target} onChange={(e) => setFailure(i, { target: e.target.value })}>
              {options.length === 0 ? <option value="">nothing to choose in this design</option> : null}
              {options.map((t) => <option key={t.id} value={t.id}>{t.label}</option>)}
            </select>
            <NumberInput label="at" value={f.atS} onChange={(v) => setFailure(i, { atS: v })} unit="s" />
            <NumberInput label="for" value={f.durationS} onChange={(v) => setFailure(i, { durationS: v })} unit="s" />
            <FailureParamInputs kind={f.kind} value={(key) => f.params[key]} onChange={(key, text) => setFailure(i, { params: { ...f.params, [key]: text } })} />
            <button type="button" className="icon-button" aria-label={`Remove failure ${i + 1}`} onClick={() => onChange({ failures: failures.filter((_, j) => j !== i) })}>✕</button>
          </div>
        );
      })}
      <button type="button" onClick={() => onChange({ failures: [...failures, newFailure(firstTarget('crash'))] })}>Add failure</button>
    </section>
  );
}

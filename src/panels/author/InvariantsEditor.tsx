// The authoring form's fix mode: the work any answer must still do, as paths from where requests
// start to where they must arrive. Empty: the check keeps the starting design's work (every
// client still reaching each store and outside service it reaches now); "Start from the starting
// design's work" lists those paths to edit.
import type { ComponentKind, Design } from '../../model/types';
import { CATALOG } from '../../model/catalog';
import { COMPONENT_KINDS } from '../../model/types';
import { startingWorkInvariants } from '../../scenarios';
import { invariantToForm, type InvariantForm } from './authorExtrasForm';
import { useUndoableRemove } from './useUndoableRemove';

type Option<T extends string> = { value: T; label: string };

const KIND_OPTIONS: Option<ComponentKind>[] = COMPONENT_KINDS.map((k) => ({ value: k, label: CATALOG[k].label }));

/** A labelled list to pick several from (components, or kinds of component). */
function MultiSelect<T extends string>({ label, ariaLabel = label, options, value, onChange }: { label: string; ariaLabel?: string; options: Option<T>[]; value: T[]; onChange: (value: T[]) => void }) {
  return (
    <label>
      {label}
      <select multiple size={3} aria-label={ariaLabel} value={value} onChange={(e) => onChange([...e.currentTarget.selectedOptions].map((o) => o.value as T))}>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </label>
  );
}

export function InvariantsEditor({ design, invariants, onChange }: { design: Design; invariants: InvariantForm[]; onChange: (invariants: InvariantForm[]) => void }) {
  const { remove, notice } = useUndoableRemove(invariants, onChange, 'work to keep');
  const setAt = (i: number, patch: Partial<InvariantForm>) => onChange(invariants.map((f, j) => (j === i ? { ...f, ...patch } : f)));
  const first = design.nodes[0]?.id;
  const components: Option<string>[] = design.nodes.map((n) => ({ value: n.id, label: n.label || n.id }));
  return (
    <section data-testid="author-invariants">
      <h3>Work any answer must still do</h3>
      <p className="help">
        Checked before any figure: a learner’s design that drops this work fails with your message. {invariants.length === 0 ? 'None listed: the check keeps the starting design’s work (each client still reaches every store and outside service it reaches now, as often).' : ''}
      </p>
      {invariants.map((f, i) => (
        <div key={i} className="author-item invariant" data-testid="author-invariant">
          <MultiSelect label="From" options={components} value={f.from} onChange={(from) => setAt(i, { from })} />
          <MultiSelect label="Must reach" options={components} value={f.to} onChange={(to) => setAt(i, { to })} />
          <MultiSelect label="or any" ariaLabel="Or any component of the kinds" options={KIND_OPTIONS} value={f.toKinds} onChange={(toKinds) => setAt(i, { toKinds })} />
          <label>
            Least share (%)
            <input inputMode="decimal" aria-label="Least share arriving (%)" placeholder="any" value={f.sharePercent} onChange={(e) => setAt(i, { sharePercent: e.target.value })} />
          </label>
          <label>
            Least calls per request
            <input inputMode="decimal" aria-label="Least calls per request" placeholder="any" value={f.calls} onChange={(e) => setAt(i, { calls: e.target.value })} />
          </label>
          <label className="check">
            <input type="checkbox" checked={f.cacheAnswers} onChange={(e) => setAt(i, { cacheAnswers: e.target.checked })} />a cache on the way answers for it (reads)
          </label>
          <label className="check">
            <input type="checkbox" checked={f.together} onChange={(e) => setAt(i, { together: e.target.checked })} />all starting components reach the same one
          </label>
          <input className="wide" aria-label="What is lost when this path is broken" placeholder="What is lost when the path is broken, e.g. the text reminders are no longer sent" maxLength={300} value={f.message} onChange={(e) => setAt(i, { message: e.target.value })} />
          <button type="button" className="icon-button" aria-label={`Remove work to keep ${i + 1}`} onClick={() => remove(i)}>✕</button>
        </div>
      ))}
      {notice}
      <div className="dialog-actions left">
        <button type="button" disabled={first === undefined} onClick={() => first !== undefined && onChange([...invariants, { from: [first], to: [], toKinds: [], sharePercent: '', calls: '', cacheAnswers: false, together: false, message: '' }])}>
          Add work to keep
        </button>
        <button type="button" onClick={() => onChange([...invariants, ...startingWorkInvariants(design).map(invariantToForm)])}>
          Start from the starting design’s work
        </button>
      </div>
    </section>
  );
}

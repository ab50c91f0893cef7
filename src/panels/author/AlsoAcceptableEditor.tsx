// The authoring form's critique mode, after the answer key: sound findings that are not the point
// of the review. A learner who pins one earns half a key item's credit and loses nothing.
import { categoryWords, CRITIQUE_CATEGORIES, type CritiqueCategory } from '../../scenarios';
import type { AlsoAcceptableForm } from './authorExtrasForm';
import { useUndoableRemove } from './useUndoableRemove';

/** Where a finding is (a component or connection, by its label) and what kind of problem it is: a key item's and an also-acceptable one's first two fields. */
export function FindingPlace({ target, category, targets, onChange }: { target: string; category: CritiqueCategory; targets: readonly { id: string; label: string }[]; onChange: (patch: { target?: string; category?: CritiqueCategory }) => void }) {
  return (
    <>
      <select aria-label="Target" value={target} onChange={(e) => onChange({ target: e.target.value })}>
        {targets.map((t) => <option key={t.id} value={t.id}>{t.label}</option>)}
      </select>
      <select aria-label="Category" value={category} onChange={(e) => onChange({ category: e.target.value as CritiqueCategory })}>
        {CRITIQUE_CATEGORIES.map((c) => <option key={c} value={c}>{categoryWords(c)}</option>)}
      </select>
    </>
  );
}

export function AlsoAcceptableEditor({ items, targets, onChange }: { items: AlsoAcceptableForm[]; targets: readonly { id: string; label: string }[]; onChange: (items: AlsoAcceptableForm[]) => void }) {
  const { remove, notice } = useUndoableRemove(items, onChange, 'also-acceptable finding');
  const setAt = (i: number, patch: Partial<AlsoAcceptableForm>) => onChange(items.map((f, j) => (j === i ? { ...f, ...patch } : f)));
  return (
    <section data-testid="author-also-acceptable">
      <h3>Also acceptable</h3>
      <p className="help">Findings that hold but are not the point of this review: each earns half the credit of a key item, and costs nothing.</p>
      {items.map((f, i) => (
        <div key={i} className="author-item" data-testid="author-also-item">
          <FindingPlace target={f.target} category={f.category} targets={targets} onChange={(patch) => setAt(i, patch)} />
          <input aria-label="Why it holds" placeholder="Why it holds, and why it is not the point of this review" value={f.explanation} onChange={(e) => setAt(i, { explanation: e.target.value })} />
          <button type="button" className="icon-button" aria-label={`Remove also-acceptable finding ${i + 1}`} onClick={() => remove(i)}>✕</button>
        </div>
      ))}
      {notice}
      <button type="button" disabled={targets.length === 0} onClick={() => targets[0] && onChange([...items, { target: targets[0].id, category: 'single-point-of-failure', explanation: '' }])}>
        Add also-acceptable finding
      </button>
    </section>
  );
}

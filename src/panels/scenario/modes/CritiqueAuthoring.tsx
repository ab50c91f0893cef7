// The authoring form's critique part: the answer key (what a review must find, each on a
// component or connection), suggested from the structural checks, and the findings that are also
// acceptable.
import { findStructuralIssues, SEVERITIES, type CritiqueCategory, type Severity } from '../../../scenarios';
import { AlsoAcceptableEditor, FindingPlace } from '../../author/AlsoAcceptableEditor';
import { alsoAcceptableFromForm, alsoAcceptableProblems, type AlsoAcceptableForm } from '../../author/authorExtrasForm';
import type { ModeAuthoring } from './authorTypes';

interface KeyForm {
  target: string;
  category: CritiqueCategory;
  severity: Severity;
  explanation: string;
}

export interface CritiqueForm {
  key: KeyForm[];
  alsoAcceptable: AlsoAcceptableForm[];
}

export const critiqueAuthoring: ModeAuthoring<'critique', CritiqueForm> = {
  option: 'Critique: find the problems',
  empty: { key: [], alsoAcceptable: [] },
  editor({ form, set, ctx }) {
    const { targets } = ctx;
    const setAt = (i: number, patch: Partial<KeyForm>) => set({ key: form.key.map((x, j) => (j === i ? { ...x, ...patch } : x)) });
    const suggest = () => {
      const found = findStructuralIssues(ctx.design).map((f) => ({ target: f.target, category: f.category, severity: 'medium' as Severity, explanation: f.message }));
      set({ key: [...form.key, ...found.filter((f) => !form.key.some((k) => k.target === f.target && k.category === f.category))] });
    };
    return (
      <>
        <section>
          <h3>Answer key</h3>
          {form.key.map((k, i) => (
            <div key={i} className="author-item">
              <FindingPlace target={k.target} category={k.category} targets={targets} onChange={(patch) => setAt(i, patch)} />
              <select aria-label="Severity" value={k.severity} onChange={(e) => setAt(i, { severity: e.target.value as Severity })}>
                {SEVERITIES.map((s) => <option key={s}>{s}</option>)}
              </select>
              <input aria-label="Explanation" placeholder="Why it is a problem, what would fix it" value={k.explanation} onChange={(e) => setAt(i, { explanation: e.target.value })} />
              <button type="button" className="icon-button" aria-label={`Remove key item ${i + 1}`} onClick={() => set({ key: form.key.filter((_, j) => j !== i) })}>✕</button>
            </div>
          ))}
          <div className="dialog-actions left">
            <button type="button" onClick={() => targets[0] && set({ key: [...form.key, { target: targets[0].id, category: 'bottleneck', severity: 'medium', explanation: '' }] })}>Add key item</button>
            <button type="button" onClick={suggest}>Suggest from the structural checks</button>
          </div>
        </section>
        <AlsoAcceptableEditor items={form.alsoAcceptable} targets={targets} onChange={(alsoAcceptable) => set({ alsoAcceptable })} />
      </>
    );
  },
  problems: (form, ctx) => alsoAcceptableProblems(form.alsoAcceptable, form.key, (id) => ctx.targets.find((t) => t.id === id)?.label),
  draft: async (form) => ({ ok: true, draft: { key: form.key, alsoAcceptable: form.alsoAcceptable.map(alsoAcceptableFromForm) } }),
};

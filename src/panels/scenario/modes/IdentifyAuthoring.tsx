// The authoring form's identify part: questions that ask the learner to click a component, or to
// name its kind (with a second kind that also counts).
import { CATALOG } from '../../../model/catalog';
import { sendsRequests } from '../../../model/traits';
import { COMPONENT_KINDS, type ComponentKind } from '../../../model/types';
import type { ModeAuthoring } from './authorTypes';

interface QuestionForm {
  type: 'click' | 'naming';
  prompt: string;
  nodeId: string;
  kinds: ComponentKind[];
  explanation: string;
}

export interface IdentifyForm {
  questions: QuestionForm[];
}

export const identifyAuthoring: ModeAuthoring<'identify', IdentifyForm> = {
  option: 'Identify: name the parts',
  empty: { questions: [] },
  editor({ form, set, ctx }) {
    // Clients send the requests; the questions are about what serves them.
    const components = ctx.design.nodes.filter((n) => !sendsRequests(n));
    const setAt = (i: number, patch: Partial<QuestionForm>) => set({ questions: form.questions.map((x, j) => (j === i ? { ...x, ...patch } : x)) });
    return (
      <section>
        <h3>Questions</h3>
        {form.questions.map((q, i) => (
          <div key={i} className="author-item">
            <select aria-label="Question type" value={q.type} onChange={(e) => setAt(i, { type: e.target.value as QuestionForm['type'] })}>
              <option value="click">Click the component</option>
              <option value="naming">Name the component</option>
            </select>
            <select aria-label="Answer" value={q.nodeId} onChange={(e) => { const n = ctx.design.nodes.find((x) => x.id === e.target.value); setAt(i, { nodeId: e.target.value, kinds: n ? [n.kind] : q.kinds }); }}>
              {components.map((n) => <option key={n.id} value={n.id}>{n.label}</option>)}
            </select>
            {q.type === 'naming' ? (
              <select aria-label="Also accept" value={q.kinds[1] ?? ''} onChange={(e) => setAt(i, { kinds: [q.kinds[0]!, ...(e.target.value ? [e.target.value as ComponentKind] : [])] })}>
                <option value="">accept only its own kind</option>
                {COMPONENT_KINDS.map((k) => <option key={k} value={k}>also accept {CATALOG[k].label}</option>)}
              </select>
            ) : null}
            <input aria-label="Prompt" placeholder="What the learner is asked" value={q.prompt} onChange={(e) => setAt(i, { prompt: e.target.value })} />
            <input aria-label="Explanation" placeholder="Explanation shown after answering" value={q.explanation} onChange={(e) => setAt(i, { explanation: e.target.value })} />
            <button type="button" className="icon-button" aria-label={`Remove question ${i + 1}`} onClick={() => set({ questions: form.questions.filter((_, j) => j !== i) })}>✕</button>
          </div>
        ))}
        <button type="button" onClick={() => components[0] && set({ questions: [...form.questions, { type: 'click', prompt: '', nodeId: components[0].id, kinds: [components[0].kind], explanation: '' }] })}>Add question</button>
      </section>
    );
  },
  draft: async (form) => ({
    ok: true,
    draft: { questions: form.questions.map((q) => ({ prompt: q.prompt, explanation: q.explanation, answer: q.type === 'click' ? { nodeIds: [q.nodeId] } : { nodeId: q.nodeId, acceptedKinds: q.kinds } })) },
  }),
};

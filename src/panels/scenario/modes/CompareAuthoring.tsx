// The authoring form's compare part: design B and the questions (CompareEditor), made into the
// draft with design B loaded from the saved designs.
import { loadDesign } from '../../../store/persistence';
import { CompareEditor, type CompareForm } from '../../author/CompareEditor';
import type { ModeAuthoring } from './authorTypes';

export const compareAuthoring: ModeAuthoring<'compare', CompareForm> = {
  option: 'Compare: two designs side by side',
  empty: { designBId: '', labelA: '', labelB: '', compareQuestions: [], takeaway: '' },
  editor: ({ form, set, ctx }) => <CompareEditor form={form} designs={ctx.designs} currentId={ctx.design.id} onChange={set} />,
  async draft(form) {
    const designB = form.designBId ? await loadDesign(form.designBId) : null;
    if (!designB) return { ok: false, problem: 'Choose design B: a saved design to compare with the one on the canvas (it needs the same clients).' };
    const labels = { a: form.labelA.trim() || 'A', b: form.labelB.trim() || 'B' };
    const questions = form.compareQuestions.map((q) => ({ prompt: q.prompt, answer: q.answer, explanation: q.explanation, ...(q.metric ? { metric: q.metric } : {}) }));
    return { ok: true, draft: { designB, labels, questions, takeaway: form.takeaway } };
  },
};

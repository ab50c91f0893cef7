// The authoring form's compare mode: design B (a saved design; design A is the one on the
// canvas), the two labels, questions whose answer is A or B (optionally decided by a figure the
// check confirms), and the takeaway shown at the end.
import type { DesignSummary } from '../../store/persistence';
import { COMPARE_METRICS, compareMetricLabel, type CompareMetric, type DesignSide } from '../../scenarios';

export interface CompareQuestionForm {
  prompt: string;
  answer: DesignSide;
  metric: CompareMetric | '';
  explanation: string;
}

export interface CompareForm {
  designBId: string;
  labelA: string;
  labelB: string;
  compareQuestions: CompareQuestionForm[];
  takeaway: string;
}

export function CompareEditor({ form, designs, currentId, onChange }: { form: CompareForm; designs: DesignSummary[]; currentId: string; onChange: (patch: Partial<CompareForm>) => void }) {
  const setQuestion = (i: number, patch: Partial<CompareQuestionForm>) => onChange({ compareQuestions: form.compareQuestions.map((q, j) => (j === i ? { ...q, ...patch } : q)) });
  return (
    <section>
      <h3>The two designs</h3>
      <div className="author-grid">
        <label>Label of A (the design on the canvas)<input value={form.labelA} onChange={(e) => onChange({ labelA: e.target.value })} placeholder="Monolith" maxLength={80} data-testid="author-label-a" /></label>
        <label>Label of B<input value={form.labelB} onChange={(e) => onChange({ labelB: e.target.value })} placeholder="Microservices" maxLength={80} data-testid="author-label-b" /></label>
        <label className="wide">Design B (a saved design with the same clients)
          <select value={form.designBId} onChange={(e) => onChange({ designBId: e.target.value })} data-testid="author-design-b">
            <option value="">Choose a design…</option>
            {designs.filter((d) => d.id !== currentId).map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
          </select>
        </label>
      </div>
      <h3>Questions</h3>
      {form.compareQuestions.map((q, i) => (
        <div key={i} className="author-item" data-testid="author-compare-question">
          <input aria-label="Prompt" placeholder="Which design answers faster at peak?" value={q.prompt} onChange={(e) => setQuestion(i, { prompt: e.target.value })} />
          <select aria-label="Answer" value={q.answer} onChange={(e) => setQuestion(i, { answer: e.target.value as DesignSide })}>
            <option value="a">A: {form.labelA || 'design A'}</option>
            <option value="b">B: {form.labelB || 'design B'}</option>
          </select>
          <select aria-label="Decided by" value={q.metric} onChange={(e) => setQuestion(i, { metric: e.target.value as CompareMetric | '' })}>
            <option value="">decided by judgement</option>
            {COMPARE_METRICS.map((m) => <option key={m} value={m}>decided by {compareMetricLabel(m)}</option>)}
          </select>
          <input aria-label="Explanation" placeholder="Shown after answering" value={q.explanation} onChange={(e) => setQuestion(i, { explanation: e.target.value })} />
          <button type="button" className="icon-button" aria-label={`Remove question ${i + 1}`} onClick={() => onChange({ compareQuestions: form.compareQuestions.filter((_, j) => j !== i) })}>✕</button>
        </div>
      ))}
      <button type="button" onClick={() => onChange({ compareQuestions: [...form.compareQuestions, { prompt: '', answer: 'a', metric: '', explanation: '' }] })}>Add question</button>
      <label className="block">Takeaway (shown when the learner has answered)<textarea rows={2} value={form.takeaway} onChange={(e) => onChange({ takeaway: e.target.value })} data-testid="author-takeaway" /></label>
    </section>
  );
}

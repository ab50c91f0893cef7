// Authoring a scenario from the design on the canvas: story, targets, questions or answer key,
// checked exactly as `scenario check` checks the bundled ones, then previewed as a learner,
// exported as YAML, or shared as a link. The form is kept in the browser between visits.
import { useMemo, useState } from 'react';
import { Dialog } from '../Dialog';
import { useDesignStore } from '../../store/designStore';
import { usePersistentState } from '../usePersistentState';
import { downloadText } from '../files';
import { loadDesign, type DesignSummary } from '../../store/persistence';
import { CATALOG } from '../../model/catalog';
import { COMPONENT_KINDS, type ComponentKind } from '../../model/types';
import {
  CHECK_NAMES,
  CRITIQUE_CATEGORIES,
  DIFFICULTIES,
  OBJECTIVES,
  OBJECTIVE_LABEL,
  SEVERITIES,
  categoryWords,
  describeTimeline,
  hasTimeline,
  simulatedSelfCheckIssues,
  draftScenario,
  formatDuration,
  encodeScenarioLink,
  findStructuralIssues,
  scenarioSlug,
  scenarioToYaml,
  validateDraft,
  type CheckName,
  type CritiqueCategory,
  type Difficulty,
  type Objective,
  type Scenario,
  type ScenarioDraftMeta,
  type Severity,
} from '../../scenarios';
import { simPool } from '../simulation/simPool';
import { useRunProgress } from '../useRunProgress';
import { CompareEditor, type CompareForm } from './CompareEditor';
import { TimelineEditor } from './TimelineEditor';
import { failureFromForm, stepFromForm, type FailureForm, type StepForm } from './timelineForm';
import { sendsRequests } from '../../model/traits';
import { AlsoAcceptableEditor } from './AlsoAcceptableEditor';
import { InvariantsEditor } from './InvariantsEditor';
import { alsoAcceptableFromForm, alsoAcceptableProblems, invariantFromForm, invariantProblems, monthFromForm, monthProblems, type AlsoAcceptableForm, type InvariantForm } from './authorExtrasForm';

interface QuestionForm {
  type: 'click' | 'naming';
  prompt: string;
  nodeId: string;
  kinds: ComponentKind[];
  explanation: string;
}
interface KeyForm {
  target: string;
  category: CritiqueCategory;
  severity: Severity;
  explanation: string;
}
interface AuthorForm extends CompareForm {
  title: string;
  summary: string;
  difficulty: Difficulty;
  minutes: number;
  objectives: Objective[];
  mode: 'identify' | 'critique' | 'fix' | 'compare';
  story: string;
  hints: string;
  trafficRps: string;
  p99LatencyMs: string;
  availability: string;
  errorRate: string;
  monthlyCostUsd: string;
  steps: StepForm[];
  failures: FailureForm[];
  questions: QuestionForm[];
  key: KeyForm[];
  checks: CheckName[];
  solutionId: string;
  invariants: InvariantForm[];
  alsoAcceptable: AlsoAcceptableForm[];
  busyHoursPerMonth: string;
  quietRps: string;
}

const EMPTY: AuthorForm = {
  title: '',
  summary: '',
  difficulty: 'beginner',
  minutes: 15,
  objectives: [],
  mode: 'critique',
  story: '',
  hints: '',
  trafficRps: '',
  p99LatencyMs: '',
  availability: '',
  errorRate: '',
  monthlyCostUsd: '',
  steps: [],
  failures: [],
  questions: [],
  key: [],
  checks: ['p99LatencyMs', 'capacity'],
  solutionId: '',
  invariants: [],
  alsoAcceptable: [],
  busyHoursPerMonth: '',
  quietRps: '',
  designBId: '',
  labelA: '',
  labelB: '',
  compareQuestions: [],
  takeaway: '',
};

const pool = simPool();
const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const num = (s: string) => (s.trim() === '' || !Number.isFinite(Number(s)) ? undefined : Number(s));

export interface AuthorDialogProps {
  open: boolean;
  onClose: () => void;
  designs: DesignSummary[];
  onPreview: (scenario: Scenario) => void;
  onFlash: (text: string) => void;
}

const FIX_FIRST = 'Fix the problems the check found first; any change to the form lets you try again.';

export function AuthorDialog({ open, onClose, designs, onPreview, onFlash }: AuthorDialogProps) {
  const design = useDesignStore((s) => s.design);
  const [saved, setForm] = usePersistentState<AuthorForm>('author-draft', EMPTY);
  // A draft kept from before the form had some fields gets their empty values.
  const form: AuthorForm = { ...EMPTY, ...saved };
  const [result, setResult] = useState<{ ok: boolean; lines: string[]; scenario?: Scenario; yaml?: string; link?: string } | null>(null);
  const simRuns = useRunProgress();
  const simProgress = simRuns.progress;
  const [simLines, setSimLines] = useState<{ ok: boolean; lines: string[] } | null>(null);
  const cancelSimulation = () => simRuns.cancel(pool.cancel);
  // After a failed check, preview, export and share wait for a change to the form (any change clears the result).
  const failed = result !== null && !result.ok;
  const set = (patch: Partial<AuthorForm>) => {
    setForm({ ...form, ...patch });
    setResult(null);
    setSimLines(null);
    if (simProgress !== null) cancelSimulation();
  };

  /** The slow half of `scenario check --simulate`: the reference solution and the starting design through the timeline. */
  const checkInSimulator = async (scenario: Scenario) => {
    if (scenario.mode !== 'fix') return;
    const job = simRuns.start();
    setSimLines(null);
    try {
      const reference = await pool.grade(scenario, scenario.solution, (done) => job.progress(done / 2));
      if (!job.current()) return;
      const start = await pool.grade(scenario, scenario.design, (done) => job.progress(0.5 + done / 2));
      if (!job.current()) return;
      const issues = simulatedSelfCheckIssues(reference, start);
      const failing = start.checks.filter((c) => c.verdict !== 'pass').map((c) => c.label);
      setSimLines(
        issues.length > 0
          ? { ok: false, lines: issues.map((i) => capitalized(i.message)) }
          : { ok: true, lines: [`In the simulator, the reference solution passes every check through the timeline, and the starting design does not (${failing.join(', ')}).`] },
      );
    } catch (e) {
      if (job.current()) setSimLines({ ok: false, lines: [`The simulation could not run: ${e instanceof Error ? e.message : String(e)}`] });
    } finally {
      job.finish();
    }
  };
  const components = design.nodes.filter((n) => !sendsRequests(n));
  const targets = useMemo(() => [...design.nodes.map((n) => ({ id: n.id, label: n.label })), ...design.edges.map((e) => ({ id: e.id, label: `${design.nodes.find((n) => n.id === e.source)?.label ?? e.source} → ${design.nodes.find((n) => n.id === e.target)?.label ?? e.target}` }))], [design]);

  const build = async () => {
    // The form's own checks first, in the author's words, naming components by their labels.
    const formProblems = [
      ...monthProblems(form),
      ...(form.mode === 'fix' ? invariantProblems(form.invariants, design) : []),
      ...(form.mode === 'critique' ? alsoAcceptableProblems(form.alsoAcceptable, form.key, (id) => targets.find((t) => t.id === id)?.label) : []),
    ];
    if (formProblems.length > 0) {
      setResult({ ok: false, lines: formProblems });
      return null;
    }
    const requirements = { trafficRps: num(form.trafficRps), p99LatencyMs: num(form.p99LatencyMs), availability: num(form.availability), errorRate: num(form.errorRate), monthlyCostUsd: num(form.monthlyCostUsd) };
    const base = {
      id: scenarioSlug(form.title) || 'my-scenario',
      title: form.title,
      summary: form.summary,
      difficulty: form.difficulty,
      estimatedMinutes: form.minutes,
      objectives: form.objectives,
      story: form.story,
      hints: form.hints.split('\n').filter((h) => h.trim()),
      requirements,
      overTime: form.steps.map(stepFromForm),
      failures: form.failures.map(failureFromForm),
      ...monthFromForm(form),
    };
    let meta: ScenarioDraftMeta;
    if (form.mode === 'identify') {
      meta = { ...base, mode: 'identify', questions: form.questions.map((q) => ({ prompt: q.prompt, explanation: q.explanation, answer: q.type === 'click' ? { nodeIds: [q.nodeId] } : { nodeId: q.nodeId, acceptedKinds: q.kinds } })) };
    } else if (form.mode === 'critique') {
      meta = { ...base, mode: 'critique', key: form.key, alsoAcceptable: form.alsoAcceptable.map(alsoAcceptableFromForm) };
    } else if (form.mode === 'compare') {
      const designB = form.designBId ? await loadDesign(form.designBId) : null;
      if (!designB) {
        setResult({ ok: false, lines: ['Choose design B: a saved design to compare with the one on the canvas (it needs the same clients).'] });
        return null;
      }
      const labels = { a: form.labelA.trim() || 'A', b: form.labelB.trim() || 'B' };
      const questions = form.compareQuestions.map((q) => ({ prompt: q.prompt, answer: q.answer, explanation: q.explanation, ...(q.metric ? { metric: q.metric } : {}) }));
      meta = { ...base, mode: 'compare', designB, labels, questions, takeaway: form.takeaway };
    } else {
      const solution = form.solutionId ? await loadDesign(form.solutionId) : null;
      if (!solution) {
        setResult({ ok: false, lines: ['Choose the reference solution: a saved design that meets the targets (the design on the canvas is the starting point).'] });
        return null;
      }
      meta = { ...base, mode: 'fix', checks: form.checks, solution, invariants: form.invariants.map(invariantFromForm) };
    }
    const file = draftScenario(design, meta);
    const checked = validateDraft(file);
    if (!checked.ok) {
      setResult({ ok: false, lines: checked.problems });
      return null;
    }
    const timeline = form.steps.length + form.failures.length > 0 ? describeTimeline(checked.scenario) : null;
    const replay = timeline ? [`The simulator replays: ${timeline.lines.join('; ')}. One run is ${formatDuration(timeline.durationS)} with about ${Math.round(timeline.requests).toLocaleString('en-US')} requests.`] : [];
    const out = { ok: true, lines: ['The scenario passes every check: ready to preview, export or share.', ...replay], scenario: checked.scenario, yaml: scenarioToYaml(file), link: `${location.href.split('#')[0]}${encodeScenarioLink(file)}` };
    setResult(out);
    return out;
  };

  return (
    <Dialog title="Author a scenario from this design" open={open} onClose={onClose} wide>
      <form className="author" onSubmit={(e) => { e.preventDefault(); void build(); }}>
        <p className="muted">The design on the canvas ({design.name}, {design.nodes.length} components) is the scenario’s starting design. Write the story and what the learner must do; Check runs the same checks as <code>npm run scenario -- check</code>.</p>
        <div className="author-grid">
          <label>Title<input value={form.title} onChange={(e) => set({ title: e.target.value })} required maxLength={120} data-testid="author-title" /></label>
          <label>Mode
            <select value={form.mode} onChange={(e) => set({ mode: e.target.value as AuthorForm['mode'] })} data-testid="author-mode">
              <option value="identify">Identify: name the parts</option>
              <option value="critique">Critique: find the problems</option>
              <option value="fix">Fix: meet the targets</option>
              <option value="compare">Compare: two designs side by side</option>
            </select>
          </label>
          <label className="wide">Summary<input value={form.summary} onChange={(e) => set({ summary: e.target.value })} maxLength={300} data-testid="author-summary" /></label>
          <label>Difficulty<select value={form.difficulty} onChange={(e) => set({ difficulty: e.target.value as Difficulty })}>{DIFFICULTIES.map((d) => <option key={d}>{d}</option>)}</select></label>
          <label>Minutes<input type="number" min={1} max={240} value={form.minutes} onChange={(e) => set({ minutes: Math.max(1, Number(e.target.value) || 1) })} /></label>
          <fieldset className="wide objectives">
            <legend>Learning objectives</legend>
            {OBJECTIVES.map((o) => (
              <label key={o}><input type="checkbox" checked={form.objectives.includes(o)} onChange={(e) => set({ objectives: e.target.checked ? [...form.objectives, o] : form.objectives.filter((x) => x !== o) })} />{OBJECTIVE_LABEL[o]}</label>
            ))}
          </fieldset>
          <label className="wide">Story (plain text; blank line between paragraphs, “- ” for list items)<textarea rows={5} value={form.story} onChange={(e) => set({ story: e.target.value })} data-testid="author-story" /></label>
          <label className="wide">Hints (one per line)<textarea rows={2} value={form.hints} onChange={(e) => set({ hints: e.target.value })} /></label>
          <label>Traffic (req/s)<input value={form.trafficRps} onChange={(e) => set({ trafficRps: e.target.value })} placeholder="design’s own" /></label>
          <label>p99 target (ms)<input value={form.p99LatencyMs} onChange={(e) => set({ p99LatencyMs: e.target.value })} placeholder="none" /></label>
          <label>Availability target<input value={form.availability} onChange={(e) => set({ availability: e.target.value })} placeholder="e.g. 0.999" /></label>
          <label>Error rate target<input value={form.errorRate} onChange={(e) => set({ errorRate: e.target.value })} placeholder="e.g. 0.001" /></label>
          <label>Cost limit (USD/month)<input value={form.monthlyCostUsd} onChange={(e) => set({ monthlyCostUsd: e.target.value })} placeholder="none" /></label>
          <label title="For the monthly cost: per-request charges follow this traffic for these hours, and the quiet traffic for the rest of the month (machines are paid all month).">Busy hours a month<input value={form.busyHoursPerMonth} onChange={(e) => set({ busyHoursPerMonth: e.target.value })} placeholder="all month (730)" inputMode="decimal" data-testid="author-busy-hours" /></label>
          <label title="Requests a second of all clients together outside the busy hours, for the monthly cost.">Quiet rate (req/s)<input value={form.quietRps} onChange={(e) => set({ quietRps: e.target.value })} placeholder="0" inputMode="decimal" data-testid="author-quiet-rps" /></label>
        </div>

        {form.mode === 'identify' ? (
          <section>
            <h3>Questions</h3>
            {form.questions.map((q, i) => (
              <div key={i} className="author-item">
                <select aria-label="Question type" value={q.type} onChange={(e) => set({ questions: form.questions.map((x, j) => (j === i ? { ...x, type: e.target.value as QuestionForm['type'] } : x)) })}>
                  <option value="click">Click the component</option>
                  <option value="naming">Name the component</option>
                </select>
                <select aria-label="Answer" value={q.nodeId} onChange={(e) => { const n = design.nodes.find((x) => x.id === e.target.value); set({ questions: form.questions.map((x, j) => (j === i ? { ...x, nodeId: e.target.value, kinds: n ? [n.kind] : x.kinds } : x)) }); }}>
                  {components.map((n) => <option key={n.id} value={n.id}>{n.label}</option>)}
                </select>
                {q.type === 'naming' ? (
                  <select aria-label="Also accept" value={q.kinds[1] ?? ''} onChange={(e) => set({ questions: form.questions.map((x, j) => (j === i ? { ...x, kinds: [x.kinds[0]!, ...(e.target.value ? [e.target.value as ComponentKind] : [])] } : x)) })}>
                    <option value="">accept only its own kind</option>
                    {COMPONENT_KINDS.map((k) => <option key={k} value={k}>also accept {CATALOG[k].label}</option>)}
                  </select>
                ) : null}
                <input aria-label="Prompt" placeholder="What the learner is asked" value={q.prompt} onChange={(e) => set({ questions: form.questions.map((x, j) => (j === i ? { ...x, prompt: e.target.value } : x)) })} />
                <input aria-label="Explanation" placeholder="Explanation shown after answering" value={q.explanation} onChange={(e) => set({ questions: form.questions.map((x, j) => (j === i ? { ...x, explanation: e.target.value } : x)) })} />
                <button type="button" className="icon-button" aria-label={`Remove question ${i + 1}`} onClick={() => set({ questions: form.questions.filter((_, j) => j !== i) })}>✕</button>
              </div>
            ))}
            <button type="button" onClick={() => components[0] && set({ questions: [...form.questions, { type: 'click', prompt: '', nodeId: components[0].id, kinds: [components[0].kind], explanation: '' }] })}>Add question</button>
          </section>
        ) : null}

        {form.mode === 'critique' ? (
          <section>
            <h3>Answer key</h3>
            {form.key.map((k, i) => (
              <div key={i} className="author-item">
                <select aria-label="Target" value={k.target} onChange={(e) => set({ key: form.key.map((x, j) => (j === i ? { ...x, target: e.target.value } : x)) })}>
                  {targets.map((t) => <option key={t.id} value={t.id}>{t.label}</option>)}
                </select>
                <select aria-label="Category" value={k.category} onChange={(e) => set({ key: form.key.map((x, j) => (j === i ? { ...x, category: e.target.value as CritiqueCategory } : x)) })}>
                  {CRITIQUE_CATEGORIES.map((c) => <option key={c} value={c}>{categoryWords(c)}</option>)}
                </select>
                <select aria-label="Severity" value={k.severity} onChange={(e) => set({ key: form.key.map((x, j) => (j === i ? { ...x, severity: e.target.value as Severity } : x)) })}>
                  {SEVERITIES.map((s) => <option key={s}>{s}</option>)}
                </select>
                <input aria-label="Explanation" placeholder="Why it is a problem, what would fix it" value={k.explanation} onChange={(e) => set({ key: form.key.map((x, j) => (j === i ? { ...x, explanation: e.target.value } : x)) })} />
                <button type="button" className="icon-button" aria-label={`Remove key item ${i + 1}`} onClick={() => set({ key: form.key.filter((_, j) => j !== i) })}>✕</button>
              </div>
            ))}
            <div className="dialog-actions left">
              <button type="button" onClick={() => targets[0] && set({ key: [...form.key, { target: targets[0].id, category: 'bottleneck', severity: 'medium', explanation: '' }] })}>Add key item</button>
              <button
                type="button"
                onClick={() => {
                  const found = findStructuralIssues(design).map((f) => ({ target: f.target, category: f.category, severity: 'medium' as Severity, explanation: f.message }));
                  set({ key: [...form.key, ...found.filter((f) => !form.key.some((k) => k.target === f.target && k.category === f.category))] });
                }}
              >
                Suggest from the structural checks
              </button>
            </div>
          </section>
        ) : null}
        {form.mode === 'critique' ? <AlsoAcceptableEditor items={form.alsoAcceptable} targets={targets} onChange={(alsoAcceptable) => set({ alsoAcceptable })} /> : null}

        {form.mode === 'fix' ? (
          <section>
            <h3>Checks the learner’s design must pass</h3>
            <div className="objectives">
              {CHECK_NAMES.map((c) => (
                <label key={c}><input type="checkbox" checked={form.checks.includes(c)} onChange={(e) => set({ checks: e.target.checked ? [...form.checks, c] : form.checks.filter((x) => x !== c) })} />{c}</label>
              ))}
            </div>
            <p className="help" data-testid="author-fix-needs">
              A fix scenario needs two designs: the one on the canvas, where the learner starts, and a reference solution that meets the targets, kept under Designs.
              {designs.some((d) => d.id !== design.id) ? ' Choose it below.' : ' You have no other saved design yet: open Designs, duplicate this one, change the copy until it meets the targets, then come back here.'}
            </p>
            <label className="block">Reference solution (a saved design that meets the targets)
              <select value={form.solutionId} onChange={(e) => set({ solutionId: e.target.value })}>
                <option value="">Choose a design…</option>
                {designs.filter((d) => d.id !== design.id).map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
              </select>
            </label>
          </section>
        ) : null}
        {form.mode === 'fix' ? <InvariantsEditor design={design} invariants={form.invariants} onChange={(invariants) => set({ invariants })} /> : null}

        {form.mode === 'compare' ? <CompareEditor form={form} designs={designs} currentId={design.id} onChange={set} /> : null}

        <TimelineEditor design={design} steps={form.steps} failures={form.failures} onChange={(patch) => set(patch)} />

        {result ? (
          <div className={`explain ${result.ok ? 'good' : 'bad'}`} role={result.ok ? 'status' : 'alert'} data-testid="author-result">
            <ul className="notice-lines">{result.lines.map((l, i) => <li key={i}>{l}</li>)}</ul>
            {result.scenario?.mode === 'fix' && hasTimeline(result.scenario) ? (
              simProgress === null ? (
                <button type="button" onClick={() => void checkInSimulator(result.scenario!)} data-testid="author-sim-check">
                  Check the timeline in the simulator (slow)
                </button>
              ) : (
                <div className="sim-progress" role="status">
                  <progress max={1} value={simProgress} aria-label="Simulated check progress" />
                  <span>{Math.round(simProgress * 100)}%</span>
                  <button type="button" onClick={cancelSimulation}>Cancel</button>
                </div>
              )
            ) : null}
          </div>
        ) : null}
        {simLines ? (
          <div className={`explain ${simLines.ok ? 'good' : 'bad'}`} role={simLines.ok ? 'status' : 'alert'} data-testid="author-sim-result">
            <ul className="notice-lines">{simLines.lines.map((l, i) => <li key={i}>{l}</li>)}</ul>
          </div>
        ) : null}
        <div className="dialog-actions">
          <button type="button" onClick={() => { setForm(EMPTY); setResult(null); }}>Clear form</button>
          <button type="submit">Check</button>
          <button type="button" disabled={failed} title={failed ? FIX_FIRST : undefined} onClick={() => void build().then((r) => r?.scenario && onPreview(r.scenario))}>Preview as learner</button>
          <button type="button" disabled={failed} title={failed ? FIX_FIRST : undefined} onClick={() => void build().then((r) => r?.yaml && downloadText(`${r.scenario!.id}.yaml`, r.yaml, 'application/yaml'))}>Export YAML</button>
          <button
            type="button"
            disabled={failed}
            title={failed ? FIX_FIRST : undefined}
            className="primary"
            onClick={() =>
              void build().then((r) => {
                if (!r?.link) return;
                void navigator.clipboard?.writeText(r.link).then(
                  () => onFlash('Scenario link copied.'),
                  () => onFlash('Copy failed: the link is in the check result.'),
                );
                setResult({ ...r, lines: [...r.lines, `Share link: ${r.link.length.toLocaleString('en-US')} characters.`] });
              })
            }
          >
            Copy share link
          </button>
        </div>
      </form>
    </Dialog>
  );
}

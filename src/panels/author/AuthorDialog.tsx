// Authoring a scenario from the design on the canvas: story, targets, questions or answer key,
// checked exactly as `scenario check` checks the bundled ones, then previewed as a learner,
// exported as YAML, or shared as a link. The form is kept in the browser between visits.
import { useMemo, useState } from 'react';
import { Dialog } from '../Dialog';
import { useDesignStore } from '../../store/designStore';
import { usePersistentState } from '../usePersistentState';
import { downloadText } from '../files';
import type { DesignSummary } from '../../store/persistence';
import {
  DIFFICULTIES,
  OBJECTIVES,
  OBJECTIVE_LABEL,
  describeTimeline,
  draftScenario,
  formatDuration,
  encodeScenarioLink,
  scenarioSlug,
  scenarioToYaml,
  validateDraft,
  type Difficulty,
  type Objective,
  type Scenario,
  type ScenarioDraftMeta,
} from '../../scenarios';
import { AUTHORED_MODES, emptyModeForms, MODE_AUTHORING, modeAuthoring, type AuthoredMode, type ModeForms } from '../scenario/modes/authoring';
import type { AuthorContext } from '../scenario/modes/authorTypes';
import { TimelineEditor } from './TimelineEditor';
import { failureFromForm, stepFromForm, type FailureForm, type StepForm } from './timelineForm';
import { monthFromForm, monthProblems } from './authorExtrasForm';

/** The common fields, and every authored mode's (scenario/modes/authoring.ts): switching mode keeps what was typed. */
type AuthorForm = ModeForms & {
  title: string;
  summary: string;
  difficulty: Difficulty;
  minutes: number;
  objectives: Objective[];
  mode: AuthoredMode;
  story: string;
  hints: string;
  trafficRps: string;
  p99LatencyMs: string;
  availability: string;
  errorRate: string;
  monthlyCostUsd: string;
  steps: StepForm[];
  failures: FailureForm[];
  busyHoursPerMonth: string;
  quietRps: string;
};

const EMPTY: AuthorForm = {
  ...emptyModeForms(),
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
  busyHoursPerMonth: '',
  quietRps: '',
};

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
  // A draft kept from before the form had some fields gets their empty values (and one whose mode the form no longer offers, the first).
  const form: AuthorForm = { ...EMPTY, ...saved, mode: AUTHORED_MODES.includes(saved.mode) ? saved.mode : EMPTY.mode };
  const [result, setResult] = useState<{ ok: boolean; lines: string[]; scenario?: Scenario; yaml?: string; link?: string } | null>(null);
  // After a failed check, preview, export and share wait for a change to the form (any change clears the result).
  const failed = result !== null && !result.ok;
  const set = (patch: Partial<AuthorForm>) => {
    setForm({ ...form, ...patch });
    setResult(null);
  };
  const targets = useMemo(() => [...design.nodes.map((n) => ({ id: n.id, label: n.label })), ...design.edges.map((e) => ({ id: e.id, label: `${design.nodes.find((n) => n.id === e.source)?.label ?? e.source} → ${design.nodes.find((n) => n.id === e.target)?.label ?? e.target}` }))], [design]);
  const ctx: AuthorContext = { design, designs, targets };
  const part = modeAuthoring(form.mode);

  const build = async () => {
    // The form's own checks first, in the author's words, naming components by their labels.
    const formProblems = [...monthProblems(form), ...(part.problems?.(form, ctx) ?? [])];
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
    const drafted = await part.draft(form, ctx);
    if (!drafted.ok) {
      setResult({ ok: false, lines: [drafted.problem] });
      return null;
    }
    // The mode's part gives that mode's draft: the pair is one of ScenarioDraftMeta's members.
    const meta = { ...base, mode: form.mode, ...drafted.draft } as ScenarioDraftMeta;
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
              {AUTHORED_MODES.map((m) => <option key={m} value={m}>{MODE_AUTHORING[m].option}</option>)}
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

        {part.editor({ form, set, ctx })}

        <TimelineEditor design={design} steps={form.steps} failures={form.failures} onChange={(patch) => set(patch)} />

        {result ? (
          <div className={`explain ${result.ok ? 'good' : 'bad'}`} role={result.ok ? 'status' : 'alert'} data-testid="author-result">
            <ul className="notice-lines">{result.lines.map((l, i) => <li key={i}>{l}</li>)}</ul>
          </div>
        ) : null}
        {result?.scenario ? modeAuthoring(result.scenario.mode)?.checked?.({ scenario: result.scenario }) : null}
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

// A class's submissions for one scenario, graded together: one row per learner (score, what
// they got, attempts), the scenario's objectives with the class's results, and the items most
// missed, as CSV for a gradebook and as a self-contained HTML page. A file that could not be
// graded keeps its row with the reason, so one bad file never hides the others.
import { modeSpec, type Grade, type GradedItem } from './modes';
import type { Scenario } from './types';
import { formatShare } from '../model/format';

/** One file of the class: graded, or the one-line reason it could not be. */
export type ClassEntry = { file: string; learner: string | null; grade: Grade } | { file: string; learner: string | null; error: string };

export type { GradedItem };

export interface LearnerRow {
  file: string;
  learner: string;
  /** 0..1; null when the file could not be graded. */
  score: number | null;
  /** Fix: every check passes (and the story's work is kept); other modes: full marks. */
  complete: boolean;
  /** Tries in all (identify records them; one per question elsewhere). */
  attempts: number | null;
  items: GradedItem[];
  error: string | null;
}

export interface ItemSummary {
  id: string;
  label: string;
  /** Learners who got it, of those graded. */
  got: number;
  graded: number;
}

export interface ClassReport {
  scenarioId: string;
  title: string;
  rows: LearnerRow[];
  /** Every item, most missed first. */
  items: ItemSummary[];
  objectives: { objective: string; meanScore: number | null }[];
  graded: number;
  failed: number;
  meanScore: number | null;
}

/** What the learner was asked for, item by item, from their grade. */
export function gradedItems(scenario: Scenario, grade: Grade): GradedItem[] {
  if (grade.mode !== scenario.mode) return [];
  return modeSpec(scenario.mode).gradedItems(scenario, grade);
}

const mean = (xs: number[]) => (xs.length > 0 ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

export function classReport(scenario: Scenario, entries: readonly ClassEntry[]): ClassReport {
  const rows = entries.map((e): LearnerRow => {
    const learner = e.learner?.trim() || e.file.replace(/^.*[\\/]/, '').replace(/\.json$/i, '');
    if ('error' in e) return { file: e.file, learner, score: null, complete: false, attempts: null, items: [], error: e.error };
    const { score, complete } = modeSpec(e.grade.mode).scoreOf(e.grade);
    return { file: e.file, learner, score, complete, attempts: modeSpec(e.grade.mode).attemptsOf(e.grade), items: gradedItems(scenario, e.grade), error: null };
  });
  const graded = rows.filter((r) => r.error === null);
  const first = graded[0]?.items ?? [];
  const items = first
    .map((item): ItemSummary => ({ id: item.id, label: item.label, got: graded.filter((r) => r.items.some((x) => x.id === item.id && x.passed)).length, graded: graded.length }))
    .sort((a, b) => a.got - b.got);
  const meanScore = mean(graded.map((r) => r.score!));
  return {
    scenarioId: scenario.id,
    title: scenario.title,
    rows,
    items,
    // One scenario: every objective it teaches shows the class's score on it.
    objectives: scenario.objectives.map((objective) => ({ objective, meanScore })),
    graded: graded.length,
    failed: rows.length - graded.length,
    meanScore,
  };
}

// ---- CSV ----------------------------------------------------------------------------------

/** A CSV cell: quoted when needed, and a leading = + - @ defused so a spreadsheet never runs it as a formula. */
function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function classReportCsv(report: ClassReport): string {
  const itemIds = report.items.map((i) => i.id);
  const order = [...itemIds].sort();
  const header = ['learner', 'file', 'score_percent', 'complete', 'attempts', ...order, 'error'];
  const lines = [header.map(csvCell).join(',')];
  for (const r of report.rows) {
    const cells = order.map((id) => {
      const item = r.items.find((x) => x.id === id);
      return item ? (item.passed ? 1 : 0) : null;
    });
    lines.push([r.learner, r.file, r.score === null ? null : Math.round(r.score * 1000) / 10, r.error ? null : r.complete ? 'yes' : 'no', r.attempts, ...cells, r.error].map(csvCell).join(','));
  }
  return `${lines.join('\n')}\n`;
}

// ---- HTML ---------------------------------------------------------------------------------

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const pct = (x: number | null) => (x === null ? '—' : formatShare(x));

export function classReportHtml(report: ClassReport): string {
  const e = escapeHtml;
  const learnerRows = report.rows
    .map((r) =>
      r.error
        ? `<tr class="error"><td>${e(r.learner)}</td><td>${e(r.file)}</td><td colspan="4">Not graded: ${e(r.error)}</td></tr>`
        : `<tr><td>${e(r.learner)}</td><td>${e(r.file)}</td><td>${pct(r.score)}</td><td>${r.complete ? 'yes' : 'no'}</td><td>${r.attempts ?? '—'}</td><td>${e(r.items.filter((i) => !i.passed).map((i) => i.label).join('; ') || 'nothing')}</td></tr>`,
    )
    .join('\n');
  const itemRows = report.items.map((i) => `<tr><td>${e(i.label)}</td><td>${i.got} of ${i.graded}</td><td>${i.graded - i.got}</td></tr>`).join('\n');
  const objectiveRows = report.objectives.map((o) => `<tr><td>${e(o.objective)}</td><td>${pct(o.meanScore)}</td></tr>`).join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Class report: ${e(report.title)}</title>
<style>
body { font: 14px/1.45 system-ui, sans-serif; margin: 2em; color: #0f172a; }
table { border-collapse: collapse; margin: 0.5em 0 1.5em; }
th, td { border: 1px solid #cbd5e1; padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f1f5f9; }
tr.error td { background: #fef2f2; color: #7f1d1d; }
</style>
</head>
<body>
<h1>Class report: ${e(report.title)}</h1>
<p>Scenario <code>${e(report.scenarioId)}</code>: ${report.graded} submission${report.graded === 1 ? '' : 's'} graded, ${report.failed} not graded; class average ${pct(report.meanScore)}.</p>
<h2>Learners</h2>
<table>
<thead><tr><th>Learner</th><th>File</th><th>Score</th><th>Complete</th><th>Attempts</th><th>Missed</th></tr></thead>
<tbody>
${learnerRows}
</tbody>
</table>
<h2>Objectives</h2>
<table>
<thead><tr><th>Objective</th><th>Class average</th></tr></thead>
<tbody>
${objectiveRows}
</tbody>
</table>
<h2>Most missed</h2>
<table>
<thead><tr><th>Item</th><th>Got it</th><th>Missed by</th></tr></thead>
<tbody>
${itemRows}
</tbody>
</table>
</body>
</html>
`;
}

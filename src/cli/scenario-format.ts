// Plain-text output of `scenario check` and `scenario grade` for the terminal.
import {
  critiqueReportMarkdown,
  type CheckReport,
  formatCompareFigure,
  type CompareGrade,
  type CritiqueScenario,
  type FixGrade,
  type FixScenario,
  type Grade,
  hasTimeline,
  type SimulatedFixGrade,
  type IdentifyGrade,
  type Scenario,
} from '../scenarios';
import { formatTable } from './format-table';
import { formatShare } from '../model/format';

export function formatCheckReport(report: CheckReport, files: readonly string[]): string {
  const lines: string[] = [];
  for (const file of files) {
    const failures = report.failures.filter((f) => f.file === file);
    if (failures.length === 0) {
      lines.push(`ok    ${file}`);
      continue;
    }
    lines.push(`FAIL  ${file}`);
    for (const f of failures) lines.push(`      ${f.message}`);
  }
  const failed = report.scenarios - report.passed;
  lines.push('', `${report.scenarios} scenario${report.scenarios === 1 ? '' : 's'}: ${report.passed} passed${failed > 0 ? `, ${failed} failed` : ''}`);
  return lines.join('\n');
}

const percent = (x: number) => formatShare(x);
const verdict = (correct: boolean) => (correct ? 'right' : 'wrong');

function formatIdentify(grade: IdentifyGrade): string {
  const lines = [`Score: ${grade.correct} of ${grade.total} (${percent(grade.score)})`, ''];
  for (const r of grade.results) {
    lines.push(`${verdict(r.correct)}  ${r.questionId}: ${r.prompt}`);
    lines.push(`       expected ${r.expected.join(', ')}; you gave ${r.given === null ? 'no answer' : r.given.join(', ') || 'nothing'}`);
    lines.push(`       ${r.explanation}`);
  }
  return lines.join('\n');
}

function formatFix(grade: FixGrade): string {
  const headline = grade.passed ? 'PASSED: the design meets every check.' : grade.invariants.length > 0 ? 'NOT YET: the design no longer does what the story needs, so no figure counts.' : 'NOT YET: the design misses at least one check.';
  const lines = [headline, ''];
  for (const problem of grade.problems) lines.push(`problem  ${problem}`);
  for (const broken of grade.invariants) lines.push(`BROKEN  ${broken.message}`);
  for (const c of grade.checks) lines.push(`${c.passed ? 'pass' : 'FAIL'}  ${c.label}: ${c.detail}`);
  if (grade.explanation) lines.push('', grade.explanation.text);
  if (grade.hints.length > 0) lines.push('', 'Worth a look:', ...grade.hints.map((h) => `- ${h.message}`));
  return lines.join('\n');
}

const SIM_VERDICT: Record<SimulatedFixGrade['checks'][number]['verdict'], string> = { pass: 'pass', fail: 'FAIL', 'too-close': 'CLOSE' };

/** The steady grade, then the simulated check as the app shows it, then the app's verdict. */
export function formatSimulatedFix(scenario: FixScenario, grade: FixGrade, simulated: SimulatedFixGrade, solved: boolean): string {
  const lines = [formatFix(grade), '', `Under the scenario's traffic and failures (simulated, ${simulated.replications} runs, seeds ${simulated.seeds.join(', ')}):`];
  for (const problem of simulated.problems) lines.push(`problem  ${problem}`);
  for (const c of simulated.checks) lines.push(`${SIM_VERDICT[c.verdict]}  ${c.label}: ${c.detail}`);
  const what = hasTimeline(scenario) ? 'the steady checks and the simulated check' : 'the steady checks (with no timeline the simulated check is for information)';
  lines.push('', `${solved ? 'SOLVED' : 'NOT SOLVED'} (the app's verdict: ${what} must pass).`);
  return lines.join('\n');
}

function formatCompare(grade: CompareGrade): string {
  const lines: string[] = [];
  const c = grade.comparison;
  if (c.ok) {
    lines.push(
      formatTable(
        ['measure', c.labels.a, c.labels.b, 'better'],
        c.rows.map((r) => [r.label, formatCompareFigure(r, r.a), formatCompareFigure(r, r.b), r.better === 'same' ? 'same' : c.labels[r.better]]),
      ),
      '',
    );
  } else {
    lines.push(...c.problems, '');
  }
  if (grade.total > 0) {
    lines.push(`Score: ${grade.correct} of ${grade.total} (${percent(grade.score)})`);
    for (const r of grade.results) lines.push(`${verdict(r.correct)}  ${r.questionId}: ${r.prompt} (expected ${r.expected}; you gave ${r.given ?? 'no answer'})`, `       ${r.explanation}`);
    lines.push('');
  }
  lines.push(grade.takeaway.trim());
  return lines.join('\n');
}

export function formatGrade(scenario: Scenario, grade: Grade): string {
  switch (grade.mode) {
    case 'identify':
      return formatIdentify(grade);
    case 'critique':
      return critiqueReportMarkdown(scenario as CritiqueScenario, grade);
    case 'fix':
      return formatFix(grade);
    case 'compare':
      return formatCompare(grade);
  }
}

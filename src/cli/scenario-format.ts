// Plain-text output of `scenario check` and `scenario grade` for the terminal.
import { formatSimulatedFix, modeSpec, type CheckReport, type Grade, type Scenario } from '../scenarios';

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

/** A grade in words: the mode's own text (modes/<mode>/index.ts). */
export function formatGrade(scenario: Scenario, grade: Grade): string {
  return modeSpec(scenario.mode).gradeText(scenario, grade);
}

export { formatSimulatedFix };

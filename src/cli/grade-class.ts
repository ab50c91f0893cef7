// `scenario grade <scenario> <folder>`: every .json submission in the folder graded against the
// scenario, a CSV and an HTML report written, and one line per file that could not be graded
// (the batch goes on). The grading is the same as for one submission.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { classReport, classReportCsv, classReportHtml, gradeSubmission, parseSubmission, type ClassEntry, type Scenario } from '../scenarios';
import { CliError, parseJsonText, readTextFile } from './cli-error';

const SUBMISSION_FILE = /\.json$/i;

function gradeFile(scenario: Scenario, path: string, file: string): ClassEntry {
  try {
    const parsed = parseSubmission(parseJsonText(readTextFile(path), path));
    if (!parsed.ok) return { file, learner: null, error: parsed.error };
    const graded = gradeSubmission(scenario, parsed.submission);
    const learner = parsed.submission.learner ?? null;
    return graded.ok ? { file, learner, grade: graded.grade } : { file, learner, error: graded.error };
  } catch (e) {
    if (e instanceof CliError) return { file, learner: null, error: e.message };
    throw e;
  }
}

export interface ClassGradeResult {
  text: string;
  /** One line per file not graded, for stderr. */
  problems: string[];
}

export function gradeClass(scenario: Scenario, folder: string, outFolder: string, json: boolean): ClassGradeResult {
  const files = readdirSync(folder)
    .filter((name) => SUBMISSION_FILE.test(name))
    .sort();
  if (files.length === 0) throw new CliError(`"${folder}" has no submission files (.json)`);
  const report = classReport(
    scenario,
    files.map((name) => gradeFile(scenario, join(folder, name), name)),
  );
  const csvPath = join(outFolder, `${scenario.id}-class-report.csv`);
  const htmlPath = join(outFolder, `${scenario.id}-class-report.html`);
  try {
    writeFileSync(csvPath, classReportCsv(report));
    writeFileSync(htmlPath, classReportHtml(report));
  } catch (e) {
    throw new CliError(`cannot write the class report in "${outFolder}": ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  const problems = report.rows.filter((r) => r.error !== null).map((r) => `not graded: ${r.file}: ${r.error}`);
  const mean = report.meanScore === null ? '—' : `${Math.round(report.meanScore * 100)}%`;
  const text = json
    ? JSON.stringify({ ...report, csv: csvPath, html: htmlPath }, null, 2)
    : [`${report.graded} of ${report.rows.length} submissions graded for "${scenario.id}"; class average ${mean}`, `wrote ${csvPath}`, `wrote ${htmlPath}`].join('\n');
  return { text, problems };
}

// A graded critique as a Markdown report the learner can keep or share. Scenario and learner
// text is escaped so it always reads as the words written, never as markup or HTML.
import type { CritiqueGrade } from './grade';
import { targetName } from '../../target-name';
import type { CritiqueScenario } from '../../types';
import { canonicalCategory, categoryWords } from '../../vocabulary';
import { formatShare } from '../../../model/format';

export { targetName };

/**
 * Text as it was written: Markdown and HTML characters escaped, and every kind of line break (LF,
 * CR alone, CRLF, U+2028, U+2029, NEL, form feed, vertical tab) turned into a space, so a text can
 * never start a line of its own and with it a heading, list, quote or code fence.
 */
export function markdownText(text: string): string {
  return text
    .replace(/\s*(?:\r\n|[\n\r\u2028\u2029\u0085\v\f])\s*/g, ' ')
    .replace(/[\\`*_[\]<>|#~]/g, (c) => `\\${c}`)
    .trim()
    .replace(/^[-+=]/, '\\$&')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

const percent = (x: number) => formatShare(x);

/** "found 3 of 7 problems in the key and 1 more that is also sound; 4 of 6 findings hold". */
export function critiqueScoreWords(grade: CritiqueGrade): string {
  const also = grade.alsoFound > 0 ? ` and ${grade.alsoFound} more that ${grade.alsoFound === 1 ? 'is' : 'are'} also sound` : '';
  const held = grade.found + grade.alsoFound;
  const counted = held + grade.wrong;
  return `found ${grade.found} of ${grade.total} problems in the key${also}; ${held} of ${counted} finding${counted === 1 ? '' : 's'} hold${counted === 1 ? 's' : ''}`;
}

export function critiqueReportMarkdown(scenario: CritiqueScenario, grade: CritiqueGrade): string {
  const name = (id: string) => markdownText(targetName(scenario.design, id));
  const lines: string[] = [`# Critique: ${markdownText(scenario.title)}`, ''];
  lines.push(`Score **${percent(grade.score)}**: ${critiqueScoreWords(grade)}.`);
  const rated = grade.matched.filter((m) => m.severityRight !== null).length;
  if (rated > 0) lines.push(`Severity agreed with the key for ${grade.severityRight} of ${rated} (score with severity bonus: ${percent(grade.scoreWithSeverity)}).`);
  lines.push('');

  lines.push('## Found', '');
  if (grade.matched.length === 0) lines.push('None yet.');
  for (const { item, finding, severityRight } of grade.matched) {
    const severity = finding.severity === undefined ? `key: ${item.severity}` : severityRight ? `${item.severity}, as in the key` : `you said ${finding.severity}, key says ${item.severity}`;
    lines.push(`- **${name(item.target)}**: ${categoryWords(item.category)} (${severity}). ${markdownText(item.explanation)}`);
    if (finding.note) lines.push(`  - Your note: ${markdownText(finding.note)}`);
    for (const line of finding.evidence ?? []) lines.push(`  - Evidence: ${markdownText(line)}`);
  }
  lines.push('');

  lines.push('## Missed', '');
  if (grade.missed.length === 0) lines.push('Nothing: every problem in the key was found.');
  for (const item of grade.missed) lines.push(`- **${name(item.target)}**: ${categoryWords(item.category)} (${item.severity}). ${markdownText(item.explanation)}`);
  lines.push('');

  if (grade.acceptable.length > 0) {
    lines.push('## Also sound', '');
    for (const { item, finding } of grade.acceptable) {
      lines.push(`- **${name(finding.target)}**: ${categoryWords(item.category)}. ${markdownText(item.explanation)}`);
      if (finding.note) lines.push(`  - Your note: ${markdownText(finding.note)}`);
    }
    lines.push('');
  }

  if (grade.extras.length > 0) {
    lines.push('## Other findings', '');
    for (const { finding, why, costs } of grade.extras) {
      const category = canonicalCategory(finding.category);
      const what = category ? categoryWords(category) : markdownText(finding.category);
      lines.push(`- **${name(finding.target)}**: ${what}${costs ? ' (counts against the score)' : ''}. ${markdownText(why)}`);
      if (finding.note) lines.push(`  - Your note: ${markdownText(finding.note)}`);
      for (const line of finding.evidence ?? []) lines.push(`  - Evidence: ${markdownText(line)}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

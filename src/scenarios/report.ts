// A graded critique as a Markdown report the learner can keep or share. Scenario and learner
// text is escaped so it always reads as the words written, never as markup or HTML.
import type { Design } from '../model/types';
import type { CritiqueGrade, ExtraReason } from './grade';
import type { CritiqueScenario } from './types';
import { canonicalCategory, categoryWords } from './vocabulary';

/** Text as it was written: Markdown and HTML characters escaped, line breaks kept as spaces. */
export function markdownText(text: string): string {
  return text
    .replace(/\s*\n\s*/g, ' ')
    .replace(/[\\`*_[\]<>|#]/g, (c) => `\\${c}`)
    .trim();
}

/** "Orders DB", or "Checkout → Payments" for a connection, or the id itself when unknown. */
export function targetName(design: Design, id: string): string {
  const node = design.nodes.find((n) => n.id === id);
  if (node) return node.label || node.id;
  const edge = design.edges.find((e) => e.id === id);
  if (!edge) return id;
  const end = (nodeId: string) => design.nodes.find((n) => n.id === nodeId)?.label || nodeId;
  return edge.label ? `${edge.label} (${end(edge.source)} → ${end(edge.target)})` : `${end(edge.source)} → ${end(edge.target)}`;
}

const EXTRA_REASONS: Record<ExtraReason, string> = {
  'unknown-category': 'not a category this exercise knows',
  'unknown-target': 'no component or connection with that id',
  'not-in-key': 'not one of the problems this exercise is about',
  duplicate: 'the same problem as an earlier finding',
};

const percent = (x: number) => `${Math.round(x * 100)}%`;

export function critiqueReportMarkdown(scenario: CritiqueScenario, grade: CritiqueGrade): string {
  const name = (id: string) => markdownText(targetName(scenario.design, id));
  const lines: string[] = [`# Critique: ${markdownText(scenario.title)}`, ''];
  lines.push(`Found **${grade.found} of ${grade.total}** problems in the key (${percent(grade.score)}).`);
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

  if (grade.extras.length > 0) {
    lines.push('## Other findings', '');
    for (const { finding, reason, alsoFoundByChecks } of grade.extras) {
      const category = canonicalCategory(finding.category);
      const what = category ? categoryWords(category) : markdownText(finding.category);
      const why = alsoFoundByChecks ? `not in the key, but the structural checks agree: ${markdownText(alsoFoundByChecks.message)}` : EXTRA_REASONS[reason];
      lines.push(`- **${name(finding.target)}**: ${what}. ${why.charAt(0).toUpperCase()}${why.slice(1)}${/[.!?]$/.test(why) ? '' : '.'}`);
      if (finding.note) lines.push(`  - Your note: ${markdownText(finding.note)}`);
      for (const line of finding.evidence ?? []) lines.push(`  - Evidence: ${markdownText(line)}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

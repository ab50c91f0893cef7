// docs/scenarios-catalog.md, made from the scenario files (`npm run catalog`): the coverage the
// library has against its targets, the on-ramp, and every scenario with its mode, difficulty,
// objectives, topics and summary. The files stay the single source; a unit test fails when the
// committed page differs from a fresh generation.
import { courseCoverage, courseOrder, onRamp, type CoverageRow } from './course';
import type { Scenario } from './types';
import { OBJECTIVE_LABEL, type Objective } from './vocabulary';

export const CATALOG_PATH = 'docs/scenarios-catalog.md';

/** Table cell text: one line, pipes escaped, so a summary cannot break the table. */
function cell(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/\\/g, '\\\\').replace(/\|/g, '\\|');
}

const link = (s: Scenario) => `[${cell(s.title)}](../scenarios/${s.id}.yaml)`;

function rowName(row: CoverageRow): string {
  if (row.group === 'objective') return `objective: ${OBJECTIVE_LABEL[row.name as Objective]} (\`${row.name}\`)`;
  if (row.group === 'total') return 'all scenarios';
  return `${row.group}: ${row.name}`;
}

function status(row: CoverageRow): string {
  if (row.target === null) return '';
  return row.have >= row.target ? 'met' : `${row.target - row.have} to go`;
}

function coverageTable(scenarios: readonly Scenario[]): string[] {
  const rows = courseCoverage(scenarios);
  return [
    '| | have | target | |',
    '| --- | ---: | ---: | --- |',
    ...rows.map((r) => `| ${rowName(r)} | ${r.have} | ${r.target === null ? '' : `at least ${r.target}`} | ${status(r)} |`),
  ];
}

function topicIndex(scenarios: readonly Scenario[]): string[] {
  const byTopic = new Map<string, Scenario[]>();
  for (const s of scenarios) for (const t of s.topics ?? []) byTopic.set(t, [...(byTopic.get(t) ?? []), s]);
  if (byTopic.size === 0) return ['No scenario lists `topics` yet.'];
  return [...byTopic.keys()].sort().map((t) => `- **${t}**: ${byTopic.get(t)!.sort(courseOrder).map(link).join(', ')}`);
}

/** The whole page, for scenarios loaded from the bundled files. */
export function scenarioCatalogMarkdown(scenarios: readonly Scenario[]): string {
  const all = [...scenarios].sort(courseOrder);
  const lines = [
    '<!-- Generated from scenarios/*.yaml by `npm run catalog`; do not edit by hand (a unit test fails when it is out of step). -->',
    '# Scenario catalog',
    '',
    `${all.length} scenarios. Each is one file in \`scenarios/\`; see [Writing scenarios](scenarios.md) for the format.`,
    '',
    '## Coverage',
    '',
    'Counts from the files against the library\'s targets. A scenario with two objectives counts for both.',
    '',
    ...coverageTable(all),
    '',
    '## The on-ramp',
    '',
    'Every beginner scenario, in the order the course map offers them to a first-time learner (`onRampStep` first, then shortest first).',
    '',
    ...onRamp(all).map((s, i) => `${i + 1}. ${link(s)} (${s.mode}, ${s.estimatedMinutes} min)`),
    '',
    '## Every scenario',
    '',
    'Easier first; within a difficulty, shorter first.',
    '',
    '| scenario | mode | difficulty | minutes | objectives | topics | summary |',
    '| --- | --- | --- | ---: | --- | --- | --- |',
    ...all.map((s) => `| ${link(s)} | ${s.mode} | ${s.difficulty} | ${s.estimatedMinutes} | ${s.objectives.map((o) => OBJECTIVE_LABEL[o]).join(', ')} | ${(s.topics ?? []).join(', ')} | ${cell(s.summary)} |`),
    '',
    '## Topics',
    '',
    ...topicIndex(all),
    '',
  ];
  return lines.join('\n');
}

// Authoring a scenario in the app: the author's design on the canvas plus a short form become a
// scenario file (the YAML format, version 1), checked the same way `scenario check` checks the
// bundled ones. The YAML writer, the share links and the file-shape helpers are in author-*.ts.
import type { Design } from '../model/types';
import { compactScenarioFile } from './author-file';
import { designToFile } from './design-file';
import { oneLine, paragraphs, unique } from './draft-text';
import { problemsInWords } from './author-problems';
import { modeSpec, type ModePart, type ScenarioMode } from './modes';
import { locateAll, parseScenarioObject } from './parse';
import { CURRENT_SCENARIO_VERSION, type FailureEvent, type Requirements, type ScenarioFile, type WorkloadStep } from './schema';
import { selfCheckScenario } from './self-check';
import type { Scenario } from './types';
import type { Difficulty, Objective } from './vocabulary';

const FILE_VERSION: ScenarioFile['version'] = CURRENT_SCENARIO_VERSION;

interface DraftMetaBase {
  /** Lower-case words joined by hyphens; scenarioSlug(title) makes one. */
  id: string;
  title: string;
  summary: string;
  difficulty: Difficulty;
  estimatedMinutes: number;
  objectives: readonly Objective[];
  /** Plain text: blank lines separate paragraphs, lines starting "- " are list items. */
  story: string;
  hints?: readonly string[];
  requirements?: Requirements;
  /** Traffic over time for the simulator (none: steady traffic). */
  overTime?: readonly WorkloadStep[];
  /** The failure timeline for the simulator. */
  failures?: readonly FailureEvent[];
  /** Hours a month the traffic runs, for the monthly cost (all month when absent). */
  busyHoursPerMonth?: number;
  /** Requests/s of all clients together outside the busy hours (0 when absent). */
  quietRps?: number;
}

/** What the form gives: the common fields, the mode, and that mode's own (modes/<mode>/draft.ts). */
export type ScenarioDraftMeta = { [M in ScenarioMode]: DraftMetaBase & { mode: M } & ModePart<M, 'draft'> }[ScenarioMode];

export type DraftValidation = { ok: true; scenario: Scenario } | { ok: false; problems: string[] };

/** "Keep a blog fast!" -> "keep-a-blog-fast", at most 80 characters, as the scenario id wants. */
export function scenarioSlug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 80)
    .replace(/^-+|-+$/g, '');
}

function definedRequirements(requirements: Requirements | undefined): Requirements {
  return Object.fromEntries(Object.entries(requirements ?? {}).filter(([, value]) => value !== undefined)) as Requirements;
}

/**
 * The scenario file for the author's design and form. The design is written as the file wants it:
 * settings equal to the catalog default left out, positions rounded, resilience settings kept,
 * and the saved simulation setup dropped (the scenario's workload and failures take its place).
 */
export function draftScenario(design: Design, meta: ScenarioDraftMeta): ScenarioFile {
  const title = oneLine(meta.title);
  const base = {
    version: FILE_VERSION,
    id: meta.id.trim(),
    title,
    summary: oneLine(meta.summary),
    difficulty: meta.difficulty,
    estimatedMinutes: meta.estimatedMinutes,
    objectives: unique(meta.objectives),
    story: paragraphs(meta.story),
    hints: (meta.hints ?? []).map(oneLine).filter((hint) => hint !== ''),
    requirements: definedRequirements(meta.requirements),
    workload: {
      overTime: structuredClone([...(meta.overTime ?? [])]),
      ...(meta.busyHoursPerMonth !== undefined ? { busyHoursPerMonth: meta.busyHoursPerMonth } : {}),
      ...(meta.quietRps !== undefined ? { quietRps: meta.quietRps } : {}),
    },
    failures: structuredClone([...(meta.failures ?? [])]),
    design: designToFile(design, { defaultId: design.id, defaultName: title, round: true }),
  };
  const spec = modeSpec(meta.mode);
  if (!spec.fromDraft) throw new Error(`${meta.mode} scenarios are written as YAML; the authoring form does not make them`);
  return spec.fromDraft(meta, base, design);
}

/**
 * What `scenario check` would say about the file: its shape, every id it mentions, and the
 * self-check (a fix scenario's reference solution passes and its starting design fails, a
 * critique key grades 100% against itself, identify answers are right). Problems are sentences
 * for the authoring form.
 */
export function validateDraft(file: ScenarioFile): DraftValidation {
  // Checked as it is saved and shared: defaults left out, so the check sees exactly what others load.
  const data = compactScenarioFile(file);
  const parsed = parseScenarioObject(data);
  if (!parsed.ok) return { ok: false, problems: problemsInWords(parsed.issues, data) };
  const issues = locateAll(selfCheckScenario(parsed.scenario), () => null);
  if (issues.length > 0) return { ok: false, problems: problemsInWords(issues, data) };
  return { ok: true, scenario: parsed.scenario };
}

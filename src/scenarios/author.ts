// Authoring a scenario in the app: the author's design on the canvas plus a short form become a
// scenario file (the YAML format, version 1), checked the same way `scenario check` checks the
// bundled ones. The YAML writer, the share links and the file-shape helpers are in author-*.ts.
import { sendsRequests } from '../model/traits';
import type { ComponentKind, Design } from '../model/types';
import { roleOf, WORK_ROLES } from './modes/fix/invariants';
import { arrivalAt, reachedFrom, workGraph } from './work-paths';
import { compactScenarioFile } from './author-file';
import { designToFile } from './design-file';
import { problemsInWords } from './author-problems';
import { locateAll, parseScenarioObject } from './parse';
import { CURRENT_SCENARIO_VERSION, type AlsoAcceptableItem, type CritiqueKeyItem, type EnvironmentRule, type FailureEvent, type PathInvariant, type Requirements, type ScenarioFile, type WorkloadStep } from './schema';
import { selfCheckScenario } from './self-check';
import type { Scenario } from './types';
import type { CheckName, CompareMetric, DesignSide, Difficulty, Objective } from './vocabulary';

const FILE_VERSION: ScenarioFile['version'] = CURRENT_SCENARIO_VERSION;

/** An identify question as the form holds it: the components to click, or the component to name and the kinds accepted. */
export interface DraftIdentifyQuestion {
  /** Defaults to q1, q2, ... in order. */
  id?: string;
  prompt: string;
  answer: { nodeIds: readonly string[] } | { nodeId: string; acceptedKinds: readonly ComponentKind[] };
  explanation: string;
}

/** A compare question as the form holds it. */
export interface DraftCompareQuestion {
  id?: string;
  prompt: string;
  answer: DesignSide;
  /** The figure that decides it, when one does (the check then confirms the answer). */
  metric?: CompareMetric;
  explanation: string;
}

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

export type ScenarioDraftMeta =
  | (DraftMetaBase & { mode: 'identify'; questions: readonly DraftIdentifyQuestion[] })
  | (DraftMetaBase & { mode: 'critique'; key: readonly CritiqueKeyItem[]; alsoAcceptable?: readonly AlsoAcceptableItem[] })
  | (DraftMetaBase & {
      mode: 'fix';
      checks: readonly CheckName[];
      /** Exactly the checks the starting design fails, when the author wants the check to hold them to it. */
      startingDesignFails?: readonly CheckName[];
      /** The reference solution, a whole design; the starting design is the one on the canvas. */
      solution: Design;
      /** Work that must still happen, and the settings that are the world's (kept from the scenario being edited). */
      invariants?: readonly PathInvariant[];
      environment?: readonly EnvironmentRule[];
    })
  | (DraftMetaBase & {
      mode: 'compare';
      /** Design B; design A is the one on the canvas. */
      designB: Design;
      labels: { a: string; b: string };
      questions: readonly DraftCompareQuestion[];
      takeaway: string;
    });

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

/** Text of one line: line breaks and runs of spaces become one space. */
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Text of several lines: Windows line breaks and trailing spaces gone, one newline at the end (as YAML's | keeps it). */
function paragraphs(text: string): string {
  const tidy = text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+$/gm, '')
    .replace(/^\n+/, '')
    .trimEnd();
  return tidy === '' ? '' : `${tidy}\n`;
}

const unique = <T>(items: readonly T[]) => [...new Set(items)];

/** Keep this share of the starting design's arrivals: a hair under all of it, so rounding never fails the reference. */
const KEEP_SHARE = 0.999;

/**
 * The work the starting design does, as invariants, for a fix scenario whose author declared
 * none: every client must still reach each database, cache, file store, search index and outside
 * service it reaches now, with as many calls per request (a cache on the way counts, since it
 * answers for what it fronts). So cutting calls, dropping a store or a CDN cannot pass.
 */
export function startingWorkInvariants(design: Design): PathInvariant[] {
  const graph = workGraph(design);
  const label = (id: string) => graph.byId.get(id)?.label || id;
  const out: PathInvariant[] = [];
  for (const client of design.nodes.filter(sendsRequests)) {
    for (const id of reachedFrom(graph, client.id)) {
      const node = graph.byId.get(id)!;
      if (!WORK_ROLES.has(roleOf(node.kind))) continue;
      const arrival = arrivalAt(graph, client.id, new Set([id]), true);
      if (!(arrival.share > 0)) continue;
      out.push({
        from: [client.id],
        to: [id],
        share: Number((arrival.share * KEEP_SHARE).toPrecision(6)),
        callsPerRequest: Number((arrival.calls * KEEP_SHARE).toPrecision(6)),
        cacheAnswers: true,
        together: false,
        message: `requests from ${label(client.id)} no longer reach ${label(id)} as often as they did, so part of the work it does for them is not done`,
      });
    }
  }
  return out;
}

function definedRequirements(requirements: Requirements | undefined): Requirements {
  return Object.fromEntries(Object.entries(requirements ?? {}).filter(([, value]) => value !== undefined)) as Requirements;
}

function identifyQuestion(q: DraftIdentifyQuestion): Extract<ScenarioFile, { mode: 'identify' }>['questions'][number] {
  const answer = 'nodeIds' in q.answer ? unique(q.answer.nodeIds) : { nodeId: q.answer.nodeId, acceptedKinds: unique(q.answer.acceptedKinds) };
  const id = q.id?.trim();
  return { ...(id ? { id } : {}), prompt: oneLine(q.prompt), answer: Array.isArray(answer) && answer.length === 1 ? answer[0]! : answer, explanation: paragraphs(q.explanation).trimEnd() };
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
  switch (meta.mode) {
    case 'identify':
      return { ...base, mode: 'identify', questions: meta.questions.map(identifyQuestion) };
    case 'critique':
      return {
        ...base,
        mode: 'critique',
        key: meta.key.map((item) => ({
          target: item.target,
          ...(item.acceptedTargets && item.acceptedTargets.length > 0 ? { acceptedTargets: unique(item.acceptedTargets) } : {}),
          category: item.category,
          severity: item.severity,
          explanation: paragraphs(item.explanation).trimEnd(),
        })),
        alsoAcceptable: (meta.alsoAcceptable ?? []).map((item) => ({
          target: item.target,
          ...(item.acceptedTargets && item.acceptedTargets.length > 0 ? { acceptedTargets: unique(item.acceptedTargets) } : {}),
          category: item.category,
          explanation: paragraphs(item.explanation).trimEnd(),
        })),
      };
    case 'fix':
      return {
        ...base,
        mode: 'fix',
        checks: unique(meta.checks),
        ...(meta.startingDesignFails === undefined ? {} : { startingDesignFails: unique(meta.startingDesignFails) }),
        solution: { design: designToFile(meta.solution, { defaultId: meta.solution.id, defaultName: meta.solution.name, round: true }) },
        invariants: meta.invariants && meta.invariants.length > 0 ? structuredClone([...meta.invariants]) : startingWorkInvariants(design),
        environment: structuredClone([...(meta.environment ?? [])]),
      };
    case 'compare':
      return {
        ...base,
        mode: 'compare',
        designB: designToFile(meta.designB, { defaultId: meta.designB.id, defaultName: meta.designB.name, round: true }),
        labels: { a: oneLine(meta.labels.a), b: oneLine(meta.labels.b) },
        questions: meta.questions.map((q) => {
          const id = q.id?.trim();
          return { ...(id ? { id } : {}), prompt: oneLine(q.prompt), answer: q.answer, ...(q.metric ? { metric: q.metric } : {}), explanation: paragraphs(q.explanation).trimEnd() };
        }),
        takeaway: paragraphs(meta.takeaway).trimEnd(),
      };
  }
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

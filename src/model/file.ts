// Reading and writing design files. A bad file yields messages that name the component
// or field and say what is wrong; it never half-loads.
import * as v from 'valibot';
import { CURRENT_VERSION, DESIGN_FORMAT, DesignFileSchema } from './schema';
import { migrate, SOURCE_SUBJECT, type DesignSource } from './migrations';
import { checkDesign, problemAt } from './validate';
import { jsonTooDeep, nestingMessage } from './nesting';
import { boundedMessage, issueWords } from './issue-words';
import type { Design } from './types';

export type ParseResult = { ok: true; design: Design; migratedFrom?: number } | { ok: false; errors: string[] };

export const MAX_FILE_CHARS = 20_000_000; // 20 MB of text: far beyond a 5000-component design, small enough not to hang a tab.

export function serializeDesign(design: Design): string {
  return JSON.stringify({ format: DESIGN_FORMAT, version: CURRENT_VERSION, design }, null, 2);
}

export function parseDesignFile(text: string): ParseResult {
  if (text.length > MAX_FILE_CHARS) return { ok: false, errors: ['The file is larger than 20 MB, too large to be a design.'] };
  const deep = jsonTooDeep(text);
  if (deep) return { ok: false, errors: [nestingMessage(deep, 'file')] };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    const detail = e instanceof Error ? e.message.replace(/^JSON\.parse: /, '') : '';
    return { ok: false, errors: [`The file is not valid JSON (${detail}).`] };
  }
  return parseDesignObject(raw);
}

/** source: where `raw` was read from, so a message calls it a file or a design saved in this browser. */
export function parseDesignObject(raw: unknown, source: DesignSource = 'file'): ParseResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, errors: [`${SOURCE_SUBJECT[source]} does not contain an ArchLab design (expected a JSON object).`] };
  }
  const migrated = migrate(raw as Record<string, unknown>, CURRENT_VERSION, source);
  if ('error' in migrated) return { ok: false, errors: [boundedMessage(migrated.error)] };
  const parsed = v.safeParse(DesignFileSchema, migrated.file);
  if (!parsed.success) {
    return { ok: false, errors: parsed.issues.slice(0, 20).map((issue) => boundedMessage(describeIssue(issue, migrated.file, source))) };
  }
  const design: Design = parsed.output.design;
  const problems = checkDesign(design);
  if (problems.length > 0) return { ok: false, errors: problems.slice(0, 20).map(boundedMessage) };
  return migrated.migratedFrom === undefined ? { ok: true, design } : { ok: true, design, migratedFrom: migrated.migratedFrom };
}

/** "Component "Orders DB" (nodes[3]): params.instances must be 0 or more". */
function describeIssue(issue: v.BaseIssue<unknown>, root: unknown, source: DesignSource): string {
  const keys = (issue.path ?? []).map((p) => p.key as string | number);
  if (keys[0] === 'format') return `${SOURCE_SUBJECT[source]} is not an ArchLab design (its "format" field is not "archlab-design").`;
  const designKeys = keys[0] === 'design' ? keys.slice(1) : keys;
  // valibot's own messages start "Invalid ..."; the schema's own (written for learners) are kept.
  const what = issue.message.startsWith('Invalid') ? issueWords(issue, DesignFileSchema) : issue.message;
  return problemAt(designKeys, what, (root as { design?: unknown }).design);
}

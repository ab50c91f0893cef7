// Designs and scenarios travel the same ways (files, links), and a learner can easily hand one to
// the other's door. When a loader refuses what it was given, this tells whether it is the other
// kind of ArchLab data, so the message can say so and offer the right door, instead of listing
// every field the wrong schema misses.
import { DESIGN_FORMAT } from './schema';

export type ArchLabKind = 'design' | 'scenario';

/** What ArchLab data this is, with its name for the message; null when it is neither (or cannot tell). */
export interface KindFound {
  kind: ArchLabKind;
  /** The design's name or the scenario's title, when it has a usable one. */
  name: string | null;
}

const usableName = (x: unknown): string | null => (typeof x === 'string' && x.trim() && x.length <= 200 ? x.trim() : null);

/** Judged by the fields each kind must have: a design file names its format; a scenario has a mode and a title. */
export function kindOfData(raw: unknown): KindFound | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const data = raw as Record<string, unknown>;
  if (data.format === DESIGN_FORMAT) return { kind: 'design', name: usableName((data.design as { name?: unknown } | null)?.name) };
  if (typeof data.mode === 'string' && typeof data.title === 'string' && !('format' in data)) return { kind: 'scenario', name: usableName(data.title) };
  return null;
}

/** The same from a file's text (JSON or YAML), looking only at its start and its top-level lines, without parsing it. */
export function kindOfText(text: string): KindFound | null {
  const start = text.slice(0, 4096);
  const jsonField = (name: string) => new RegExp(`"${name}"\\s*:\\s*"([^"\\\\]{1,200})"`).exec(start)?.[1] ?? null;
  if (/^\s*\{/.test(start)) {
    if (jsonField('format') === DESIGN_FORMAT) return { kind: 'design', name: usableName(jsonField('name')) };
    if (jsonField('mode') && jsonField('title')) return { kind: 'scenario', name: usableName(jsonField('title')) };
    return null;
  }
  // YAML: the scenario's own top-level keys, at the start of a line.
  const yamlField = (name: string) => new RegExp(`^${name}:[ \\t]*(.*)$`, 'm').exec(text.slice(0, 65_536))?.[1]?.replace(/^(["'])(.*)\1\s*$/, '$2') ?? null;
  const mode = yamlField('mode');
  const title = yamlField('title');
  if (mode && title !== null) return { kind: 'scenario', name: usableName(title) };
  return null;
}

/** "the scenario “Cache stampede”", "a design": the thing named for a message. */
export function describeFound(found: KindFound): string {
  return found.name ? `the ${found.kind} “${found.name}”` : `a ${found.kind}`;
}

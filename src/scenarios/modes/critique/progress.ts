// What critique keeps in the learner's saved progress: the findings pinned on the diagram.
import { isObj, MAX_ITEMS, text } from '../../stored-record';
import { SEVERITIES, type Severity } from '../../vocabulary';
import type { Finding } from './grade';

export interface PinnedFinding extends Finding {
  id: string;
  severity: Severity;
}

export interface CritiqueProgress {
  findings: PinnedFinding[];
}

const SEVERITY = new Set<string>(SEVERITIES);

function finding(v: unknown): PinnedFinding | null {
  if (!isObj(v) || !text(v.id, 200) || !text(v.target, 500) || !text(v.category, 200)) return null;
  const severity = typeof v.severity === 'string' && SEVERITY.has(v.severity) ? (v.severity as Severity) : 'medium';
  return {
    id: v.id,
    target: v.target,
    category: v.category,
    severity,
    ...(text(v.note) ? { note: v.note } : {}),
    ...(Array.isArray(v.evidence) && v.evidence.every((e) => text(e)) ? { evidence: v.evidence as string[] } : {}),
  };
}

export function readCritiqueProgress(raw: Readonly<Record<string, unknown>>): { fields: CritiqueProgress; dropped: number } {
  const read = Array.isArray(raw.findings) ? raw.findings.slice(0, MAX_ITEMS).map(finding) : [];
  const findings = read.filter((f): f is PinnedFinding => f !== null);
  const stored = Array.isArray(raw.findings) ? raw.findings.length : raw.findings === undefined ? 0 : 1;
  return { fields: { findings }, dropped: stored - findings.length };
}

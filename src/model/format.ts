// Figures in words for the pure floors (model, engine, scenarios, CLI): one rounding rule per unit,
// so a duration or a rate reads the same in the CLI, the timeline and the panels.

/** Up to `decimals` decimals, no trailing zeros: 28636.36, 1500, 6.88. */
export function formatNumber(x: number, decimals = 2): string {
  return String(Number(x.toFixed(decimals)));
}

/** Seconds as a reader says them: "45 s", "2 min", "1 h 7 min". */
export function formatDuration(s: number): string {
  if (s < 120) return `${Number(s.toFixed(s < 10 ? 1 : 0)).toString()} s`;
  const min = Math.round(s / 60);
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  return min % 60 === 0 ? `${h} h` : `${h} h ${min % 60} min`;
}

/** A request rate in whole requests: "1,500 req/s". */
export function formatWholeRps(x: number): string {
  return `${Math.round(x).toLocaleString('en-US')} req/s`;
}

/** A share as a percentage with a fixed number of decimals: 0.256 -> "26%" (digits 0), "25.6%" (digits 1). */
export function formatShare(x: number, digits = 0): string {
  return digits === 0 ? `${Math.round(x * 100)}%` : `${(x * 100).toFixed(digits)}%`;
}

/** A share as a percentage with at most `digits` decimals, no trailing zeros: 0.2 -> "20%", 0.2345 -> "23.5%" (digits 1). */
export function formatShareTrimmed(x: number, digits: number): string {
  return `${Number((x * 100).toFixed(digits)).toString()}%`;
}

/** "a service", "an API gateway", "an error-rate", "a unique ID": the article a word takes when said aloud (by its first letters). */
export function withArticle(word: string): string {
  return /^[aeiou]/i.test(word) && !/^(uni|use|usu|one|eu)/i.test(word) ? `an ${word}` : `a ${word}`;
}

/**
 * A time in milliseconds in words, '–' when there is none. `compact` (on cards and charts): three
 * significant figures at most, seconds from 1 s. `precise` (the default: check details, findings,
 * the CLI): whole milliseconds with thousands separators up to 10 s, then seconds, and minutes
 * from 2 min, since waits of minutes read better in minutes than as seven-digit milliseconds.
 */
export function formatMs(ms: number | null | undefined, style: 'compact' | 'precise' = 'precise'): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '–';
  if (style === 'compact') {
    if (ms >= 10_000) return `${(ms / 1000).toFixed(0)} s`;
    if (ms >= 1000) return `${(ms / 1000).toFixed(1)} s`;
    if (ms >= 100) return `${ms.toFixed(0)} ms`;
    if (ms >= 10) return `${ms.toFixed(1)} ms`;
    return `${ms.toFixed(2)} ms`;
  }
  if (ms >= 120_000) return `${Number((ms / 60_000).toFixed(1)).toString()} min`;
  if (ms >= 10_000) return `${Number((ms / 1000).toFixed(1)).toString()} s`;
  if (ms < 1) return `${ms.toFixed(2)} ms`;
  if (ms < 10) return `${ms.toFixed(1)} ms`;
  return `${Math.round(ms).toLocaleString('en-US')} ms`;
}

/** A count with its noun, singular for one: '1 zone', '3 zones'. */
export function formatCount(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** What a design holds, counted the way a reader says it: '9 components, 9 connections, 1 region, 1 zone'. */
export function designContents(design: { nodes: readonly unknown[]; edges: readonly unknown[]; groups: readonly { kind: string }[] }, separator = ', '): string {
  const regions = design.groups.filter((g) => g.kind === 'region').length;
  const zones = design.groups.length - regions;
  const parts = [formatCount(design.nodes.length, 'component'), formatCount(design.edges.length, 'connection')];
  if (regions > 0) parts.push(formatCount(regions, 'region'));
  if (zones > 0) parts.push(formatCount(zones, 'zone'));
  return parts.join(separator);
}

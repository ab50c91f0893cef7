// Which component kind a shape drawn elsewhere most likely is, from its label, through the catalog's
// own names and keywords ("Orders DB (Postgres)" is a relational database, "Redis" a cache).
import { CATALOG } from './catalog-kinds';
import { COMPONENT_KINDS, type ComponentKind } from './types';

const words = (text: string) => text.toLowerCase().split(/[^a-z0-9/]+/).filter(Boolean);

/** Whole-word (or whole-phrase) occurrence of `phrase` in the label's words. */
function contains(labelWords: string[], phrase: string): boolean {
  const p = words(phrase);
  if (p.length === 0) return false;
  for (let i = 0; i + p.length <= labelWords.length; i++) if (p.every((w, j) => labelWords[i + j] === w)) return true;
  return false;
}

// Weights: the kind's full name says the most, then its id, then a keyword, then one word of its name.
const FULL_NAME = 4;
const KIND_ID = 3;
const KEYWORD = 2;
const NAME_WORD = 1;

/** The best-matching kind for a label, or null when nothing in the catalog matches any of its words. */
export function guessKind(label: string): ComponentKind | null {
  const labelWords = words(label);
  let best: ComponentKind | null = null;
  let bestScore = 0;
  for (const kind of COMPONENT_KINDS) {
    const spec = CATALOG[kind];
    let score = 0;
    if (contains(labelWords, spec.label)) score += FULL_NAME;
    if (contains(labelWords, kind.replace(/-/g, ' '))) score += KIND_ID;
    for (const k of spec.keywords) if (contains(labelWords, k)) score += KEYWORD;
    for (const w of words(spec.label)) if (labelWords.includes(w)) score += NAME_WORD;
    if (score > bestScore) {
      best = kind;
      bestScore = score;
    }
  }
  return best;
}

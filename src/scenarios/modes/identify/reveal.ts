// When an identify explanation may be shown. It comes after the learner's first try at its own
// question (only that try counts), but an explanation that names the answer to a question still
// open would hand that answer over, so it waits until those questions have been tried too.
import { CATALOG } from '../../../model/catalog';
import type { ComponentKind } from '../../../model/types';
import type { IdentifyQuestion, IdentifyScenario } from '../../types';

/** Words that give a question's answer away: the answer components' labels and kinds, or the accepted kinds. */
function answerWords(scenario: IdentifyScenario, q: IdentifyQuestion): string[] {
  const nodeWords = (id: string) => {
    const node = scenario.design.nodes.find((n) => n.id === id);
    return node ? [node.label, CATALOG[node.kind].label, node.kind.replace(/-/g, ' ')] : [];
  };
  const words = q.answer.type === 'click' ? q.answer.nodeIds.flatMap(nodeWords) : [...nodeWords(q.answer.nodeId), ...q.answer.acceptedKinds.flatMap((k) => [CATALOG[k].label, k.replace(/-/g, ' ')])];
  return [...new Set(words.map((w) => w.trim().toLowerCase()).filter((w) => w.length >= 3))];
}

const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whether the text names the word as a whole word (plurals too): "cache" in "the caches", not in "cached". */
function names(text: string, word: string): boolean {
  return new RegExp(`(^|[^a-z0-9])${escape(word)}(s|es)?($|[^a-z0-9])`, 'i').test(text);
}

/**
 * The ids of questions not yet tried whose answer `questionId`'s explanation names; its
 * explanation is shown once this list is empty (and the question itself has been tried).
 */
export function explanationWaitsFor(scenario: IdentifyScenario, questionId: string, tried: ReadonlySet<string>): string[] {
  const q = scenario.questions.find((x) => x.id === questionId);
  if (!q) return [];
  return scenario.questions.filter((other) => other.id !== questionId && !tried.has(other.id) && answerWords(scenario, other).some((w) => names(q.explanation, w))).map((other) => other.id);
}

/** How people name a kind: its id and label ("api gateway", "API gateway") and the label's last word ("gateway"). */
function kindWords(kind: ComponentKind): string[] {
  const label = CATALOG[kind].label.toLowerCase();
  return [...new Set([kind.replace(/-/g, ' '), label, label.split(' ').pop()!])];
}

/**
 * Prompts that give a naming question's answer away: every prompt is on screen at once, so one
 * that calls a component "the limiter" answers "what kind is the highlighted box?" for the
 * learner, unless a component in view is of that kind anyway. Hints are asked for, so they may.
 */
export function promptsNamingKinds(scenario: IdentifyScenario): { prompt: number; asks: number; word: string }[] {
  const asked = new Set(scenario.questions.flatMap((q) => (q.answer.type === 'naming' ? [q.answer.nodeId] : [])));
  const inView = new Set(scenario.design.nodes.filter((n) => !asked.has(n.id)).map((n) => n.kind));
  const found: { prompt: number; asks: number; word: string }[] = [];
  scenario.questions.forEach((q, asks) => {
    if (q.answer.type !== 'naming') return;
    const words = q.answer.acceptedKinds.filter((k) => !inView.has(k)).flatMap(kindWords);
    scenario.questions.forEach((other, prompt) => {
      const word = other === q ? undefined : words.find((w) => names(other.prompt, w));
      if (word) found.push({ prompt, asks, word });
    });
  });
  return found;
}

// When an identify explanation may be shown. It comes after the learner's first try at its own
// question (only that try counts), but an explanation that names the answer to a question still
// open would hand that answer over, so it waits until those questions have been tried too.
import { CATALOG } from '../../../model/catalog';
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

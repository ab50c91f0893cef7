// One sentence per entry of a run's log, the same in the app and the CLI: an entry about a
// component starts with its name unless the message already says it.
import type { SimLogEntry } from './design-sim-types';

export function logSentence(entry: SimLogEntry, name: (nodeId: string) => string): string {
  if (entry.nodeId === null) return entry.message;
  const who = name(entry.nodeId);
  return entry.message.includes(who) ? entry.message : `${who}: ${entry.message}`;
}

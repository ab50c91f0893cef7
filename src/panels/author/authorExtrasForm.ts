// What the authoring form holds for a fix scenario's work to keep (invariants), a critique's
// "also acceptable" findings and the month's traffic (busy hours, quiet rate), as text the author
// types; the problems with it in the author's words, naming components by their labels; and the
// scenario-file values it stands for.
import { HOURS_PER_MONTH } from '../../engine/metrics/cost';
import type { ComponentKind, Design } from '../../model/types';
import type { AlsoAcceptableItem, CritiqueCategory, PathInvariant } from '../../scenarios';

/** One path of work that must still happen, as the form holds it. */
export interface InvariantForm {
  /** Component ids the work starts from (usually clients). */
  from: string[];
  /** Component ids it must reach (any one will do). */
  to: string[];
  /** Kinds it may reach instead (any component of these kinds will do). */
  toKinds: ComponentKind[];
  /** Least share of requests that must arrive, in percent; '' for any share above 0. */
  sharePercent: string;
  /** Least calls per request that must arrive; '' for any. */
  calls: string;
  cacheAnswers: boolean;
  together: boolean;
  /** What is lost when the path is broken, in the learner's words. */
  message: string;
}

export interface AlsoAcceptableForm {
  target: string;
  category: CritiqueCategory;
  explanation: string;
}

/** The month's traffic, as typed: '' leaves each out. */
export interface MonthForm {
  busyHoursPerMonth: string;
  quietRps: string;
}

const blank = (s: string) => s.trim() === '';
const numberOf = (s: string) => (blank(s) ? undefined : Number(s.trim()));

/** A scenario file's invariant as the form shows it (share as a percentage, figures as text). */
export function invariantToForm(inv: PathInvariant): InvariantForm {
  return {
    from: [...inv.from],
    to: [...(inv.to ?? [])],
    toKinds: [...(inv.toKinds ?? [])],
    sharePercent: inv.share === undefined ? '' : String(Number((inv.share * 100).toPrecision(6))),
    calls: inv.callsPerRequest === undefined ? '' : String(inv.callsPerRequest),
    cacheAnswers: inv.cacheAnswers,
    together: inv.together,
    message: inv.message,
  };
}

/** The form's invariant in the file's terms; call only when invariantProblems found none. */
export function invariantFromForm(f: InvariantForm): PathInvariant {
  const share = numberOf(f.sharePercent);
  const calls = numberOf(f.calls);
  return {
    from: [...f.from],
    ...(f.to.length > 0 ? { to: [...f.to] } : {}),
    ...(f.toKinds.length > 0 ? { toKinds: [...f.toKinds] } : {}),
    // Rounded back from the percentage, so 99.9% is 0.999 again and not 0.9990000000000001.
    ...(share !== undefined ? { share: Number((share / 100).toPrecision(12)) } : {}),
    ...(calls !== undefined ? { callsPerRequest: calls } : {}),
    cacheAnswers: f.cacheAnswers,
    together: f.together,
    message: f.message.replace(/\s+/g, ' ').trim(),
  };
}

/** What is wrong with the work to keep, one sentence each, naming components by their labels. */
export function invariantProblems(forms: readonly InvariantForm[], design: Design): string[] {
  const label = new Map(design.nodes.map((n) => [n.id, n.label || n.id]));
  const problems: string[] = [];
  forms.forEach((f, i) => {
    const say = (what: string) => problems.push(`Work to keep ${i + 1}: ${what}`);
    const gone = [...f.from, ...f.to].filter((id) => !label.has(id));
    if (gone.length > 0) say(`${gone.map((id) => `"${id}"`).join(', ')} ${gone.length === 1 ? 'is' : 'are'} no longer on the canvas; choose again.`);
    if (f.from.length === 0) say('choose where the work starts (usually a client).');
    if (f.to.length === 0 && f.toKinds.length === 0) say('choose where it must arrive: a component, or a kind of component.');
    const share = numberOf(f.sharePercent);
    if (share !== undefined && !(share >= 0 && share <= 100)) say(`the share that must arrive is a percentage from 0 to 100 (you wrote "${f.sharePercent.trim()}"); leave it empty for any share.`);
    const calls = numberOf(f.calls);
    if (calls !== undefined && !(calls >= 0 && Number.isFinite(calls))) say(`the calls per request must be a number, 0 or more (you wrote "${f.calls.trim()}"); leave it empty for any.`);
    if (f.together && f.from.length < 2) say('"all reach the same component" needs two or more starting components (the writers and the readers of the same data).');
    if (blank(f.message)) say('say what is lost when this path is broken, in the learner’s words, e.g. "the text reminders are no longer sent".');
    else if (f.message.trim().length > 300) say(`the message is ${f.message.trim().length} characters; keep it to 300.`);
  });
  return problems;
}

export function alsoAcceptableFromForm(f: AlsoAcceptableForm): AlsoAcceptableItem {
  return { target: f.target, category: f.category, explanation: f.explanation };
}

/** What is wrong with the "also acceptable" findings, naming components and connections by their labels. */
export function alsoAcceptableProblems(forms: readonly AlsoAcceptableForm[], key: readonly { target: string; category: CritiqueCategory }[], targetLabel: (id: string) => string | undefined): string[] {
  const problems: string[] = [];
  forms.forEach((f, i) => {
    const say = (what: string) => problems.push(`Also acceptable ${i + 1}: ${what}`);
    const where = targetLabel(f.target);
    if (where === undefined) say(`"${f.target}" is no longer on the canvas; choose again.`);
    if (key.some((k) => k.target === f.target && k.category === f.category)) say(`the answer key already has this finding on ${where ?? f.target}; a finding is either in the key or also acceptable, not both.`);
    if (blank(f.explanation)) say('say why it holds and why it is not the point of this review; the learner who finds it reads this.');
  });
  return problems;
}

/** What is wrong with the month's traffic, in the author's words. */
export function monthProblems(f: MonthForm): string[] {
  const problems: string[] = [];
  const busy = numberOf(f.busyHoursPerMonth);
  const quiet = numberOf(f.quietRps);
  if (busy !== undefined && !(busy >= 0.01 && busy <= HOURS_PER_MONTH)) {
    problems.push(`Busy hours a month must be a number from 0.01 to ${HOURS_PER_MONTH} (a month has about ${HOURS_PER_MONTH} hours; you wrote "${f.busyHoursPerMonth.trim()}"). Leave it empty when the traffic runs all month.`);
  }
  if (quiet !== undefined && !(quiet >= 0 && Number.isFinite(quiet))) problems.push(`The quiet rate must be a number of requests a second, 0 or more (you wrote "${f.quietRps.trim()}").`);
  else if (quiet !== undefined && quiet > 0 && busy === undefined) problems.push('The quiet rate is the traffic outside the busy hours: give the busy hours a month too, or leave the quiet rate empty.');
  return problems;
}

/** The month's traffic in the file's terms; call only when monthProblems found none. */
export function monthFromForm(f: MonthForm): { busyHoursPerMonth?: number; quietRps?: number } {
  const busy = numberOf(f.busyHoursPerMonth);
  const quiet = numberOf(f.quietRps);
  return { ...(busy !== undefined ? { busyHoursPerMonth: busy } : {}), ...(quiet !== undefined ? { quietRps: quiet } : {}) };
}

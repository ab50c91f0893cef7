// The authoring form's work to keep, also-acceptable findings and month fields: what the author
// types comes back as the file's values, and each mistake is named in the author's words.
import { describe, expect, it } from 'vitest';
import { exampleDesign } from '../../src/model/example';
import { startingWorkInvariants } from '../../src/scenarios';
import { alsoAcceptableProblems, invariantFromForm, invariantProblems, invariantToForm, monthFromForm, monthProblems, type InvariantForm } from '../../src/panels/author/authorExtrasForm';

const design = exampleDesign();
const blankPath: InvariantForm = { from: [], to: [], toKinds: [], sharePercent: '', calls: '', cacheAnswers: false, together: false, message: '' };

describe('authoring form: work to keep, also acceptable, the month', () => {
  it('gives back the starting design’s work exactly, through the percentages the form shows', () => {
    const work = startingWorkInvariants(design);
    expect(work.length).toBeGreaterThan(0);
    expect(work.map((w) => invariantFromForm(invariantToForm(w)))).toEqual(work);
    expect(invariantProblems(work.map(invariantToForm), design)).toEqual([]);
  });

  it('names each mistake in a path, by its number, and a component gone from the canvas by its id', () => {
    const problems = invariantProblems([blankPath, { ...blankPath, from: ['gone-db'], toKinds: ['cache'], sharePercent: '150', calls: '-1', together: true, message: 'x' }], design);
    expect(problems).toEqual([
      'Work to keep 1: choose where the work starts (usually a client).',
      'Work to keep 1: choose where it must arrive: a component, or a kind of component.',
      'Work to keep 1: say what is lost when this path is broken, in the learner’s words, e.g. "the text reminders are no longer sent".',
      'Work to keep 2: "gone-db" is no longer on the canvas; choose again.',
      'Work to keep 2: the share that must arrive is a percentage from 0 to 100 (you wrote "150"); leave it empty for any share.',
      'Work to keep 2: the calls per request must be a number, 0 or more (you wrote "-1"); leave it empty for any.',
      'Work to keep 2: "all reach the same component" needs two or more starting components (the writers and the readers of the same data).',
    ]);
  });

  it('refuses a finding both in the key and also acceptable, and one without a reason', () => {
    const label = (id: string) => design.nodes.find((n) => n.id === id)?.label;
    const db = design.nodes.find((n) => n.kind === 'relational-db')!;
    const problems = alsoAcceptableProblems([{ target: db.id, category: 'bottleneck', explanation: ' ' }], [{ target: db.id, category: 'bottleneck' }], label);
    expect(problems).toEqual([
      `Also acceptable 1: the answer key already has this finding on ${db.label}; a finding is either in the key or also acceptable, not both.`,
      'Also acceptable 1: say why it holds and why it is not the point of this review; the learner who finds it reads this.',
    ]);
  });

  it('holds the month to 0.01-730 busy hours and a quiet rate only beside them', () => {
    expect(monthProblems({ busyHoursPerMonth: '', quietRps: '' })).toEqual([]);
    expect(monthFromForm({ busyHoursPerMonth: '', quietRps: '' })).toEqual({});
    expect(monthFromForm({ busyHoursPerMonth: ' 2 ', quietRps: '5' })).toEqual({ busyHoursPerMonth: 2, quietRps: 5 });
    expect(monthProblems({ busyHoursPerMonth: '731', quietRps: '' })[0]).toMatch(/^Busy hours a month must be a number from 0.01 to 730/);
    expect(monthProblems({ busyHoursPerMonth: 'two', quietRps: '' })[0]).toMatch(/you wrote "two"/);
    expect(monthProblems({ busyHoursPerMonth: '', quietRps: '5' })).toEqual(['The quiet rate is the traffic outside the busy hours: give the busy hours a month too, or leave the quiet rate empty.']);
    expect(monthProblems({ busyHoursPerMonth: '2', quietRps: '-1' })).toEqual(['The quiet rate must be a number of requests a second, 0 or more (you wrote "-1").']);
  });
});

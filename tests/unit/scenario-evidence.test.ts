// A critique finding's evidence: the engines' figures for the component or connection it is
// pinned on, kept with the finding and printed in the report.
import { describe, expect, it } from 'vitest';
import { solveDesign } from '../../src/engine/analytic/design';
import { simulateDesign } from '../../src/engine/simulation';
import { critiqueReportMarkdown, findingEvidence, gradeCritique, parseSubmission } from '../../src/scenarios';
import { bundledScenario } from './helpers/bundled-scenario';

const scenario = bundledScenario('chat-app-critique');
if (scenario.mode !== 'critique') throw new Error('chat-app-critique is a critique scenario');
const design = scenario.design;
const solved = solveDesign(design);
if (!solved.ok) throw new Error('the scenario design solves');

describe('findingEvidence', () => {
  it("quotes the analytic engine's load, utilization and p99 for a component", () => {
    const [line] = findingEvidence(design, 'msgdb', solved, null);
    const c = solved.components.msgdb!;
    expect(line).toMatch(/^Analytic engine, at [\d,]+ req\/s from the clients: [\d,.]+ req\/s offered, \d+% busy, p99 [\d.,]+ (ms|s)/);
    expect(line).toContain(`${Math.round(c.utilization! * 100)}% busy`);
    // Availability keeps its nines: 99.5% is not rounded up to 100%.
    if (c.availability < 0.9995) expect(line).not.toContain('up 100%');
    expect(line).toMatch(/up 99\.\d+% of the time\.$/);
  });

  it('gives the traffic a connection carries, and nothing for an id that is not there', () => {
    const edge = design.edges[0]!;
    expect(findingEvidence(design, edge.id, solved, null)[0]).toMatch(new RegExp(`req/s on this (sync call|async message)\\.$`));
    expect(findingEvidence(design, 'no-such-thing', solved, null)).toEqual([]);
    expect(findingEvidence(design, 'msgdb', null, null)).toEqual([]);
  });

  it("adds the simulator's figures for the run it is given", () => {
    const report = simulateDesign(design, { durationS: 30, seed: 2 });
    const lines = findingEvidence(design, 'msgdb', solved, report);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^Simulation \(30 s, seed 2\): [\d,.]+ req\/s offered/);
  });
});

describe('evidence in the report and in submissions', () => {
  it('prints each line under its finding, and a submission may carry it', () => {
    const evidence = findingEvidence(design, 'msgdb', solved, null);
    const findings = [{ target: 'msgdb', category: 'single-point-of-failure', severity: 'high' as const, evidence }];
    const md = critiqueReportMarkdown(scenario, gradeCritique(scenario, findings));
    expect(md).toContain(`  - Evidence: ${evidence[0]!.slice(0, 30)}`);
    const parsed = parseSubmission({ scenarioId: scenario.id, mode: 'critique', findings });
    expect(parsed.ok).toBe(true);
  });
});

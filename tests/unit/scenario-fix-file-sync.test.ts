// The file-sync-blocks fix scenario: a sync app sends every 40 MB file again, whole, on each save.
// Sending only the changed block passes; more servers or more S3 prefixes (the bill is per block,
// not per server), a cheaper S3, a cache in front of the block store, blocks kept in the metadata
// database, and a block count cut below one a save all fail, each for the reason the story gives.
import { describe, expect, it } from 'vitest';
import type { Design, DesignNode } from '../../src/model/types';
import { gradeFix } from '../../src/scenarios';
import { checkFixInvariants } from '../../src/scenarios/modes/fix/invariants';
import { bundledFixScenario, bundledScenarioText } from './helpers/bundled-scenario';
import { steadySolution } from './helpers/fix-grades';

const scenario = bundledFixScenario('file-sync-blocks');
const node = (d: Design, id: string): DesignNode => d.nodes.find((n) => n.id === id)!;
const edge = (d: Design, id: string) => d.edges.find((e) => e.id === id)!;
const messages = (d: Design) => checkFixInvariants(scenario, d).map((f) => f.message).join('\n');
const failedChecks = (d: Design) => gradeFix(scenario, d).checks.filter((c) => !c.passed).map((c) => c.check).sort();
const text = bundledScenarioText('file-sync-blocks').replace(/\s+/g, ' ');

describe('file-sync-blocks: the figures the story quotes', () => {
  it('S3 takes about 3,500 blocks a second on one prefix and charges $5 a million', () => {
    expect(text).toContain('S3 charges $5 for every million blocks it is sent ($0.005 per 1,000 PUT requests)');
    expect(text).toContain('it takes about 3,500 of them a second on one key prefix');
    const blocks = steadySolution(scenario).components.blocks!;
    expect(blocks.capacityRps).toBeCloseTo(3500, 0);
    // 200 saves x 10 blocks a second over a month of 730 hours, at $5 a million
    expect(blocks.cost.totalUsdPerMonth).toBeGreaterThan(0.95 * 2000 * 730 * 3600 * 5e-6);
  });

  it('a save of a 40 MB file in 4 MB blocks stores 10 blocks, and 200 saves arrive a second', () => {
    expect(text).toContain('files of about 40 MB, so a save stores 10 blocks');
    expect(text).toContain('About 200 saves arrive each second');
    expect(edge(scenario.design, 'e-sync-blocks').callsPerRequest).toBe(40 / 4);
    expect(scenario.workload.clientRps).toEqual({ devices: 200 });
  });
});

describe('file-sync-blocks: fair answers and tempting ones', () => {
  it('passes the reference: only the changed block is sent, after asking which blocks are new', () => {
    expect(gradeFix(scenario, scenario.solution).passed).toBe(true);
    expect(messages(scenario.solution)).toBe('');
  });

  it('fails more Sync API servers: the waits and the bill stay, since each save still sends 10 blocks', () => {
    const d = structuredClone(scenario.design);
    node(d, 'sync').params.instances = 16;
    expect(messages(d)).toBe('');
    expect(failedChecks(d)).toEqual(['monthlyCostUsd', 'p99LatencyMs']);
  });

  it('fails more S3 prefixes: they raise what S3 takes a second, not what a block costs', () => {
    const d = structuredClone(scenario.design);
    node(d, 'blocks').params.instances = 4;
    node(d, 'sync').params.instances = 16;
    expect(failedChecks(d)).toContain('monthlyCostUsd');
  });

  it('fails a cheaper S3: the price is Amazon\'s', () => {
    const d = structuredClone(scenario.design);
    node(d, 'blocks').params.pricePerMillion = 0.4;
    expect(messages(d)).toMatch(/"Block store \(S3, 4 MB blocks\)": you changed/);
  });

  it('fails a block count cut below one a save ("batched"): the changed block must be stored', () => {
    const d = structuredClone(scenario.solution);
    edge(d, 'e-sync-new-blocks').callsPerRequest = 0.1;
    expect(messages(d)).toMatch(/every save must store the block it changed/);
  });

  it('fails a cache in front of the block store: a cache does not store new blocks', () => {
    const d = structuredClone(scenario.solution);
    d.nodes.push({ id: 'bc', kind: 'cache', label: 'Block cache', groupId: 'zone-a', position: { x: 780, y: 330 }, params: { hitRatio: 0.99 } });
    edge(d, 'e-sync-new-blocks').target = 'bc';
    d.edges.push({ id: 'e-bc-blocks', source: 'bc', target: 'blocks', mode: 'sync', callsPerRequest: 1, share: 1 });
    expect(messages(d)).toMatch(/every save must store the block it changed/);
  });

  it('fails blocks kept in the metadata database instead of the block store', () => {
    const d = structuredClone(scenario.solution);
    edge(d, 'e-sync-new-blocks').target = 'meta';
    expect(messages(d)).toMatch(/Nothing from "Laptops and phones \(saves\)" reaches "Block store \(S3, 4 MB blocks\)" any more/);
  });

  it('fails a design that no longer tells the other devices', () => {
    const d = structuredClone(scenario.solution);
    d.edges = d.edges.filter((e) => e.id !== 'e-notices-notifier');
    expect(messages(d)).toMatch(/other devices must hear about every new version/);
  });
});

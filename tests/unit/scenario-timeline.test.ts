// The fix panel's simulated check: the scenario's timeline in words with the work a run takes,
// and the fingerprint that ties a saved verdict to the design it ran on.
import { describe, expect, it } from 'vitest';
import { describeTimeline, simulationKey } from '../../src/scenarios';
import { formatDuration, formatMs } from '../../src/scenarios/format';
import { bundledFixScenario as bundled } from './helpers/bundled-scenario';

describe('describeTimeline', () => {
  it('says what the run replays, and how many requests it sends', () => {
    const scenario = bundled('notification-system');
    const summary = describeTimeline(scenario)!;
    expect(summary.durationS).toBe(4030);
    expect(summary.lines).toEqual([
      'From the start: a daily cycle between 5 req/s and 150 req/s, peaking at 30 min (a day lasts 24 h)',
      'At 1 h: a spike to 400 req/s for 60 s',
      'At 15 min, for 5 min: SMS provider is 4x slower',
    ]);
    // Near the day's peak for the whole run (about 150/s), plus the spike's extra 250/s for 60 s.
    expect(summary.requests).toBeGreaterThan(4030 * 148 + 60 * 240);
    expect(summary.requests).toBeLessThan(4030 * 150 + 60 * 255);
  });

  it('counts a ramp and names crashed instances and lost zones', () => {
    const video = describeTimeline(bundled('video-streaming-cdn'))!;
    // 630/s rising to 6,300/s over 300 s, then 60 s at 6,300/s.
    expect(video.requests).toBeCloseTo(((630 + 6300) / 2) * 300 + 6300 * 60, -3);
    expect(describeTimeline(bundled('ride-sharing-locations'))!.lines).toContain('At 30 s, for 30 s: 2 instances of Location service crash');
    expect(describeTimeline(bundled('multi-zone-failover'))!.lines).toEqual(['Steady traffic: 800 req/s', 'At 2 min, for 10 min: eu-west-1a is lost, with everything in it']);
  });

  it('gives nothing for a design that lacks a client of the scenario', () => {
    const scenario = bundled('multi-zone-failover');
    expect(describeTimeline(scenario, { ...scenario.design, nodes: scenario.design.nodes.filter((n) => n.kind !== 'client'), edges: [] })).toBeNull();
  });
});

describe('simulationKey', () => {
  const design = bundled('multi-zone-failover').design;
  it('ignores where components sit on the canvas and what they are called', () => {
    const moved = { ...design, nodes: design.nodes.map((n) => ({ ...n, position: { x: n.position.x + 40, y: 7 }, label: `${n.label}!` })) };
    expect(simulationKey(moved)).toBe(simulationKey(design));
  });
  it('changes with anything the simulation feels: a setting, a zone, a connection, a retry', () => {
    const key = simulationKey(design);
    const api = design.nodes.findIndex((n) => n.id === 'api');
    const withParam = structuredClone(design);
    withParam.nodes[api]!.params.instances = 3;
    const moved = structuredClone(design);
    delete moved.nodes[api]!.groupId;
    const retried = structuredClone(design);
    retried.edges[0]!.resilience = { retry: { maxRetries: 1 } };
    const async = structuredClone(design);
    async.edges[1]!.mode = 'async';
    const keys = [withParam, moved, retried, async].map(simulationKey);
    expect(new Set([key, ...keys]).size).toBe(5);
  });
});

describe('durations and long waits in words', () => {
  it('switches units as a reader would', () => {
    expect([formatDuration(45), formatDuration(90), formatDuration(600), formatDuration(3600), formatDuration(4030)]).toEqual(['45 s', '90 s', '10 min', '1 h', '1 h 7 min']);
    expect([formatMs(52.2), formatMs(12_345), formatMs(1_972_907)]).toEqual(['52 ms', '12.3 s', '32.9 min']);
  });
});

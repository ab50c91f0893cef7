// Fix-mode invariants: the story's work must still happen and its world stay as it is, checked
// before any figure. Every bundled fix scenario's reference solution keeps them, the cheats the
// checker generates all fail, and so do cheats written here by hand; fair changes still pass.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Design, DesignNode } from '../../src/model/types';
import { checkScenarioSources, formatIssue, gradeFix, parseScenarioYaml, planReplications, type FixScenario } from '../../src/scenarios';
import { scenarioSimOptions } from '../../src/scenarios/simulation';
import { generateFixCheats } from '../../src/scenarios/modes/fix/cheats';
import { checkFixInvariants, type InvariantRule } from '../../src/scenarios/modes/fix/invariants';

const DIR = join(import.meta.dirname, '../../scenarios');
const texts = new Map(readdirSync(DIR).filter((f) => f.endsWith('.yaml')).map((f) => [f.replace(/\.yaml$/, ''), readFileSync(join(DIR, f), 'utf8')]));

function load(text: string): FixScenario {
  const r = parseScenarioYaml(text);
  if (!r.ok) throw new Error(r.issues.map((i) => formatIssue(i)).join('\n'));
  return r.scenario as FixScenario;
}

const FIX_IDS = [...texts].filter(([, t]) => /^mode: fix$/m.test(t)).map(([id]) => id);
const bundled = (id: string) => load(texts.get(id)!);

const node = (d: Design, id: string): DesignNode => d.nodes.find((n) => n.id === id)!;
const rules = (s: FixScenario, d: Design): InvariantRule[] => checkFixInvariants(s, d).map((f) => f.rule);
const messages = (s: FixScenario, d: Design) => checkFixInvariants(s, d).map((f) => f.message).join('\n');

describe('every bundled fix scenario', () => {
  it('has each of them declaring its work and its world', () => {
    expect(FIX_IDS.sort()).toEqual(['analytics-pipeline', 'cache-stampede', 'file-sync-blocks', 'multi-zone-failover', 'notification-system', 'read-your-writes-regions', 'ride-sharing-locations', 'sharding-hot-tenant', 'ticket-onsale-load-shedding', 'unique-id-generation', 'video-streaming-cdn']);
    for (const id of FIX_IDS) {
      expect(bundled(id).invariants.length, id).toBeGreaterThan(0);
      expect(bundled(id).environment.length, id).toBeGreaterThan(0);
    }
  });

  it.each(FIX_IDS)('%s: the reference solution and the starting design keep every invariant, and the reference passes', (id) => {
    const s = bundled(id);
    expect(checkFixInvariants(s, s.solution)).toEqual([]);
    expect(checkFixInvariants(s, s.design)).toEqual([]);
    expect(gradeFix(s, s.solution).passed).toBe(true);
  });

  it.each(FIX_IDS)('%s: every generated cheat fails on an invariant, before any figure', (id) => {
    const s = bundled(id);
    const cheats = generateFixCheats(s);
    const kinds = ['only the clients', 'no connections', 'calls per request', 'cut to 1%', 'share set to 0', 'queue cut to one', 'physics edited', 'kind swapped', 'zones and regions removed', 'moved out of every zone'];
    for (const kind of kinds) expect(cheats.some((c) => c.name.includes(kind)), `${id} generates "${kind}"`).toBe(true);
    for (const cheat of cheats) {
      const grade = gradeFix(s, cheat.design);
      expect(grade.passed, `${id}: ${cheat.name}`).toBe(false);
      // Cut queues fail on whatever they cost: work turned away, or the error-rate check, or (where nothing is overloaded
      // and little is turned away) the checks the scenario already fails. Every other cheat breaks a rule before any figure.
      if (cheat.name.includes('queue cut to one')) continue;
      // Everything moved into a new zone the story's zone loss does not name keeps the rules (zones may be added) and is
      // a one-zone design: its steady availability counts any zone's loss and fails (tested below).
      if (cheat.name.includes('does not reach')) continue;
      expect(grade.invariants.length, `${id}: ${cheat.name}`).toBeGreaterThan(0);
      expect(grade.checks, `${id}: ${cheat.name} gets no figures`).toEqual([]);
    }
  });
});

describe('structural sanity, undeclared', () => {
  const s = bundled('notification-system');

  it('fails a design of clients only, and one with no connections, naming the client', () => {
    const clientsOnly = { ...s.solution, nodes: s.solution.nodes.filter((n) => n.kind === 'client'), edges: [] };
    expect(messages(s, clientsOnly)).toMatch(/only clients/);
    expect(messages(s, { ...s.solution, edges: [] })).toMatch(/Requests from "Clinic booking systems" go nowhere/);
  });

  it('fails a zeroed call or share, naming the connection', () => {
    const d = structuredClone(s.solution);
    d.edges.find((e) => e.id === 'e-api-prefs')!.callsPerRequest = 0;
    expect(rules(s, d)).toContain('zeroed-call');
    expect(messages(s, d)).toMatch(/"Notification API" > "Patient preferences DB" has calls per request set to 0/);
    const e = structuredClone(s.solution);
    e.edges.find((x) => x.id === 'e-smsw-sms')!.share = 0;
    expect(messages(s, e)).toMatch(/"SMS senders" > "SMS provider" has its share of requests set to 0/);
  });

  it('fails a client whose requests only partly go anywhere', () => {
    const v = bundled('video-streaming-cdn');
    const d = structuredClone(v.solution);
    d.edges.find((x) => x.id === 'e-viewers-cdn')!.share = 0.1;
    expect(messages(v, d)).toMatch(/Only 14\.8% of requests from "Lecture players" go anywhere \(it was 100%\)/);
  });

  it('fails a sync call made async with no queue to hold the message (the reminders would be lost)', () => {
    const d = structuredClone(s.design);
    d.edges.find((e) => e.id === 'e-api-sms')!.mode = 'async';
    d.edges.find((e) => e.id === 'e-api-email')!.mode = 'async';
    const found = checkFixInvariants(s, d).filter((f) => f.rule === 'unheld-message');
    expect(found.map((f) => f.target).sort()).toEqual(['e-api-email', 'e-api-sms']);
    expect(found[0]!.message).toMatch(/async with no queue or stream to hold the message/);
  });

  it('fails a database relabelled as a cache (ride-sharing), and lets a new cache in beside it', () => {
    const r = bundled('ride-sharing-locations');
    const d = structuredClone(r.design);
    Object.assign(node(d, 'locdb'), { kind: 'cache', params: { instances: 2 } });
    expect(messages(r, d)).toMatch(/"Locations DB \(PostgreSQL\)" was a relational database and is now a cache/);
    expect(rules(r, r.solution)).toEqual([]); // the reference adds a new cache and removes the database: fair
  });
});

describe('work turned away', () => {
  it('fails a queue of one in front of the bottleneck when the scenario has no error-rate target, naming who turns work away', () => {
    const s = bundled('ride-sharing-locations');
    expect(s.checks).not.toContain('errorRate');
    const d = structuredClone(s.design);
    for (const id of ['wsgw', 'location', 'locdb']) node(d, id).params.queueCapacity = 1;
    const grade = gradeFix(s, d);
    expect(grade.passed).toBe(false);
    expect(grade.checks).toEqual([]);
    expect(grade.invariants.map((f) => f.rule)).toEqual(['work-turned-away', 'work-turned-away']);
    expect(grade.invariants[0]!.message).toMatch(/^\d+(\.\d+)?% of requests from "Driver apps" are turned away \(by .*"Locations DB \(PostgreSQL\)"\): a request turned away is work not done/);
  });

  it('fails a rate limit far under the traffic, and leaves it to the error-rate check where the scenario has one', () => {
    const s = bundled('ride-sharing-locations');
    const d = structuredClone(s.design);
    d.nodes.push({ id: 'rl', kind: 'rate-limiter', label: 'Limiter', params: { limitRps: 1500 }, position: { x: 0, y: 0 }, groupId: d.groups[0]!.id });
    d.edges.find((e) => e.id === 'e-drivers-wsgw')!.target = 'rl';
    d.edges.push({ id: 'e-rl-wsgw', source: 'rl', target: 'wsgw', mode: 'sync', callsPerRequest: 1, share: 1 });
    expect(gradeFix(s, d).invariants.map((f) => f.message).join('\n')).toMatch(/^97% of requests from "Driver apps" are turned away \(by "Limiter"\)/);
    const n = bundled('notification-system');
    const q = structuredClone(n.design);
    node(q, 'api').params.queueCapacity = 1;
    const grade = gradeFix(n, q);
    expect(grade.invariants).toEqual([]);
    expect(grade.checks.find((c) => c.check === 'errorRate')!.passed).toBe(false);
  });
});

describe('declared paths', () => {
  it('fails dropping a provider, sending fewer reminders, or caching the sends', () => {
    const s = bundled('notification-system');
    const dropped = structuredClone(s.solution);
    dropped.nodes = dropped.nodes.filter((n) => n.id !== 'sms');
    dropped.edges = dropped.edges.filter((e) => e.target !== 'sms');
    expect(messages(s, dropped)).toMatch(/Nothing from "Clinic booking systems" reaches "SMS provider" any more: the text reminders are no longer sent/);

    const fewer = structuredClone(s.solution);
    fewer.edges.find((e) => e.id === 'e-api-smsq')!.share = 0.1;
    expect(messages(s, fewer)).toMatch(/Only 10% of requests from "Clinic booking systems" reach "SMS provider" \(the story needs at least 60%\)/);

    // A cache answering 99% of "sends" would take the load off the provider by not sending.
    const cached = structuredClone(s.solution);
    cached.nodes.push({ id: 'fake', kind: 'cache', label: 'Send cache', params: { hitRatio: 0.99 }, position: { x: 0, y: 0 } });
    cached.edges = cached.edges.filter((e) => e.id !== 'e-smsw-sms');
    cached.edges.push({ id: 'c1', source: 'smsw', target: 'fake', mode: 'sync', callsPerRequest: 1, share: 1 }, { id: 'c2', source: 'fake', target: 'sms', mode: 'sync', callsPerRequest: 1, share: 1 });
    expect(messages(s, cached)).toMatch(/Only 0\.6(00)?% of requests .* reach "SMS provider"/);
  });

  it('fails "batching" texts into one provider call per hundred, which the SMS API does not do', () => {
    const s = bundled('notification-system');
    const d = structuredClone(s.solution);
    d.edges.find((e) => e.id === 'e-smsw-sms')!.callsPerRequest = 0.01;
    expect(messages(s, d)).toMatch(/Requests from "Clinic booking systems" make 0\.01 calls to "SMS provider" where the story needs 0\.6: the text reminders are no longer sent/);
  });

  it('fails splitting the emails over a copy of the provider (a second rate limit for free)', () => {
    const s = bundled('notification-system');
    const d = structuredClone(s.solution);
    d.nodes.push({ ...structuredClone(node(d, 'email')), id: 'email2', label: 'Email provider (again)' });
    d.edges.find((e) => e.id === 'e-emailw-email')!.share = 0.5;
    d.edges.push({ id: 'e-emailw-email2', source: 'emailw', target: 'email2', mode: 'sync', callsPerRequest: 1, share: 0.5 });
    expect(messages(s, d)).toMatch(/Only 35% of requests from "Clinic booking systems" reach "Email provider"/);
  });

  it('fails one database query where the story makes two (multi-zone-failover)', () => {
    const s = bundled('multi-zone-failover');
    const d = structuredClone(s.design);
    d.edges.find((e) => e.id === 'e-api-db')!.callsPerRequest = 1;
    expect(messages(s, d)).toMatch(/make 1\.00 calls to any relational database where the story needs 2: every request makes two queries/);
  });

  it('fails drivers and riders using different stores (ride-sharing)', () => {
    const s = bundled('ride-sharing-locations');
    const d = structuredClone(s.solution);
    d.nodes.push({ ...structuredClone(node(d, 'geo')), id: 'geo2', label: 'Another index' });
    d.edges.find((e) => e.id === 'e-matching-geo')!.target = 'geo2';
    expect(messages(s, d)).toMatch(/"Driver apps" and "Rider apps" no longer reach one and the same cache, NoSQL store or relational database: riders' searches no longer see the drivers' positions/);
  });

  it('fails a CDN with nowhere to fetch a miss from (video-streaming-cdn)', () => {
    const s = bundled('video-streaming-cdn');
    const d = structuredClone(s.solution);
    d.edges = d.edges.filter((e) => e.id !== 'e-cdn-segments');
    expect(messages(s, d)).toMatch(/Nothing from "Lecture players" reaches "Video segments \(S3\)" any more: the lectures no longer play/);
  });
});

describe('environment', () => {
  it('where things run is the world: dropping the zones, or leaving the API outside them, does not escape a zone loss', () => {
    const s = bundled('multi-zone-failover');
    // Both API copies in one zone fail the availability check; these are the ways around it a learner might try.
    const noZones = structuredClone(s.solution);
    noZones.groups = [];
    for (const n of noZones.nodes) delete n.groupId;
    expect(gradeFix(s, noZones).passed).toBe(false);
    expect(messages(s, noZones)).toContain('The zone "eu-west-1a" is gone');
    const unplaced = structuredClone(s.solution);
    delete node(unplaced, 'api-b').groupId;
    expect(gradeFix(s, unplaced).passed).toBe(false);
    expect(messages(s, unplaced)).toBe('"Invoicing API (zone b)" sits in no zone or region, so no zone\'s failure could reach it. Place it in a zone, or on a region when its copies are spread over the region\'s zones.');
    // Adding a zone, or moving a part between zones and regions, is design.
    expect(rules(s, s.solution)).toEqual([]);
    const cramped = structuredClone(s.solution);
    node(cramped, 'api-b').groupId = 'zone-a';
    expect(rules(s, cramped)).toEqual([]);
    expect(gradeFix(s, cramped).passed).toBe(false); // fails on its figures instead
  });

  it('everything moved into a new zone that the story\'s zone loss does not name is a one-zone design, and fails on availability', () => {
    const s = bundled('multi-zone-failover');
    const escaped = generateFixCheats(s).find((c) => c.name.startsWith('everything in one new zone'))!;
    expect(escaped.name).toBe('everything in one new zone that the loss of eu-west-1a does not reach (reference solution)');
    expect(new Set(escaped.design.nodes.filter((n) => n.groupId?.startsWith('zone')).map((n) => n.groupId))).toEqual(new Set(['zone-a-escaped']));
    const grade = gradeFix(s, escaped.design);
    expect(grade.invariants).toEqual([]);
    expect(grade.checks.find((c) => c.check === 'availability')).toMatchObject({ passed: false });
    expect(grade.passed).toBe(false);
    // The simulated zone loss takes the zone whose loss costs most (the world's draw), so the run fails it too; the reference's
    // two zones are alike, so its run keeps the story's zone.
    const lost = (d: Design) => scenarioSimOptions(s, d).options.failures!.map((f) => (f.kind === 'group-outage' ? f.groupId : null));
    expect(lost(escaped.design)).toEqual(['zone-a-escaped']);
    expect(lost(s.solution)).toEqual(['zone-a']);
    expect(lost(s.design)).toEqual(['zone-a']);
  });

  it('fails a raised third-party rate limit, naming the component and the setting', () => {
    const s = bundled('notification-system');
    const d = structuredClone(s.solution);
    node(d, 'sms').params.instances = 3;
    expect(messages(s, d)).toBe('"SMS provider": you changed instances from 1 to 3, but the providers set their own speed, rate limits and prices. Put it back.');
  });

  it('fails a new vendor better than the one the story has', () => {
    const s = bundled('notification-system');
    const d = structuredClone(s.solution);
    d.nodes.push({ id: 'sms2', kind: 'third-party-api', label: 'Fast SMS', params: { concurrency: 1000 }, position: { x: 0, y: 0 } });
    d.edges.find((e) => e.id === 'e-smsw-sms')!.target = 'sms2';
    const m = messages(s, d);
    expect(m).toMatch(/"Fast SMS" is new, with concurrency per instance 1,000/);
    expect(m).toMatch(/reaches "SMS provider"/);
  });

  it("fails a VM's availability or S3's speed edited, and lets more S3 prefixes through", () => {
    const s = bundled('video-streaming-cdn');
    const vm = structuredClone(s.design);
    node(vm, 'api').params.availability = 0.99999;
    expect(messages(s, vm)).toMatch(/"Video API": you changed availability per instance from 99\.5% to 99\.999%/);
    const s3 = structuredClone(s.design);
    node(s3, 'segments').params.serviceMs = 5;
    expect(messages(s, s3)).toMatch(/"Video segments \(S3\)": you changed service time from 30 ms to 5\.0 ms, but S3's time per request/);
    const prefixes = structuredClone(s.design);
    node(prefixes, 'segments').params.instances = 2;
    expect(checkFixInvariants(s, prefixes)).toEqual([]);
  });

  it('allows a product the story offers, only as a whole (multi-zone-failover Aurora)', () => {
    const s = bundled('multi-zone-failover');
    const aurora = structuredClone(s.design);
    Object.assign(node(aurora, 'db').params, { availability: 0.9999, pricePerHour: 0.52 });
    expect(checkFixInvariants(s, aurora)).toEqual([]);
    const cheap = structuredClone(s.design);
    node(cheap, 'db').params.availability = 0.9999;
    expect(messages(s, cheap)).toMatch(/"Invoices DB \(PostgreSQL\)": you changed availability per instance from 99\.5% to 99\.99%, but a database's availability comes with the product/);
    const better = structuredClone(s.design);
    Object.assign(node(better, 'db').params, { availability: 0.99999, pricePerHour: 0.52 });
    expect(rules(s, better)).toEqual(['environment']);
  });

  it('fails a CDN hit ratio above what the story allows, and a new API faster than the old one', () => {
    const s = bundled('video-streaming-cdn');
    const d = structuredClone(s.solution);
    node(d, 'cdn').params.hitRatio = 0.999;
    expect(messages(s, d)).toMatch(/"Video CDN" is new, with hit ratio 99\.9%/);
    const fast = structuredClone(s.design);
    fast.nodes.push({ ...structuredClone(node(fast, 'api')), id: 'api2', label: 'Fast API', params: { instances: 6, serviceMs: 0.5 } });
    fast.edges.find((e) => e.id === 'e-lb-api')!.target = 'api2';
    expect(messages(s, fast)).toMatch(/"Fast API" is new, with service time 0\.50 ms/);
    const same = structuredClone(s.design);
    same.nodes.push({ ...structuredClone(node(same, 'api')), id: 'api2', label: 'Video API 2' });
    same.edges.find((e) => e.id === 'e-lb-api')!.target = 'api2';
    same.edges.find((e) => e.id === 'e-api-segments')!.source = 'api2';
    same.edges.find((e) => e.id === 'e-api-catalog')!.source = 'api2';
    expect(checkFixInvariants(s, same)).toEqual([]);
  });
});

describe('the story\'s failures keep their targets', () => {
  /** The design with component `id` replaced by the same component under another id: the story's failure would hit nothing. */
  const renamed = (d: Design, id: string): Design => {
    const out = structuredClone(d);
    node(out, id).id = `${id}-2`;
    for (const e of out.edges) {
      if (e.source === id) e.source = `${id}-2`;
      if (e.target === id) e.target = `${id}-2`;
    }
    return out;
  };

  it.each([
    ['cache-stampede', 'redis', 'Page cache (Redis)', 'crash'],
    ['notification-system', 'sms', 'SMS provider', 'slow down'],
    ['ride-sharing-locations', 'location', 'Location service', 'crash'],
  ])('%s: the reference with %s under another id fails, steady and simulated, naming the failure it escaped', (id, target, label, failure) => {
    const s = bundled(id);
    const cheat = renamed(s.solution, target);
    const said = new RegExp(`The component "${label.replace(/[()]/g, '\\$&')}" \\(id "${target}"\\) is gone from the design, but the story's failure \\(${failure}\\) happens to it`);
    expect(messages(s, cheat)).toMatch(said);
    const steady = gradeFix(s, cheat);
    expect(steady.passed).toBe(false);
    expect(steady.invariants.map((f) => f.message).join('\n')).toMatch(said);
    const planned = planReplications(s, cheat, { replications: 2 });
    expect(planned.ok).toBe(false);
    // The same component under its own id passes as before.
    expect(gradeFix(s, s.solution).passed).toBe(true);
  });
});

describe('in scenario check and in the simulated grade', () => {
  it('fails a scenario whose declarations leave a cheat open, naming the cheat', () => {
    // The email provider's path (the SMS provider is the story's slowdown target, kept by that alone).
    const text = texts.get('notification-system')!.replace(/ {2}- from: \[clinics\]\n {4}to: \[email\]\n {4}share: 0\.7\n {4}callsPerRequest: 0\.7\n {4}message: [^\n]*\n/, '');
    expect(text).not.toBe(texts.get('notification-system'));
    const report = checkScenarioSources([{ file: 'notification-system.yaml', text }]);
    expect(report.failures.map((f) => f.message).join('\n')).toMatch(/a learner could pass with a cheat \(dropped: Email provider \(reference solution\)\)/);
  });

  it('names a declared component that is not in the design', () => {
    const text = texts.get('notification-system')!.replace('components: [sms, email]', 'components: [sms, mail]');
    const report = checkScenarioSources([{ file: 'notification-system.yaml', text }]);
    expect(report.failures.map((f) => f.message).join('\n')).toMatch(/there is no component "mail" in the starting design/);
  });

  it('gives no simulated figures to a design that breaks an invariant', () => {
    const s = bundled('notification-system');
    const d = structuredClone(s.solution);
    node(d, 'sms').params.concurrency = 300;
    const planned = planReplications(s, d, { replications: 2 });
    expect(planned.ok).toBe(false);
    if (!planned.ok) expect(planned.grade.problems.join(' ')).toMatch(/"SMS provider": you changed concurrency per instance from 30 to 300/);
  });
});

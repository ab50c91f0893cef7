// Figures the bundled scenarios quote in their stories, hints, keys and explanations, held to the
// analytic engine. Identify and critique scenarios have no checks of their own, and a compare
// explanation says more than its question's metric, so without this a change to the engine or the
// catalog would leave the words behind. Each entry quotes the words as they stand in the file (so
// editing the text alone fails too) and states the engine figure with the rounding the words allow.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileDesign, computeHeadroom, NETWORK_RTT_MS, type ComponentResult, type DesignSolution, type FlowResult } from '../../src/engine/analytic';
import { availabilityInputs } from '../../src/engine/analytic/request-availability';
import { defaultParams } from '../../src/model/catalog';
import type { Design } from '../../src/model/types';
import { solveForScenario } from '../../src/scenarios/evaluate';
import { monthlyRequests, monthlyRequestScale } from '../../src/scenarios/month';
import { SECONDS_PER_MONTH } from '../../src/engine/metrics/cost';
import type { Scenario } from '../../src/scenarios/types';
import { bundledScenario } from './helpers/bundled-scenario';

type Side = 'design' | 'designB' | 'solution';

class Solved {
  constructor(
    readonly scenario: Scenario,
    readonly design: Design,
    readonly solution: DesignSolution,
  ) {}
  component(id: string): ComponentResult {
    const c = this.solution.components[id];
    if (!c) throw new Error(`${this.scenario.id} has no component "${id}"`);
    return c;
  }
  utilization(id: string): number {
    return this.component(id).utilization ?? Infinity;
  }
  flow(clientId: string): FlowResult {
    const f = this.solution.flows.find((x) => x.clientId === clientId);
    if (!f) throw new Error(`${this.scenario.id} has no flow from "${clientId}"`);
    return f;
  }
  /** Requests per second the client can send before something saturates. */
  maxRps(clientId: string): number {
    const headroom = computeHeadroom(this.design, { clientRps: this.scenario.workload.clientRps });
    const entry = headroom.ok ? headroom.entries.find((e) => e.clientId === clientId) : undefined;
    return entry?.maxRps ?? Infinity;
  }
  headroomX(clientId: string): number {
    return this.maxRps(clientId) / this.flow(clientId).rps;
  }
  costUsd(id?: string): number {
    return id === undefined ? this.solution.cost.totalUsdPerMonth : this.component(id).cost.totalUsdPerMonth;
  }
}

function designOf(scenario: Scenario, side: Side): Design {
  if (side === 'design') return scenario.design;
  if (side === 'designB' && scenario.mode === 'compare') return scenario.designB;
  if (side === 'solution' && scenario.mode === 'fix') return scenario.solution;
  throw new Error(`${scenario.id} has no ${side}`);
}

function solved(id: string, side: Side = 'design', change?: (d: Design) => void): Solved {
  const scenario = bundledScenario(id);
  const design = structuredClone(designOf(scenario, side));
  change?.(design);
  const result = solveForScenario(scenario, design);
  if (!result.ok) throw new Error(result.problems.join('\n'));
  return new Solved(scenario, design, result.solution);
}

/** The scenario file's text with line breaks and indentation folded, so a quote may span lines. */
function fileText(id: string): string {
  return readFileSync(join(import.meta.dirname, '../../scenarios', `${id}.yaml`), 'utf8').replace(/\s+/g, ' ');
}

function expectQuote(id: string, quote: string): void {
  expect(fileText(id), `${id} no longer says "${quote}"`).toContain(quote);
}

describe('figures quoted in the bundled scenarios agree with the engine', () => {
  it('news-feed-fanout: headroom and cost of the two ways to build a timeline', () => {
    const id = 'news-feed-fanout';
    const a = solved(id);
    const b = solved(id, 'designB');
    expectQuote(id, 'at about 1.7 times tonight\'s reading');
    expect(b.headroomX('readers')).toBeGreaterThan(1.65);
    expect(b.headroomX('readers')).toBeLessThan(1.75);
    expectQuote(id, 'about 7 times tonight\'s posting');
    expect(b.headroomX('posters')).toBeGreaterThan(6.5);
    expect(b.headroomX('posters')).toBeLessThan(7.5);
    expectQuote(id, 'fan-out on read\'s Timeline API gives out at about 1.4 times');
    expect(a.component('timeline').utilization).toBeGreaterThan(0.69);
    expect(a.headroomX('readers')).toBeGreaterThan(1.35);
    expect(a.headroomX('readers')).toBeLessThan(1.45);
    expectQuote(id, 'Fan-out on write, by more than ten times');
    expect(a.costUsd() / b.costUsd()).toBeGreaterThan(10);
    expectQuote(id, 'about 20,000 cache-miss reads a second');
    expect(a.component('posts').offeredRps).toBeGreaterThan(19_500);
  });

  it('build-vs-buy-queue: what each broker costs, and the S3 line both bills share', () => {
    const id = 'build-vs-buy-queue';
    const a = solved(id);
    const b = solved(id, 'designB');
    expectQuote(id, 'three virtual machines cost about $180 a month, three MSK brokers about $450');
    expect(a.costUsd('broker')).toBeCloseTo(180, -1);
    expect(b.costUsd('broker')).toBeCloseTo(450, -1);
    expectQuote(id, 'Running it ourselves, by about $270 a month');
    expect(b.costUsd() - a.costUsd()).toBeCloseTo(270, -1);
    expectQuote(id, '5.3 billion S3 PUT requests a month, about $26,000');
    expect(a.costUsd('labels')).toBeCloseTo(26_000, -3);
    expect(b.costUsd('labels')).toBe(a.costUsd('labels'));
    expectQuote(id, 'The broker choice moves the bill by about 1%');
    expect((b.costUsd() - a.costUsd()) / a.costUsd()).toBeCloseTo(0.01, 2);
  });

  it('search-autocomplete: the full search\'s p99 is its own work, not the queue', () => {
    const id = 'search-autocomplete';
    const a = solved(id);
    const b = solved(id, 'designB');
    expectQuote(id, 'take 100-300 ms (about 180 ms here)');
    expect(a.flow('typers').p99ResponseMs).toBeGreaterThan(170);
    expect(a.flow('typers').p99ResponseMs).toBeLessThan(195);
    expectQuote(id, 'with twice the nodes the p99 stays the same');
    const doubled = solved(id, 'design', (d) => {
      const search = d.nodes.find((n) => n.id === 'search')!;
      search.params.instances = 2 * (search.params.instances ?? 1);
    });
    expect(doubled.flow('typers').p99ResponseMs! / a.flow('typers').p99ResponseMs!).toBeGreaterThan(0.98);
    expectQuote(id, 'about 3 ms of worker time against about 23 ms');
    expect(b.component('api').meanResponseMs).toBeCloseTo(3, 0);
    expect(a.component('api').meanResponseMs).toBeCloseTo(23, -1);
    expectQuote(id, 'one virtual machine at about 99.5%');
    expect(b.flow('typers').availability).toBeCloseTo(0.995, 3);
    expectQuote(id, 'A replica of the cache, about $150 a month, closes the gap');
    expect(b.costUsd('pcache')).toBeCloseTo(150, -1);
  });

  it('chat-app-critique: how busy the launch design is, and where the cup final breaks it', () => {
    const id = 'chat-app-critique';
    const s = solved(id);
    expectQuote(id, 'the Messages DB is 40% busy and the chat servers 46%');
    expect(s.utilization('msgdb')).toBeCloseTo(0.4, 2);
    expect(s.utilization('chat')).toBeCloseTo(0.46, 2);
    expectQuote(id, 'would need 120% of its capacity');
    expect(3 * s.utilization('msgdb')).toBeCloseTo(1.2, 1);
    expectQuote(id, 'they give out at about 8,600 requests a second, just over twice');
    expect(s.maxRps('phones')).toBeCloseTo(8_600, -2);
    expectQuote(id, '99.5% available on its own');
    expect(s.component('msgdb').availability).toBe(0.995);
  });

  it('checkout-flash-sale: the checkout carries about 72 orders a second', () => {
    const id = 'checkout-flash-sale';
    const s = solved(id);
    expectQuote(id, 'so 48 workers carry only about 72 orders a second');
    expect(s.maxRps('shoppers')).toBeGreaterThan(68);
    expect(s.maxRps('shoppers')).toBeLessThan(76);
    expectQuote(id, 'up to 450 checkout attempts a second, about six times what the checkout carries');
    expect(450 / s.maxRps('shoppers')).toBeGreaterThan(5.5);
    expect(450 / s.maxRps('shoppers')).toBeLessThan(6.8);
    expectQuote(id, '2,000 tents at 150 orders a second are gone in about 13 seconds');
  });

  it('checkout-flash-sale: the month is billed for one hour of sale and ordinary days, not a month of sale traffic', () => {
    const id = 'checkout-flash-sale';
    const scenario = bundledScenario(id);
    expectQuote(id, 'a one-hour flash sale');
    expectQuote(id, 'on an ordinary day the shop takes about 4,300 orders');
    expect(scenario.workload.quietRps * 86_400).toBeCloseTo(4_300, -2);
    // Worked by hand: the spike's 450/s for 120 s, then 150/s for the rest of the hour, then 0.05/s for the rest of the month.
    expect(monthlyRequests(scenario)).toBeCloseTo(450 * 120 + 150 * (3_600 - 120) + 0.05 * (SECONDS_PER_MONTH - 3_600), -2);
    const s = solved(id);
    // The outside APIs bill per call: about $0.001 each (the catalog's rule of thumb), so about $1,200 of calls and $660 of machines.
    expect(s.solution.cost.requestsUsdPerMonth).toBeCloseTo(1_180, -1);
    expect(s.solution.cost.instancesUsdPerMonth).toBeCloseTo(660, -1);
    // A month of sale traffic would have been $657,000 of calls.
    expect(s.solution.cost.requestsUsdPerMonth / monthlyRequestScale(scenario)).toBeCloseTo(657_000, -3);
  });

  it('monolith-to-microservices: the chain\'s p99, each service\'s two copies, and the unread Kafka', () => {
    const id = 'monolith-to-microservices';
    const s = solved(id);
    expectQuote(id, 'the booking path\'s p99 is about 130 ms');
    expect(s.flow('users').p99ResponseMs).toBeCloseTo(130, -1);
    // A service's own failures: both copies down while their zone is up (the zone is shared by everything, so it is not the chain's).
    expectQuote(id, 'machine faults take both copies of a service down together only about 0.002% of the time');
    const compiled = compileDesign(bundledScenario(id).design);
    if (!compiled.ok) throw new Error('monolith-to-microservices does not compile');
    const inputs = availabilityInputs(compiled.compiled);
    const ownDown = (service: string) => 1 - inputs.own[compiled.compiled.design.nodes.findIndex((n) => n.id === service)]![0]!.p;
    for (const service of ['booking', 'availability', 'calendar', 'staff']) expect(ownDown(service)).toBeCloseTo(0.00002, 6);
    expectQuote(id, 'the four in the chain together stay at about 99.99%');
    expect(['booking', 'availability', 'calendar', 'staff'].reduce((a, x) => a * (1 - ownDown(x)), 1)).toBeCloseTo(0.9999, 4);
    expectQuote(id, 'costs about $440 a month in brokers');
    expect(s.costUsd('events')).toBeCloseTo(440, -1);
  });

  it('api-rate-limiter: the forecast service a runaway script overloads', () => {
    const id = 'api-rate-limiter';
    const s = solved(id);
    expectQuote(id, 'already 73% busy at 4,500 requests a second and saturates at about 6,200');
    expect(s.utilization('forecast')).toBeCloseTo(0.73, 2);
    expect(4_500 / s.utilization('forecast')).toBeCloseTo(6_200, -2);
  });

  it('url-shortener and web-crawler-critique: the cache\'s share and the resolver\'s limit', () => {
    const url = solved('url-shortener');
    expectQuote('url-shortener', 'it answers about 1,070 of the 1,188 redirects a second');
    expect(url.component('cache').offeredRps).toBeCloseTo(1_188, 0);
    expect(url.component('cache').offeredRps - url.solution.edgeRps['e-cache-db']!).toBeCloseTo(1_070, -1);
    const crawler = solved('web-crawler-critique');
    expectQuote('web-crawler-critique', 'this one answers only about 330 a second');
    expect(crawler.component('dns').capacityRps).toBeCloseTo(330, -1);
    expectQuote('web-crawler-critique', 'Every fetch starts with a DNS lookup, 400 a second');
    expect(crawler.component('dns').offeredRps).toBeCloseTo(400, -1);
    expectQuote('web-crawler-critique', 'Checking 20 links per page is 8,000 database queries a second');
    expect(crawler.component('seen').offeredRps).toBeCloseTo(8_000, -2);
  });

  it('multi-zone-failover: the solution\'s database is priced as a primary and a standby', () => {
    const id = 'multi-zone-failover';
    const s = solved(id, 'solution');
    expectQuote(id, 'the primary and its standby cost about $0.52 an hour together');
    expect(s.costUsd('db')).toBeCloseTo(0.52 * 730, 0);
    expectQuote(id, 'Work out what the cache and the database at 99.5% each leave you with');
    const start = solved(id);
    expect(start.component('cache').availability).toBe(0.995);
    expect(start.component('db').availability).toBe(0.995);
  });
});

describe('figures quoted in the beginner scenarios agree with the engine', () => {
  it('what-a-cache-does: speed, room to grow and load on the database with and without the cache', () => {
    const id = 'what-a-cache-does';
    const a = solved(id);
    const b = solved(id, 'designB');
    expectQuote(id, 'With a cache, about 19 ms against about 40 ms');
    expect(b.flow('readers').meanResponseMs).toBeCloseTo(19, -0.5);
    expect(a.flow('readers').meanResponseMs).toBeCloseTo(40, -0.5);
    expectQuote(id, 'about 4.5 times tonight\'s readers, against about 1.7 times without one');
    expect(b.headroomX('readers')).toBeCloseTo(4.5, 0.5);
    expect(a.headroomX('readers')).toBeCloseTo(1.7, 1);
    expectQuote(id, 'ten look-ups, 8,000 a second, and it is already 57% busy');
    expect(a.component('db').offeredRps).toBeCloseTo(8_000, 0);
    expect(a.utilization('db')).toBeCloseTo(0.57, 1.5);
    expectQuote(id, 'the database sees 800 a second and is 6% busy');
    expect(b.component('db').offeredRps).toBeCloseTo(800, 0);
    expect(b.utilization('db')).toBeCloseTo(0.06, 2);
    expectQuote(id, 'the price of the cache machine, about $146 a month');
    expect(b.costUsd() - a.costUsd()).toBeCloseTo(146, 0);
    expect(b.costUsd('cache')).toBeCloseTo(146, 0);
    expectQuote(id, 'twice the speed and almost three times the room to grow');
    expect(a.flow('readers').meanResponseMs! / b.flow('readers').meanResponseMs!).toBeGreaterThan(1.9);
    expect(b.headroomX('readers') / a.headroomX('readers')).toBeGreaterThan(2.5);
    expect(b.headroomX('readers') / a.headroomX('readers')).toBeLessThan(3);
    expectQuote(id, 'it gets all 8,000, ten times its usual load');
    const cold = solved(id, 'designB', (d) => {
      d.nodes.find((n) => n.id === 'cache')!.params.hitRatio = 0;
    });
    expect(cold.component('db').offeredRps).toBeCloseTo(8_000, 0);
  });

  it('what-a-load-balancer-does: downtime, room to grow and the bill of one server against three', () => {
    const id = 'what-a-load-balancer-does';
    const a = solved(id);
    const b = solved(id, 'designB');
    expectQuote(id, 'about 99.5% of the time, which sounds like a lot until you work it out: more than three and a half hours a month');
    expect(a.component('web').availability).toBe(0.995);
    expect((1 - a.component('web').availability) * 730).toBeGreaterThan(3.5);
    expect((1 - a.component('web').availability) * 730).toBeLessThan(4);
    expectQuote(id, 'about 99% of the time it works: some 7 hours a month without it');
    expect(a.flow('customers').availability).toBeCloseTo(0.99, 2);
    expect((1 - a.flow('customers').availability) * 730).toBeCloseTo(7, -0.5);
    expectQuote(id, 'only the database\'s downtime is left: about 99.5%');
    expect(b.flow('customers').availability).toBeCloseTo(0.995, 3);
    // Everything else shares the database's zone, so the database's downtime is all that is left.
    expect(b.flow('customers').availability).toBeCloseTo(b.component('db').availability, 6);
    expectQuote(id, 'about 4.9 times today\'s traffic, against about 1.6 times for the single server, which is already over 60% busy');
    expect(b.headroomX('customers')).toBeCloseTo(4.9, 1);
    expect(a.headroomX('customers')).toBeCloseTo(1.6, 1);
    expect(a.utilization('web')).toBeGreaterThan(0.6);
    expect(a.utilization('web')).toBeLessThan(0.65);
    expectQuote(id, 'about $184 a month against about $319');
    expect(a.costUsd()).toBeCloseTo(184, 0);
    expect(b.costUsd()).toBeCloseTo(319, 0);
    expectQuote(id, 'the load balancer\'s hourly fee cost about $135 a month');
    expect(b.costUsd() - a.costUsd()).toBeCloseTo(135, -0.5);
  });

  it('why-a-queue: the buyer\'s wait, the minutes the email company is down, and the bill', () => {
    const id = 'why-a-queue';
    const a = solved(id);
    const b = solved(id, 'designB');
    expectQuote(id, '99 buyers in 100 see "Thank you" within about 100 ms');
    expect(b.flow('buyers').p99ResponseMs).toBeLessThan(100);
    expect(b.flow('buyers').p99ResponseMs).toBeGreaterThan(80);
    expectQuote(id, 'the slowest 1% of checkouts take about 3 seconds or more');
    expect(a.flow('buyers').p99ResponseMs).toBeGreaterThan(2_900);
    expect(a.flow('buyers').p99ResponseMs).toBeLessThan(3_500);
    expectQuote(id, 'at 99.9% that is about 44 minutes a month');
    expect(a.component('email').availability).toBe(0.999);
    expect((1 - a.component('email').availability) * 730 * 60).toBeCloseTo(44, -0.5);
    expect(b.flow('buyers').availability).toBeGreaterThan(a.flow('buyers').availability);
    expectQuote(id, 'Sending while waiting, by about $170 a month: design B pays for the queue (about $53) and the background worker\'s two machines (about $119)');
    expect(b.costUsd() - a.costUsd()).toBeCloseTo(170, -1);
    expect(b.costUsd('jobs')).toBeCloseTo(53, 0);
    expect(b.costUsd('sender')).toBeCloseTo(119, 0);
    expectQuote(id, 'about $13,140 a month for 131 million emails, the same in both');
    expect(a.costUsd('email')).toBeCloseTo(13_140, 0);
    expect(b.costUsd('email')).toBe(a.costUsd('email'));
    expect(a.component('email').offeredRps * 730 * 3600).toBeCloseTo(131e6, -6);
  });

  it('what-a-cdn-does: the ocean in the wait, the photo store\'s limit and the request charges', () => {
    const id = 'what-a-cdn-does';
    const a = solved(id);
    const b = solved(id, 'designB');
    expectQuote(id, 'crosses the Atlantic and back (60 ms in these figures');
    expect(a.flow('visitors').meanResponseMs! - a.component('photos').meanResponseMs!).toBeCloseTo(60, 5);
    expectQuote(id, 'Through a CDN: about 6 ms against about 90 ms');
    expect(b.flow('visitors').meanResponseMs).toBeCloseTo(6, 0);
    expect(a.flow('visitors').meanResponseMs).toBeCloseTo(90, 0);
    expectQuote(id, 'S3 answers about 5,500 requests a second for one set of files');
    expect(a.component('photos').capacityRps).toBeCloseTo(5_500, -1);
    expectQuote(id, 'design A gives out at about 5.5 times tonight\'s traffic');
    expect(a.headroomX('visitors')).toBeCloseTo(5.5, 1);
    expectQuote(id, 'S3 sees only the misses, 50 a second instead of 1,000, so the same S3 carries about 20 times more visitors');
    expect(b.component('photos').offeredRps).toBeCloseTo(50, 5);
    expect(b.headroomX('visitors') / a.headroomX('visitors')).toBeCloseTo(20, 0);
    expectQuote(id, 'From Virginia: about $1,050 a month against about $2,680');
    expect(a.costUsd()).toBeCloseTo(1_050, -1);
    expect(b.costUsd()).toBeCloseTo(2_680, -1);
    expectQuote(id, 'A CDN charges about $1 per million requests, more than S3\'s $0.40 per million');
    expectQuote(id, 'the CDN answers all 2.6 billion requests a month');
    expect(b.component('cdn').offeredRps * 730 * 3600).toBeCloseTo(2.6e9, -8);
    expect(b.costUsd('cdn') / (b.component('cdn').offeredRps * 730 * 3600 / 1e6)).toBeCloseTo(1, 5);
    expect(a.costUsd('photos') / (a.component('photos').offeredRps * 730 * 3600 / 1e6)).toBeCloseTo(0.4, 5);
  });

  it('monolith-or-microservices: the extra hops, three databases in a row, and the bill', () => {
    const id = 'monolith-or-microservices';
    const a = solved(id);
    const b = solved(id, 'designB');
    expectQuote(id, 'One app, but only by about 1.5 ms');
    expect(b.flow('shoppers').meanResponseMs! - a.flow('shoppers').meanResponseMs!).toBeCloseTo(1.5, 1);
    expectQuote(id, 'about half a millisecond each inside one data centre');
    expect(NETWORK_RTT_MS.sameZone).toBe(0.5);
    // Three databases in one zone: their own downtimes add up, the zone's counts once.
    expectQuote(id, 'One app: about 99.5% against about 98.6%');
    expect(a.flow('shoppers').availability).toBeCloseTo(0.995, 3);
    expect(b.flow('shoppers').availability).toBeCloseTo(0.986, 3);
    expectQuote(id, 'about 10 hours a month without a working shop, against under 4 for the single database');
    expect((1 - b.flow('shoppers').availability) * 730).toBeCloseTo(10, 0);
    expect((1 - a.flow('shoppers').availability) * 730).toBeLessThan(4);
    expectQuote(id, 'One app: about $380 a month against about $980');
    expect(a.costUsd()).toBeCloseTo(380, -1);
    expect(b.costUsd()).toBeCloseTo(980, -1);
    expectQuote(id, 'ten copies of four services instead of four copies of one app');
    const copies = (s: Solved, ids: string[]) => ids.reduce((n, nodeId) => n + (s.design.nodes.find((x) => x.id === nodeId)!.params.instances ?? 0), 0);
    expect(copies(b, ['front', 'catalog', 'carts', 'accounts'])).toBe(10);
    expect(copies(a, ['shop'])).toBe(4);
  });

  it('sql-or-nosql: one primary takes every save, and the per-request bill', () => {
    const id = 'sql-or-nosql';
    const a = solved(id);
    const b = solved(id, 'designB');
    expectQuote(id, 'NoSQL: about 5 times tonight\'s traffic, against about 2.4 times');
    expect(b.headroomX('phones')).toBeCloseTo(5, 0);
    expect(a.headroomX('phones')).toBeCloseTo(2.4, 1);
    expectQuote(id, 'goes to the one primary, already 41% busy');
    expect(a.utilization('store')).toBeCloseTo(0.41, 2);
    expectQuote(id, 'here the API servers in front give out first');
    expect(b.maxRps('phones')).toBeCloseTo(b.component('api').capacityRps!, -2);
    expect(b.component('store').capacityRps).toBeGreaterThan(b.component('api').capacityRps!);
    expectQuote(id, 'SQL: about $840 a month against about $4,730');
    expect(a.costUsd()).toBeCloseTo(840, -1);
    expect(b.costUsd()).toBeCloseTo(4_730, -1);
    expectQuote(id, '3,000 requests a second is about 7.9 billion a month, and DynamoDB billed per request charges about $4,140 for them');
    expect(b.component('store').offeredRps * 730 * 3600).toBeCloseTo(7.9e9, -8);
    expect(b.costUsd('store')).toBeCloseTo(4_140, -1);
    expectQuote(id, 'which for this steady load would cost a little under a third as much');
    // provisioned: $0.00065 per write unit-hour, $0.00013 per read unit-hour (catalog-defaults §4); 80% saves
    const provisioned = (0.8 * 3000 * 0.00065 + 0.2 * 3000 * 0.00013) * 730;
    expect(provisioned / b.costUsd('store')).toBeGreaterThan(0.25);
    expect(provisioned / b.costUsd('store')).toBeLessThan(1 / 3);
  });

  it('third-party-rate-limit: the maps company\'s 50 a second, and what a 30-second memory leaves of the traffic', () => {
    const id = 'third-party-rate-limit';
    const a = solved(id);
    const b = solved(id, 'designB');
    expectQuote(id, 'The maps company allows 3,000 requests a minute on Dishdash\'s account: 50 a second');
    expect(a.component('maps').capacityRps).toBeCloseTo(3_000 / 60, 5);
    expectQuote(id, 'Design A asks 75 times a second where 50 are allowed, so about one request in three is refused');
    expect(a.component('maps').offeredRps).toBeCloseTo(75, 5);
    expect(1 - a.component('maps').capacityRps! / a.component('maps').offeredRps).toBeCloseTo(1 / 3, 5);
    expectQuote(id, 'Design B asks only on a miss, 25 times a second, half the limit');
    expect(b.component('maps').offeredRps).toBeCloseTo(25, 1);
    expect(b.utilization('maps')).toBeCloseTo(0.5, 2);
    expectQuote(id, 'about 1.8 times tonight\'s traffic before the 50 a second run out');
    expect(b.headroomX('trackers')).toBeCloseTo(1.8, 1);
    expectQuote(id, 'Design A is already past the limit, at about 0.67 times tonight\'s traffic');
    expect(a.headroomX('trackers')).toBeCloseTo(0.67, 1);
    expectQuote(id, 'more than a thousand times the cache\'s price');
    expect(b.costUsd('maps') / b.costUsd('cache')).toBeGreaterThan(1_000);
    // The API's two copies share their zone (99.95%), so A is the zone times the maps company's 99.9%.
    expectQuote(id, 'Asking every time, about 99.85% against about 99.5%');
    expect(a.flow('trackers').availability).toBeCloseTo(0.9985, 4);
    expect(b.flow('trackers').availability).toBeCloseTo(0.995, 3);
    expect(b.component('cache').availability).toBe(0.995);
  });

  it('read-the-bill: the CDN\'s share, the per-request lines and the idle API servers', () => {
    const id = 'read-the-bill';
    const s = solved(id);
    expectQuote(id, 'The CDN: about $5,260 a month, over four fifths of the whole bill of about $6,250');
    expect(s.costUsd('cdn')).toBeCloseTo(5_260, -1);
    expect(s.costUsd()).toBeCloseTo(6_250, -1);
    expect(s.costUsd('cdn') / s.costUsd()).toBeGreaterThan(0.8);
    const byCost = Object.keys(s.solution.components).sort((x, y) => s.costUsd(y) - s.costUsd(x));
    expect(byCost[0]).toBe('cdn');
    expectQuote(id, '2,000 requests a second is 5.3 billion a month');
    expect(s.component('cdn').offeredRps * 730 * 3600).toBeCloseTo(5.3e9, -8);
    expectQuote(id, 'cost under a tenth of it');
    expect(s.costUsd('api') / s.costUsd('cdn')).toBeLessThan(0.1);
    expectQuote(id, 'eight of them, each about 4% busy, for about $480 a month');
    expect(s.utilization('api')).toBeCloseTo(0.04, 2);
    expect(s.costUsd('api')).toBeCloseTo(480, -1);
    expectQuote(id, 'Half as many would still be under 10% busy and keep spares for a failure, saving about $240 a month');
    const half = solved(id, 'design', (d) => {
      d.nodes.find((n) => n.id === 'api')!.params.instances = 4;
    });
    expect(half.utilization('api')).toBeLessThan(0.1);
    expect(s.costUsd() - half.costUsd()).toBeCloseTo(240, -1);
    expectQuote(id, 'about $105 a month in requests');
    expect(s.costUsd('audio')).toBeCloseTo(105, 0);
    expectQuote(id, 'only 100 a second reach it');
    expect(s.component('audio').offeredRps).toBeCloseTo(100, 5);
    // the per-request answer: exactly the components priced per million requests carry traffic-proportional cost
    const twice = { ...s.scenario, workload: { ...s.scenario.workload, clientRps: { listeners: 2 * s.flow('listeners').rps } } } as Scenario;
    const doubled = solveForScenario(twice, s.design);
    if (!doubled.ok) throw new Error(doubled.problems.join('\n'));
    const grows = Object.keys(s.solution.components).filter((c) => doubled.solution.components[c]!.cost.totalUsdPerMonth > s.costUsd(c) * 1.5);
    expect(grows.sort()).toEqual(['audio', 'cdn']);
  });

  it('database-or-cache: how often the login check and the play counts run', () => {
    const id = 'database-or-cache';
    const s = solved(id);
    expectQuote(id, 'play counts, written hundreds of times a second');
    expect(s.component('counts').offeredRps).toBeGreaterThanOrEqual(200);
    expect(s.component('counts').offeredRps).toBeLessThan(1_000);
    expectQuote(id, 'asking the database on every request would put 1,500 extra queries a second');
    expect(s.component('sessions').offeredRps).toBeCloseTo(1_500, 5);
    expectQuote(id, 'reading takes a fraction of a millisecond');
    expect(s.component('sessions').meanResponseMs).toBeLessThan(1);
  });

  it('build-or-buy-email: the two bills and the email service\'s line', () => {
    const id = 'build-or-buy-email';
    const a = solved(id);
    const b = solved(id, 'designB');
    expectQuote(id, 'about 5 emails a second, some 13 million a month if it went on all month');
    expect(b.component('sender').offeredRps * 730 * 3600).toBeCloseTo(13e6, -6);
    expectQuote(id, 'Build: about $360 a month against about $1,560');
    expect(a.costUsd()).toBeCloseTo(360, -1);
    expect(b.costUsd()).toBeCloseTo(1_560, -1);
    expectQuote(id, 'Two rented machines for mail cost about $120 a month, while the email service charges about $1,310 for 13 million emails');
    expect(a.costUsd('sender')).toBeCloseTo(120, -1);
    expect(b.costUsd('sender')).toBeCloseTo(1_310, -1);
    expectQuote(id, 'building wins by about $1,200 a month');
    expect(b.costUsd() - a.costUsd()).toBeCloseTo(1_200, -2);
    expectQuote(id, 'a few days a month cost more than the $1,200 the bill saves');
    // US median software developer pay $132,270 a year (BLS, May 2023), about 250 working days: three days' pay
    expect(3 * (132_270 / 250)).toBeGreaterThan(b.costUsd() - a.costUsd());
  });
});

describe('figures quoted in the intermediate API and data scenarios agree with the engine', () => {
  it('webhooks-or-polling: polls against the allowance, the bill, and how soon an order is known', () => {
    const id = 'webhooks-or-polling';
    const a = solved(id);
    const b = solved(id, 'designB');
    expectQuote(id, '3,000 shops every 30 seconds is 100 requests a second, and since orders arrive at 5 a second, that is 20 requests for each order found');
    expect(a.component('platform').offeredRps).toBeCloseTo(3_000 / 30, 5);
    expect(a.component('platform').offeredRps / a.flow('orders').rps).toBeCloseTo(20, 5);
    expectQuote(id, 'The platform allows Stockroom\'s app 150 API requests a second in all');
    expect(a.component('platform').capacityRps).toBeCloseTo(150, 5);
    expectQuote(id, 'Design A gives out at about 1.5 times today\'s size');
    expect(a.headroomX('orders')).toBeCloseTo(1.5, 1);
    expectQuote(id, 'the allowance would last to 30 times today\'s orders; design B\'s own limit, at about 10 times, is its order fetcher');
    expect(b.component('platform').capacityRps! / b.component('platform').offeredRps).toBeCloseTo(30, 5);
    expect(b.headroomX('orders')).toBeCloseTo(10, -0.5);
    expect(b.maxRps('orders')).toBeCloseTo(b.component('fetcher').capacityRps!, 0);
    expectQuote(id, 'Polling: about $240 a month against about $380');
    expect(a.costUsd()).toBeCloseTo(240, -1);
    expect(b.costUsd()).toBeCloseTo(380, -1);
    expectQuote(id, 'Stockroom has the details well within a second');
    expect(b.flow('orders').meanResponseMs! + b.component('fetcher').meanResponseMs!).toBeLessThan(500);
  });

  it('replicas-or-cache: each proposal\'s speed, room, bill and uptime, and what closing the uptime gap costs', () => {
    const id = 'replicas-or-cache';
    const a = solved(id);
    const b = solved(id, 'designB');
    expectQuote(id, 'The cache: about 13 ms against about 21 ms');
    expect(b.flow('readers').meanResponseMs).toBeCloseTo(13, -0.5);
    expect(a.flow('readers').meanResponseMs).toBeCloseTo(21, -0.5);
    expectQuote(id, 'The cache, at about 3.4 times the morning peak; the replicas give out at about 2 times');
    expect(b.headroomX('readers')).toBeCloseTo(3.4, 1);
    expect(a.headroomX('readers')).toBeCloseTo(2, 1);
    expectQuote(id, 'the database has plenty of room (about 25% busy), but the page servers');
    expect(a.utilization('db')).toBeCloseTo(0.25, 1.5);
    expect(a.maxRps('readers')).toBeCloseTo(a.component('web').capacityRps!, -1);
    expectQuote(id, 'one cache node (about $146 a month) costs less than two replicas (about $124 each). The whole design comes to about $640 a month against about $750');
    expect(b.costUsd('cache')).toBeCloseTo(146, 0);
    expect(a.costUsd('db') - b.costUsd('db')).toBeCloseTo(2 * 124, -1);
    expect(b.costUsd()).toBeCloseTo(640, -1);
    expect(a.costUsd()).toBeCloseTo(750, -1);
    expectQuote(id, 'Read replicas: about 99.9% against about 99.3%');
    expect(a.flow('readers').availability).toBeCloseTo(0.999, 3);
    expect(b.flow('readers').availability).toBeCloseTo(0.993, 3);
    expectQuote(id, 'Closing most of the gap would take a second cache node and a standby database, and then the cache proposal costs more than the replicas');
    // ElastiCache Multi-AZ 99.99% for two nodes; RDS Multi-AZ 99.95% at twice the price (catalog-defaults §3, §4)
    const covered = solved(id, 'designB', (d) => {
      Object.assign(d.nodes.find((n) => n.id === 'cache')!.params, { availability: 0.9999, pricePerHour: 0.4 });
      Object.assign(d.nodes.find((n) => n.id === 'db')!.params, { availability: 0.9995, pricePerHour: 0.34 });
    });
    const gap = 1 - b.flow('readers').availability - (1 - a.flow('readers').availability);
    const left = 1 - covered.flow('readers').availability - (1 - a.flow('readers').availability);
    expect(left).toBeLessThan(gap / 2);
    expect(covered.costUsd()).toBeGreaterThan(a.costUsd());
  });

  it('pagination: the slowest views and the room the same machines leave, all at once or 50 at a time', () => {
    const id = 'pagination';
    const a = solved(id);
    const b = solved(id, 'designB');
    expectQuote(id, 'Pages of 50: about 23 ms against about 510 ms for the slowest 1%');
    expect(b.flow('dashboards').p99ResponseMs).toBeCloseTo(23, -0.5);
    expect(a.flow('dashboards').p99ResponseMs).toBeCloseTo(510, -1);
    expectQuote(id, 'about 73 times today\'s traffic against about 3.3 times');
    expect(b.headroomX('dashboards')).toBeCloseTo(73, -0.5);
    expect(a.headroomX('dashboards')).toBeCloseTo(3.3, 1);
    expectQuote(id, 'The machines cost the same in both designs');
    expect(b.costUsd()).toBe(a.costUsd());
    expectQuote(id, 'about 100 times the rows the dashboard shows');
    expectQuote(id, 'each row costs the database about 5 microseconds to read and the API about 20 microseconds');
    // per-row work above a 2 ms base: 5,000 rows against 50
    expect((a.component('db').ownServiceMs - 2) / (b.component('db').ownServiceMs - 2)).toBeCloseTo(100, 5);
    expect((a.component('db').ownServiceMs - 2) / 5_000).toBeCloseTo(0.005, 6);
    expect((a.component('api').ownServiceMs - 2) / 5_000).toBeCloseTo(0.02, 6);
    expect((b.component('api').ownServiceMs - 2) / 50).toBeCloseTo(0.02, 6);
  });

  it('scale-up-or-out: same capacity and price per CPU, a balancer\'s fee and hop, ten times fewer failures', () => {
    const id = 'scale-up-or-out';
    const a = solved(id);
    const b = solved(id, 'designB');
    expectQuote(id, 'Scale up, by the load balancer\'s fee: about $238 a month against about $255');
    expect(a.costUsd()).toBeCloseTo(238, 0);
    expect(b.costUsd()).toBeCloseTo(255, 0);
    expect(b.costUsd() - a.costUsd()).toBeCloseTo(b.costUsd('lb'), 5);
    expectQuote(id, 'Scale up, by about 1 ms on top of some 40 ms');
    expect(b.flow('phones').meanResponseMs! - a.flow('phones').meanResponseMs!).toBeCloseTo(1, 1);
    expect(a.flow('phones').meanResponseMs).toBeGreaterThan(40);
    expect(b.flow('phones').meanResponseMs).toBeLessThan(42);
    expectQuote(id, 'Scale out: about 99.95% against about 99.5%');
    expect(b.flow('phones').availability).toBeCloseTo(0.9995, 4);
    expect(a.flow('phones').availability).toBeCloseTo(0.995, 4);
    expectQuote(id, 'some 3.6 hours a month at 99.5%');
    expect((1 - a.flow('phones').availability) * 730).toBeCloseTo(3.6, 0);
    expectQuote(id, 'losing one leaves three; they are at their limit at the peak');
    const three = solved(id, 'designB', (d) => {
      d.nodes.find((n) => n.id === 'sync')!.params.instances = 3;
    });
    expect(three.component('sync').capacityRps).toBeCloseTo(three.flow('phones').rps, 0);
    expectQuote(id, 'uptime by ten times fewer failures');
    expect((1 - a.flow('phones').availability) / (1 - b.flow('phones').availability)).toBeCloseTo(10, 0);
    expect(a.headroomX('phones')).toBeCloseTo(b.headroomX('phones'), 2);
  });
});

describe('figures the fix scenarios quote in their stories and hints', () => {
  it('notification-system: 32 workers, each held about 400 ms; the providers\' limits', () => {
    const id = 'notification-system';
    const s = solved(id);
    expectQuote(id, 'each request holds one of its 32 worker threads for about 400 ms');
    const api = s.component('api');
    // The API is saturated: it finishes at most 32 / 0.4 s = 80 req/s, so the providers behind it see only that (not 150 x 60%).
    expect(api.meanServiceMs).toBeGreaterThan(380);
    expect(api.meanServiceMs).toBeLessThan(420);
    expect((api.capacityRps! * api.meanServiceMs!) / 1000).toBeCloseTo(32, 5);
    expectQuote(id, 'the SMS provider accepts about 100 messages a second on this account, the email provider about 330');
    expect(s.component('sms').capacityRps).toBeCloseTo(100, -1);
    expect(s.component('email').capacityRps).toBeCloseTo(330, -1);
  });

  it('ride-sharing-locations: a store billed per request costs nearly the whole budget on its own', () => {
    const id = 'ride-sharing-locations';
    expectQuote(id, 'A store that charges per request, at 55,000 requests a second at the evening peak and about 31,000 over a whole day, costs nearly the whole budget on its own');
    // The bill follows the day's traffic (scenarios/month.ts): the daily cycle from 8,000 to 55,000 a second averages about 31,500.
    expect(monthlyRequests(bundledScenario(id)) / SECONDS_PER_MONTH).toBeCloseTo(31_500, -3);
    const perRequest = solved(id, 'design', (d) => {
      const locdb = d.nodes.find((n) => n.id === 'locdb')!;
      locdb.kind = 'nosql';
      locdb.params = { instances: 20 };
    });
    // A component in front saturates just below the peak and caps what reaches the store (about 54,000 req/s).
    expect(perRequest.component('locdb').offeredRps).toBeGreaterThan(53_000);
    expect(perRequest.component('locdb').offeredRps).toBeLessThanOrEqual(55_000);
    expect(perRequest.costUsd('locdb')).toBeGreaterThan(0.9 * 20_000);
    expect(perRequest.costUsd('locdb')).toBeLessThan(20_000);
  });

  it('video-streaming-cdn: per request, the CDN costs more than S3', () => {
    const id = 'video-streaming-cdn';
    expectQuote(id, 'per request a CDN costs more than S3 ($1 against $0.40 per million)');
    const s = solved(id, 'solution');
    const perMillion = (nodeId: string) => (s.costUsd(nodeId) / (s.component(nodeId).offeredRps * monthlyRequestScale(s.scenario) * SECONDS_PER_MONTH)) * 1e6;
    expect(perMillion('cdn')).toBeCloseTo(1, 5);
    expect(perMillion('segments')).toBeCloseTo(0.4, 5);
    expect(s.costUsd()).toBeGreaterThan(solved(id).costUsd());
  });
});

describe('figures the scaling and consistency scenarios quote', () => {
  it('unique-id-generation: the ticket server\'s 99.5%, DynamoDB\'s partitions, and what Multi-AZ leaves', () => {
    const id = 'unique-id-generation';
    const s = solved(id);
    expectQuote(id, 'The ticket server is a single virtual machine, about 99.5% available');
    expect(s.component('tickets').availability).toBe(0.995);
    expectQuote(id, 'sold at 99.99% availability and spreads the table over partitions that each take up to 1,000 writes a second');
    expect(s.component('posts').availability).toBe(0.9999);
    const posts = s.design.nodes.find((n) => n.id === 'posts')!;
    expect(s.component('posts').capacityRps! / (posts.params.instances ?? 1)).toBeCloseTo(1_000, 0);
    expectQuote(id, 'sold at 99.95%, about $0.34 an hour');
    const multiAz = solved(id, 'design', (d) => {
      const tickets = d.nodes.find((n) => n.id === 'tickets')!;
      tickets.params = { ...tickets.params, availability: 0.9995, pricePerHour: 0.34 };
    });
    // The lesson of the hint: a 99.95% part in series with others cannot meet a 99.95% target.
    expect(multiAz.flow('writers').availability).toBeLessThan(0.9995);
  });

  it('read-your-writes-regions: the round trips the engine counts, and a warm cache\'s share', () => {
    const id = 'read-your-writes-regions';
    expectQuote(id, 'the engine counts 60 ms a round trip between regions, 0.5 ms inside one');
    expect(NETWORK_RTT_MS.crossRegion).toBe(60);
    expect(NETWORK_RTT_MS.sameZone).toBe(0.5);
    expectQuote(id, 'a warm cache of read-heavy data finds about 90%');
    expect(defaultParams('cache').hitRatio).toBe(0.9);
    // A European page view crosses the ocean for each of its 4 queries: its p99 is well over the target until the reads stay in Europe.
    const start = solved(id);
    expect(start.flow('eu-users').p99ResponseMs).toBeGreaterThan(4 * NETWORK_RTT_MS.crossRegion);
    expect(solved(id, 'solution').flow('eu-users').p99ResponseMs).toBeLessThan(250);
  });

  it('ticket-onsale-load-shedding: the seats database finishes about 100 reservations a second, whatever calls it', () => {
    const id = 'ticket-onsale-load-shedding';
    expectQuote(id, 'the database finishes about 100 reservations a second, however many booking servers call it');
    expect(solved(id).component('seats').capacityRps).toBeCloseTo(100, 5);
    const moreServers = solved(id, 'design', (d) => {
      d.nodes.find((n) => n.id === 'booking')!.params.instances = 16;
    });
    expect(moreServers.component('seats').capacityRps).toBeCloseTo(100, 5);
    expectQuote(id, 'three times the usual busy rate of 60 a second');
  });

  it('tech-debt-feasibility-critique: the premises the design encodes, and the database the feature loads', () => {
    const id = 'tech-debt-feasibility-critique';
    const plan = solved(id);
    // The courier's limit and the forecast are premises; the design must encode them as stated.
    expectQuote(id, "SwiftCourier's contract allows 10 booking calls a second");
    expect(plan.component('courier').capacityRps).toBeCloseTo(10, 5);
    expectQuote(id, 'about 20 same-day checkouts a second');
    expect(plan.component('courier').offeredRps).toBeCloseTo(20, 5);
    expectQuote(id, 'The forecast at the promotion\'s peak is above what the courier contract allows');
    expect(plan.utilization('courier')).toBeGreaterThan(1);
    // Before the feature, the inventory database is already the busiest component, and the feature adds to it.
    const before = solved(id, 'design', (d) => {
      d.edges = d.edges.filter((e) => e.source !== 'delivery' && e.target !== 'delivery');
    });
    expectQuote(id, 'already the busiest box the company owns');
    const others = Object.keys(before.solution.components).filter((c) => c !== 'inventorydb');
    for (const other of others) expect(before.utilization('inventorydb')).toBeGreaterThan(before.component(other).utilization ?? 0);
    expectQuote(id, 'The load on the legacy database grows with browsing, not with sales');
    expect(plan.component('inventorydb').offeredRps).toBeGreaterThan(before.component('inventorydb').offeredRps + 0.9 * plan.flow('shoppers').rps);
  });

  it('lock-redis-or-etcd: each lock store\'s p99, bill and uptime, and the majority rule\'s 99.993%', () => {
    const id = 'lock-redis-or-etcd';
    const a = solved(id);
    const b = solved(id, 'designB');
    expectQuote(id, '99 assignments in 100 finish within about 41 ms against about 46 ms');
    expect(a.flow('couriers').p99ResponseMs).toBeCloseTo(41, 0);
    expect(b.flow('couriers').p99ResponseMs).toBeCloseTo(46, 0);
    expectQuote(id, 'Redis, by about $33 a month: one cache node (about $146) against three small machines (about $179)');
    expect(b.costUsd() - a.costUsd()).toBeCloseTo(33, 0);
    expect(a.costUsd('locks')).toBeCloseTo(146, 0);
    expect(b.costUsd('locks')).toBeCloseTo(3 * 0.0816 * 730, 6);
    expect(b.costUsd('locks')).toBeCloseTo(179, 0);
    expectQuote(id, 'Both bills come to about $2,800 a month, most of it the orders table, so the difference is about 1%');
    for (const side of [a, b]) expect(side.costUsd()).toBeCloseTo(2800, -2);
    expect(a.costUsd('orders') / a.costUsd()).toBeGreaterThan(0.8);
    expect((b.costUsd() - a.costUsd()) / a.costUsd()).toBeCloseTo(0.01, 2);
    expectQuote(id, 'about 99.97% of taps work, against about 99.5% with Redis');
    expect(b.flow('couriers').availability).toBeCloseTo(0.9997, 4);
    expect(a.flow('couriers').availability).toBeCloseTo(0.995, 3);
    expectQuote(id, 'about 3.8 hours a month');
    expect((1 - a.flow('couriers').availability) * 730).toBeCloseTo(3.8, 1);
    // The etcd store's own availability is the majority rule over three machines at 99.5% each.
    expectQuote(id, '3 x 0.995^2 - 2 x 0.995^3, about 99.993%');
    expect(3 * 0.995 ** 2 - 2 * 0.995 ** 3).toBeCloseTo(0.99993, 5);
    expect(b.design.nodes.find((n) => n.id === 'locks')!.params.availability).toBe(0.99993);
    expectQuote(id, 'Redis answers from memory in about a tenth of a millisecond; etcd needs about 2 ms');
    expect(a.component('locks').meanResponseMs).toBeLessThan(0.2);
    expect(b.component('locks').meanResponseMs).toBeCloseTo(2, 0);
  });

  it('consistent-hashing-critique: the database today, and after "mod 4" becomes "mod 5" or "mod 3"', () => {
    const id = 'consistent-hashing-critique';
    const today = solved(id);
    expectQuote(id, 'about 6,000 product views arrive each second, so about 600 a second reach it');
    expect(today.component('db').offeredRps).toBeCloseTo(600, -1);
    // A product keeps its node when its hash leaves the same remainder both ways.
    const stays = (from: number, to: number) => Array.from({ length: from * to }, (_, h) => h).filter((h) => h % from === h % to).length / (from * to);
    expectQuote(id, 'a product stays on its node only when its hash gives the same remainder both ways, 1 time in 5');
    expect(stays(4, 5)).toBe(1 / 5);
    expectQuote(id, 'moves 3 products in 4, not only the lost node\'s quarter');
    expect(stays(4, 3)).toBe(1 / 4);
    const hitAfter = (from: number, to: number) => today.design.nodes.find((n) => n.id === 'cache')!.params.hitRatio! * stays(from, to);
    expectQuote(id, 'the cache answers about 2 reads in 10 instead of 9');
    expect(hitAfter(4, 5)).toBeCloseTo(0.2, 1);
    expectQuote(id, 'The database, about 40% busy with today\'s misses, would be sent about 3.3 times what it can do');
    expect(today.utilization('db')).toBeCloseTo(0.4, 2);
    const resized = solved(id, 'design', (d) => {
      d.nodes.find((n) => n.id === 'cache')!.params.hitRatio = hitAfter(4, 5);
    });
    expect(resized.component('db').offeredRps / resized.component('db').capacityRps!).toBeCloseTo(3.3, 1);
    expectQuote(id, 'sends the database more than it can take');
    const nodeLost = solved(id, 'design', (d) => {
      d.nodes.find((n) => n.id === 'cache')!.params.hitRatio = hitAfter(4, 3);
    });
    expect(nodeLost.component('db').offeredRps).toBeGreaterThan(nodeLost.component('db').capacityRps!);
  });

  it('collaborative-editing-critique: polls and saves from the open windows, and the database they keep busy', () => {
    const id = 'collaborative-editing-critique';
    const plan = solved(id);
    expectQuote(id, 'about 10,000 document windows are open at the busiest hour, and a quarter of them have someone typing: about 10,000 "anything new?" requests and 1,250 saves a second');
    const polls = 10_000 / 1; // each window asks once a second
    const saves = (10_000 / 4) / 2; // a quarter typing, one save every 2 seconds
    expect(polls + saves).toBe(11_250);
    expect(plan.flow('editors').rps).toBe(polls + saves);
    expectQuote(id, 'The database is about 81% busy at launch, and almost 9 requests in 10 are "anything new?" questions');
    expect(plan.utilization('docdb')).toBeCloseTo(0.81, 2);
    expect(polls / (polls + saves)).toBeCloseTo(0.89, 2);
    expect(plan.design.nodes.find((n) => n.id === 'docdb')!.params.readShare).toBeCloseTo(polls / (polls + saves), 2);
  });
});

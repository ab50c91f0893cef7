// The reference-case file format (tests/fixtures/reference-cases, /work/shared/reference-cases):
// a small open queueing network. Parsing checks shape and cross-references and says what is
// wrong in plain words.
import * as v from 'valibot';

const finite = v.pipe(v.number(), v.finite());

const StationSchema = v.object({
  id: v.pipe(v.string(), v.minLength(1, 'must not be empty')),
  servers: v.pipe(finite, v.integer('must be a whole number'), v.minValue(1, 'must be at least 1')),
  serviceMs: v.pipe(finite, v.gtValue(0, 'must be above 0')),
  serviceScv: v.pipe(finite, v.minValue(0, 'must be 0 or more')),
  capacity: v.optional(v.pipe(finite, v.integer('must be a whole number'), v.minValue(1, 'must be at least 1'))),
});

export const NetworkCaseSchema = v.object({
  stations: v.pipe(v.array(StationSchema), v.minLength(1, 'must list at least one station')),
  arrivals: v.array(v.object({ to: v.string(), rps: v.pipe(finite, v.minValue(0, 'must be 0 or more (a negative rate is not possible)')) })),
  routing: v.array(v.object({ from: v.string(), to: v.string(), p: v.pipe(finite, v.minValue(0, 'must be between 0 and 1'), v.maxValue(1, 'must be between 0 and 1')) })),
});

export type NetworkCase = v.InferOutput<typeof NetworkCaseSchema>;
export type NetworkStation = NetworkCase['stations'][number];

export type ParseNetworkResult = { ok: true; network: NetworkCase } | { ok: false; errors: string[] };

export function parseNetworkCase(raw: unknown): ParseNetworkResult {
  const parsed = v.safeParse(NetworkCaseSchema, raw);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.issues.slice(0, 10).map((issue) => {
        const path = (issue.path ?? []).map((p) => String(p.key)).join('.');
        return path ? `"${path}" ${issue.message}` : `The case ${issue.message}`;
      }),
    };
  }
  const network = parsed.output;
  const errors: string[] = [];
  const ids = new Set<string>();
  for (const s of network.stations) {
    if (ids.has(s.id)) errors.push(`Two stations share the id "${s.id}".`);
    ids.add(s.id);
    if (s.capacity !== undefined && s.capacity < s.servers) errors.push(`Station "${s.id}" has capacity ${s.capacity}, below its ${s.servers} servers.`);
  }
  for (const a of network.arrivals) if (!ids.has(a.to)) errors.push(`An arrival goes to station "${a.to}", which does not exist.`);
  const outgoing = new Map<string, number>();
  for (const r of network.routing) {
    for (const end of [r.from, r.to]) if (!ids.has(end)) errors.push(`A route between "${r.from}" and "${r.to}" names station "${end}", which does not exist.`);
    outgoing.set(r.from, (outgoing.get(r.from) ?? 0) + r.p);
  }
  for (const [from, total] of outgoing) {
    if (total > 1 + 1e-9) errors.push(`Routing probabilities out of "${from}" add up to ${Number(total.toFixed(6))}, more than 1.`);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, network };
}

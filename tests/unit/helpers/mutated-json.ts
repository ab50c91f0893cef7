// Valid JSON with one value replaced by something odd, or removed: the mutation the loader fuzz
// tests and the repair tests share.
import fc from 'fast-check';

/** Every path to a value inside a JSON value (objects and arrays), the root included. */
function pathsIn(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((v, i) => pathsIn(v, [...prefix, i], out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) pathsIn(v, [...prefix, k], out);
  return out;
}

const oddValue = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(0, -1, 1e308, -1e308, 2 ** 53 + 1, 0.5, '', ' ', 'x'.repeat(300), null, true, [], {}, { __proto__: { polluted: true } }, [[[[[]]]]]),
);

/** The value with one place replaced by something odd, or removed. */
export function mutatedJson(valid: unknown): fc.Arbitrary<unknown> {
  const paths = pathsIn(valid);
  return fc.tuple(fc.nat(paths.length - 1), oddValue, fc.boolean()).map(([which, odd, remove]) => {
    const path = paths[which]!;
    if (path.length === 0) return odd;
    const copy = JSON.parse(JSON.stringify(valid)) as Record<string | number, unknown>;
    let parent = copy;
    for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
    const last = path[path.length - 1]!;
    if (remove && Array.isArray(parent)) parent.splice(last as number, 1);
    else if (remove) delete parent[last];
    else parent[last] = odd;
    return copy;
  });
}

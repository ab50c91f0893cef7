// Short readable ids for new parts: kind prefix plus a random suffix, unique within a design.
export function newId(prefix: string, taken: ReadonlySet<string> | { has(id: string): boolean }): string {
  for (;;) {
    const id = `${prefix}-${Math.random().toString(36).slice(2, 7)}`;
    if (!taken.has(id)) return id;
  }
}

/** The wanted name if no other has it (ignoring case and outer spaces), else the first free "name (2)", "name (3)"… */
export function unusedName(wanted: string, names: Iterable<string>): string {
  const taken = new Set([...names].map((n) => n.trim().toLowerCase()));
  const base = wanted.trim();
  if (!taken.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const name = `${base} (${n})`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

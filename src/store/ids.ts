// Short readable ids for new parts: kind prefix plus a random suffix, unique within a design.
export function newId(prefix: string, taken: ReadonlySet<string> | { has(id: string): boolean }): string {
  for (;;) {
    const id = `${prefix}-${Math.random().toString(36).slice(2, 7)}`;
    if (!taken.has(id)) return id;
  }
}

// Older design files are brought up to the current version one step at a time.
// Version 1 was the prototype format: `components` with `type`, `name`, `x`, `y`,
// and `links` with `from`, `to`, `async`, `calls`, `probability`; zones were flat.

type Json = Record<string, unknown>;

/** Where a design being read comes from, so messages call it what it is: a file, or a design saved in this browser (a stored record). */
export type DesignSource = 'file' | 'stored';
/** The subject of a sentence about the thing read: "The file is version 9…". */
export const SOURCE_SUBJECT: Record<DesignSource, string> = { file: 'The file', stored: 'This design saved in this browser' };

type Migration = (file: Json) => Json;

const asArray = (x: unknown): Json[] => (Array.isArray(x) ? (x as Json[]) : []);

/** migrations[n] turns a version-n file into a version-(n+1) file. */
const migrations: Record<number, Migration> = {
  1: (file) => {
    const components = asArray(file.components);
    const links = asArray(file.links);
    const zones = asArray(file.zones);
    return {
      format: 'archlab-design',
      version: 2,
      design: {
        id: typeof file.id === 'string' ? file.id : 'imported',
        name: typeof file.name === 'string' ? file.name : 'Imported design',
        nodes: components.map((c) => ({
          id: c.id,
          kind: c.type,
          label: typeof c.name === 'string' ? c.name : String(c.id ?? ''),
          params: c.params ?? {},
          position: { x: c.x ?? 0, y: c.y ?? 0 },
          ...(typeof c.zone === 'string' ? { groupId: c.zone } : {}),
        })),
        edges: links.map((l, i) => ({
          id: typeof l.id === 'string' ? l.id : `e${i + 1}`,
          source: l.from,
          target: l.to,
          mode: l.async === true ? 'async' : 'sync',
          callsPerRequest: l.calls ?? 1,
          share: l.probability ?? 1,
        })),
        groups: zones.map((z) => ({
          id: z.id,
          kind: 'zone',
          label: typeof z.name === 'string' ? z.name : String(z.id ?? ''),
          position: { x: z.x ?? 0, y: z.y ?? 0 },
          size: { width: z.width ?? 400, height: z.height ?? 300 },
        })),
      },
    };
  },
};

export interface MigrationResult {
  file: Json;
  migratedFrom?: number;
}

export function migrate(file: Json, currentVersion: number, source: DesignSource = 'file'): MigrationResult | { error: string } {
  const subject = SOURCE_SUBJECT[source];
  const version = file.version;
  if (version === undefined) {
    return { error: source === 'file' ? 'The file has no "version" number, so it is not an ArchLab design file.' : `${subject} has no "version" number, so it is not a design ArchLab can read.` };
  }
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { error: `${subject} has "version" ${JSON.stringify(version) ?? String(version)}, which is not a version number (those are whole numbers from 1, such as ${currentVersion}).` };
  }
  if (version > currentVersion) {
    return {
      error: `${subject} is version ${version}, newer than this ArchLab understands (version ${currentVersion}). Update ArchLab to open it.`,
    };
  }
  let out = file;
  for (let n = version; n < currentVersion; n++) {
    const step = migrations[n];
    if (!step) return { error: `${source === 'file' ? 'Files' : 'Designs saved'} of version ${n} can no longer be opened (no migration exists).` };
    out = step(out);
  }
  return version < currentVersion ? { file: out, migratedFrom: version } : { file: out };
}

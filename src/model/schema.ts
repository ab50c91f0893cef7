// The design file's shape, checked with valibot. Structural checks live here;
// checks that need the catalog or cross-references live in validate.ts.
import * as v from 'valibot';
import { COMPONENT_KINDS } from './types';

const finite = v.pipe(v.number(), v.finite());
const position = v.object({ x: finite, y: finite });
const id = v.pipe(v.string(), v.minLength(1, 'must not be empty'), v.maxLength(120, 'is longer than 120 characters'));

export const NodeSchema = v.object({
  id,
  kind: v.picklist(COMPONENT_KINDS, `must be one of: ${COMPONENT_KINDS.join(', ')}`),
  label: v.pipe(v.string(), v.maxLength(200, 'is longer than 200 characters')),
  params: v.record(v.string(), finite),
  position,
  groupId: v.optional(v.string()),
});

export const EdgeSchema = v.object({
  id,
  source: id,
  target: id,
  mode: v.picklist(['sync', 'async'], 'must be "sync" or "async"'),
  callsPerRequest: v.pipe(finite, v.minValue(0, 'must be 0 or more'), v.maxValue(1000, 'must be at most 1000')),
  share: v.pipe(finite, v.minValue(0, 'must be between 0 and 1'), v.maxValue(1, 'must be between 0 and 1')),
  label: v.optional(v.string()),
});

export const GroupSchema = v.object({
  id,
  kind: v.picklist(['region', 'zone'], 'must be "region" or "zone"'),
  label: v.string(),
  parentId: v.optional(v.string()),
  position,
  size: v.object({ width: v.pipe(finite, v.minValue(1)), height: v.pipe(finite, v.minValue(1)) }),
});

export const DesignSchema = v.object({
  id,
  name: v.pipe(v.string(), v.maxLength(200)),
  nodes: v.pipe(v.array(NodeSchema), v.maxLength(5000, 'has more than 5000 components')),
  edges: v.pipe(v.array(EdgeSchema), v.maxLength(20000, 'has more than 20000 connections')),
  groups: v.array(GroupSchema),
});

export const DESIGN_FORMAT = 'archlab-design';
export const CURRENT_VERSION = 2;

export const DesignFileSchema = v.object({
  format: v.literal(DESIGN_FORMAT),
  version: v.literal(CURRENT_VERSION),
  design: DesignSchema,
});

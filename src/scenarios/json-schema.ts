// JSON Schema (draft-07) for editors, generated from the valibot schema in schema.ts so the two
// cannot drift. Only the schema types and actions the scenario schema uses are translated; any
// other one throws, so adding an unsupported construct to schema.ts fails loudly in the test
// that compares public/schema/scenario.schema.json with a fresh generation.
import {
  CritiqueKeyItemSchema,
  CURRENT_SCENARIO_VERSION,
  FailureSchema,
  IdentifyQuestionSchema,
  PatchOpSchema,
  RequirementsSchema,
  ScenarioDesignSchema,
  ScenarioEdgeSchema,
  ScenarioGroupSchema,
  ScenarioNodeSchema,
  WorkloadSchema,
} from './schema';
import { ScenarioFileSchema } from './modes';

export type JsonSchema = { [key: string]: unknown };

interface ValibotNode {
  kind: string;
  type: string;
  pipe?: ValibotNode[];
  entries?: Record<string, ValibotNode>;
  item?: ValibotNode;
  options?: readonly (ValibotNode | string | number)[];
  wrapped?: ValibotNode;
  default?: unknown;
  literal?: unknown;
  key?: ValibotNode | string;
  value?: ValibotNode;
  requirement?: unknown;
  description?: string;
  message?: unknown;
}

/** Sub-schemas written once under `definitions` and referred to by `$ref` wherever they recur. */
interface Context {
  names: ReadonlyMap<unknown, string>;
  definitions: Record<string, JsonSchema>;
}

function defaultValue(node: ValibotNode): unknown {
  return typeof node.default === 'function' ? (node.default as () => unknown)() : node.default;
}

function objectSchema(node: ValibotNode, strict: boolean, cx: Context): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const [key, entry] of Object.entries(node.entries ?? {})) {
    properties[key] = convert(entry, cx);
    if (entry.type !== 'optional') required.push(key);
  }
  return {
    type: 'object',
    properties,
    ...(required.length > 0 ? { required } : {}),
    ...(strict ? { additionalProperties: false } : {}),
  };
}

function baseSchema(node: ValibotNode, cx: Context): JsonSchema {
  switch (node.type) {
    case 'string':
      return { type: 'string' };
    case 'number':
      return { type: 'number' };
    case 'boolean':
      return { type: 'boolean' };
    case 'literal':
      return { const: node.literal };
    case 'picklist':
      return { enum: [...(node.options ?? [])] };
    case 'object':
      return objectSchema(node, false, cx);
    case 'strict_object':
      return objectSchema(node, true, cx);
    case 'array':
      return { type: 'array', items: convert(node.item!, cx) };
    case 'record':
      return { type: 'object', additionalProperties: convert(node.value!, cx) };
    case 'union':
      return { anyOf: (node.options as ValibotNode[]).map((o) => convert(o, cx)) };
    case 'variant':
      return { oneOf: (node.options as ValibotNode[]).map((o) => convert(o, cx)) };
    case 'non_optional':
      // Required whatever the wrapped schema says (objectSchema lists it as required); the shape is the wrapped one's.
      return convert(node.wrapped!, cx);
    case 'optional': {
      const inner = convert(node.wrapped!, cx);
      const fallback = defaultValue(node);
      return fallback === undefined ? inner : { ...inner, default: fallback };
    }
    default:
      throw new Error(`json-schema: valibot schema type "${node.type}" is not supported; add it to json-schema.ts`);
  }
}

/** Adds one pipe action to the schema built so far. */
function applyAction(schema: JsonSchema, action: ValibotNode): JsonSchema {
  const isArray = schema.type === 'array';
  switch (action.type) {
    case 'min_length':
      return { ...schema, [isArray ? 'minItems' : 'minLength']: action.requirement };
    case 'max_length':
      return { ...schema, [isArray ? 'maxItems' : 'maxLength']: action.requirement };
    case 'min_value':
      return { ...schema, minimum: action.requirement };
    case 'max_value':
      return { ...schema, maximum: action.requirement };
    case 'integer':
      return { ...schema, type: 'integer' };
    case 'finite':
      return schema; // JSON has no infinities to rule out.
    case 'regex':
      return { ...schema, pattern: (action.requirement as RegExp).source };
    case 'description':
      return { ...schema, description: action.description };
    default:
      throw new Error(`json-schema: valibot action "${action.type}" is not supported; add it to json-schema.ts`);
  }
}

function convert(schema: unknown, cx: Context): JsonSchema {
  const name = cx.names.get(schema);
  if (name !== undefined) {
    if (!(name in cx.definitions)) {
      cx.definitions[name] = {}; // reserved first, so a schema that contains itself still ends
      cx.definitions[name] = convertInline(schema as ValibotNode, cx);
    }
    return { $ref: `#/definitions/${name}` };
  }
  return convertInline(schema as ValibotNode, cx);
}

function convertInline(node: ValibotNode, cx: Context): JsonSchema {
  if (node.pipe) {
    const [first, ...actions] = node.pipe;
    return actions.reduce(applyAction, convert(first, cx));
  }
  return baseSchema(node, cx);
}

/** JSON Schema for a valibot schema; `names` lists sub-schemas to share through `definitions`. */
export function toJsonSchema(schema: unknown, names: ReadonlyMap<unknown, string> = new Map()): JsonSchema {
  const cx: Context = { names, definitions: {} };
  const root = convert(schema, cx);
  return Object.keys(cx.definitions).length > 0 ? { ...root, definitions: cx.definitions } : root;
}

const SHARED_DEFINITIONS = new Map<unknown, string>([
  [ScenarioDesignSchema, 'design'],
  [ScenarioNodeSchema, 'node'],
  [ScenarioEdgeSchema, 'edge'],
  [ScenarioGroupSchema, 'group'],
  [RequirementsSchema, 'requirements'],
  [WorkloadSchema, 'workload'],
  [FailureSchema, 'failure'],
  [IdentifyQuestionSchema, 'identifyQuestion'],
  [CritiqueKeyItemSchema, 'critiqueKeyItem'],
  [PatchOpSchema, 'patchOp'],
]);

/** The document written to public/schema/scenario.schema.json. */
export function scenarioJsonSchema(): JsonSchema {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://archlab.local/schema/scenario.schema.json',
    title: `ArchLab scenario (version ${CURRENT_SCENARIO_VERSION})`,
    description: 'One ArchLab scenario: a story, a design, a workload and the questions, critique key, fix checks or comparison a learner works through.',
    ...toJsonSchema(ScenarioFileSchema, SHARED_DEFINITIONS),
  };
}

/** The exact text of the committed schema file: two-space JSON and a final newline. */
export function scenarioJsonSchemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}

/**
 * The shape of a scenario file (SCENARIOS.md) as zod schemas: the top level, the cluster (nodes,
 * images) and the two forms of condition. Steps are checked by steps.ts, since "exactly one
 * action key" reads better written out than as a union. Zod's issues become located diagnostics
 * in issues.ts.
 */
import { z } from 'zod';
import { isQuantity } from '../api/quantity.ts';

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

const text = z.string();
const nonNegative = z.number().min(0);
const quantity = z
  .union([z.string(), z.number()], { error: 'expected a quantity such as "4", "500m" or "16Gi"' })
  .refine((v) => typeof v === 'number' || isQuantity(v), { error: 'expected a quantity such as "4", "500m" or "16Gi"' });
const stringMap = z.record(z.string(), z.string());

export const taintSchema = z.strictObject({
  key: text,
  value: text.optional(),
  effect: z.enum(['NoSchedule', 'PreferNoSchedule', 'NoExecute']),
});

export const nodeSchema = z.strictObject({
  name: text.regex(DNS_SUBDOMAIN, { error: 'must be a lowercase RFC 1123 subdomain (e.g. worker3)' }),
  role: z.enum(['worker', 'control-plane']).optional(),
  labels: stringMap.optional(),
  taints: z.array(taintSchema).optional(),
  capacity: z
    .strictObject({
      cpu: quantity.optional(),
      memory: quantity.optional(),
      pods: z.union([z.number().int().min(0), z.string().regex(/^\d+$/, { error: 'expected a whole number' })], { error: 'expected a whole number' }).optional(),
    })
    .optional(),
  /** File name → manifest (a path or inline YAML). */
  staticPods: stringMap.optional(),
});

const runSchema = z.union(
  [
    z.literal('forever'),
    z.strictObject({
      seconds: nonNegative,
      exitCode: z.number().int().min(0).max(255).optional(),
      failRate: z.number().min(0).max(1).optional(),
    }),
  ],
  { error: 'expected forever, {seconds, exitCode} or {seconds, failRate}' },
);

export const imageSchema = z.strictObject({
  image: text.min(1, { error: 'must not be empty' }),
  private: z.boolean().optional(),
  credentials: z.strictObject({ server: text, username: text, password: text }).optional(),
  pullSeconds: nonNegative.optional(),
  run: runSchema.optional(),
  readyAfterSeconds: nonNegative.optional(),
  logs: z.array(text).optional(),
  commands: z.array(text).optional(),
  // kubesim's extensions: the tags the registry has (others fail to pull as a 404), the TCP ports
  // the image's server listens on (probes and Services reach only these), the variable that moves it.
  tags: z.array(text.min(1, { error: 'must not be empty' })).min(1, { error: 'expected at least one tag' }).optional(),
  ports: z.array(z.number().int({ error: 'expected an integer port' }).min(1).max(65535)).optional(),
  portEnv: text.regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { error: 'expected an environment variable name' }).optional(),
});

export const clusterSchema = z.strictObject({
  nodes: z.array(nodeSchema).optional(),
  images: z.array(imageSchema).optional(),
  objects: text.optional(),
});

export const scenarioSchema = z.strictObject({
  name: text.min(1, { error: 'must not be empty' }),
  description: text.optional(),
  seed: z.union([z.number(), z.string()], { error: 'expected a number or a string' }).optional(),
  start: z.union([z.string(), z.date()], { error: 'expected an RFC 3339 time such as 2026-03-02T09:00:00Z' }).optional(),
  namespace: text.regex(DNS_LABEL, { error: 'must be a lowercase RFC 1123 label (e.g. ott)' }).optional(),
  /** Checked on its own (clusterSchema), so that its problems and the steps' are all reported. */
  cluster: z.unknown().optional(),
  steps: z.array(z.unknown()),
});

const oneOrMany = z.union([text, z.array(text)], { error: 'expected a string or a list of strings' });
const fieldMap = z.record(z.string(), z.unknown());

export const getConditionSchema = z.strictObject({
  get: text.min(1, { error: 'must name a resource' }),
  name: text.optional(),
  namespace: text.optional(),
  selector: text.optional(),
  where: fieldMap.optional(),
  count: z.number().int().min(0).optional(),
  names: oneOrMany.optional(),
  all: fieldMap.optional(),
  match: z.record(z.string(), text).optional(),
});

export const outputConditionSchema = z.strictObject({
  output: text.min(1, { error: 'must be a kubectl command line' }),
  contains: oneOrMany.optional(),
  notContains: oneOrMany.optional(),
  matches: oneOrMany.optional(),
});

export type ScenarioFields = z.infer<typeof scenarioSchema>;
export type ClusterFields = z.infer<typeof clusterSchema>;
export type GetConditionFields = z.infer<typeof getConditionSchema>;
export type OutputConditionFields = z.infer<typeof outputConditionSchema>;

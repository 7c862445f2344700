/**
 * kubectl taint nodes NAME key=value:Effect key:Effect- key- ... (or --all, -l): adds, updates or
 * removes node taints (`node/worker1 tainted`, `untainted`, `modified`). Re-adding a taint that
 * exists with the same key and effect needs --overwrite. kubectl sends no timeAdded (the eviction
 * controller counts from when it sees the taint).
 */
import type { Node, Taint } from '../../api/types/index.ts';
import { dryRunFlag, dryRunStrategy, fieldManagerFlag, printFlags, selectorFlag, validateFlag } from '../common-flags.ts';
import { printName, type CommandContext, type CommandSpec } from '../context.ts';
import { AggregateError, aggregate, KubectlError, UsageError } from '../errors.ts';
import { labelValueErrors } from '../metadata-pairs.ts';
import { buildTargets, mappingFor } from '../resource-builder.ts';

const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

export const taintCommand: CommandSpec = {
  path: ['taint'],
  use: 'taint NODE NAME KEY_1=VAL_1:TAINT_EFFECT_1 ... KEY_N=VAL_N:TAINT_EFFECT_N',
  flags: [...printFlags, { name: 'all', type: 'bool' }, selectorFlag, { name: 'overwrite', type: 'bool' }, dryRunFlag, validateFlag, fieldManagerFlag('kubectl-taint')],
  run(ctx: CommandContext): void {
    const resources: string[] = [];
    const taintArgs: string[] = [];
    let met = false;
    for (const s of ctx.args) {
      const isTaint = s.includes('=') || s.includes(':') || s.endsWith('-');
      if (isTaint) {
        met = true;
        taintArgs.push(s);
      } else if (!met) resources.push(s);
      else throw new KubectlError(`all resources must be specified before taint changes: ${s}`);
    }
    if (resources.length < 1) throw new KubectlError('one or more resources must be specified as <resource> <name>');
    if (taintArgs.length < 1) throw new KubectlError('at least one taint update is required');
    let add: Taint[];
    let remove: Partial<Taint>[];
    try {
      ({ add, remove } = parseTaints(taintArgs));
    } catch (e) {
      throw new UsageError((e as Error).message, ctx.commandPath);
    }
    const info = mappingFor(resources[0].toLowerCase());
    if (info.kind !== 'Node') throw new KubectlError(`invalid resource type ${resources[0].toLowerCase()}, only node types are supported`);
    const conflicts = add.flatMap((a) => remove.filter((r) => r.key === a.key && (!r.effect || r.effect === a.effect)).map((r) => `${r.key}=${r.effect ?? ''}`));
    if (conflicts.length > 0) throw new KubectlError(`can not both modify and remove the following taint(s) in the same command: ${conflicts.join(', ')}`);
    const all = ctx.flags.bool('all');
    const selector = ctx.flags.string('selector');
    if (all && selector) throw new KubectlError("setting 'all' parameter with a non empty selector is prohibited");
    if (!all && !selector && resources.length < 2) throw new KubectlError("at least one resource name must be specified since 'all' parameter is not set");
    const result =
      all || selector
        ? buildTargets(ctx, ['nodes'], { allowEmptySelector: all, selector: selector || undefined })
        : buildTargets(ctx, resources.slice(1).map((n) => (n.includes('/') ? n : `nodes/${n}`)));
    const errors: Error[] = [...result.errors];
    const dryRun = dryRunStrategy(ctx);
    for (const t of result.targets) {
      try {
        const node = t.object as Node;
        const { operation, taints } = updateTaints(ctx, node, add, remove);
        if (dryRun === 'none') {
          const patched = ctx.api.patch('Node', '', node.metadata.name, 'strategic', { spec: { taints: taints.length ? taints : null } });
          printName(ctx, patched, operation);
        } else printName(ctx, node, `${operation}${dryRun === 'client' ? ' (dry run)' : ' (server dry run)'}`);
      } catch (e) {
        errors.push(e as Error);
      }
    }
    const err = aggregate(errors);
    if (err) throw err;
  },
};

/** parseTaints: `key=value:Effect`, `key:Effect`, and removals `key:Effect-`, `key-`. */
export function parseTaints(specs: string[]): { add: Taint[]; remove: Partial<Taint>[] } {
  const add: Taint[] = [];
  const remove: Partial<Taint>[] = [];
  for (const spec of specs) {
    if (spec.endsWith('-')) {
      const t = parseTaint(spec.slice(0, -1));
      remove.push(t.effect ? { key: t.key, effect: t.effect } : { key: t.key });
      continue;
    }
    const t = parseTaint(spec);
    if (!t.effect) throw new Error(`invalid taint spec: ${spec}`);
    if (add.some((a) => a.key === t.key && a.effect === t.effect)) {
      throw new Error(`duplicated taints with the same key and effect: {${t.key} ${t.value ?? ''} ${t.effect} <nil>}`);
    }
    add.push(t as Taint);
  }
  return { add, remove };
}

function parseTaint(st: string): Partial<Taint> & { key: string } {
  const parts = st.split(':');
  let key: string;
  let value = '';
  let effect: string | undefined;
  if (parts.length === 1) key = parts[0];
  else if (parts.length === 2) {
    effect = parts[1];
    if (!EFFECTS.includes(effect)) throw new Error(`invalid taint effect: ${effect}, unsupported taint effect`);
    const kv = parts[0].split('=');
    if (kv.length > 2) throw new Error(`invalid taint spec: ${st}`);
    key = kv[0];
    if (kv.length === 2) {
      value = kv[1];
      const errs = labelValueErrors(value);
      if (errs.length) throw new Error(`invalid taint spec: ${st}, ${errs.join('; ')}`);
    }
  } else throw new Error(`invalid taint spec: ${st}`);
  const keyErr = qualifiedNameError(key);
  if (keyErr) throw new Error(`invalid taint spec: ${st}, ${keyErr}`);
  return { key, ...(value ? { value } : {}), ...(effect ? { effect: effect as Taint['effect'] } : {}) };
}

/** validation.IsQualifiedName, in brief: `[prefix/]name`, name of alphanumerics, '-', '_', '.'. */
function qualifiedNameError(key: string): string | undefined {
  const parts = key.split('/');
  const name = parts[parts.length - 1];
  if (parts.length > 2 || name === '' || name.length > 63 || !/^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/.test(name)) {
    return "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
  }
  if (parts.length === 2 && !/^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(parts[0])) {
    return "prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
  }
  return undefined;
}

function taintString(t: Partial<Taint>): string {
  let s = t.key ?? '';
  if (t.value) s += `=${t.value}`;
  if (t.effect) s += `:${t.effect}`;
  return s;
}

/** updateTaints + reorganizeTaints: the node's new taints and the word for what happened. */
function updateTaints(ctx: CommandContext, node: Node, add: Taint[], remove: Partial<Taint>[]): { operation: string; taints: Taint[] } {
  const overwrite = ctx.flags.bool('overwrite');
  const old = node.spec?.taints ?? [];
  if (!overwrite) {
    const exists = add.filter((a) => old.some((o) => o.key === a.key && o.effect === a.effect)).map((a) => a.key);
    if (exists.length > 0) {
      throw new KubectlError(`node ${node.metadata.name} already has ${exists.join(',')} taint(s) with same effect(s) and --overwrite is false`);
    }
  }
  const taints: Taint[] = add.map((t) => {
    const prev = old.find((o) => o.key === t.key && o.effect === t.effect);
    // kubectl sends no timeAdded; an existing taint's is kept.
    return prev?.timeAdded && prev.value === t.value ? { ...t, timeAdded: prev.timeAdded } : { ...t };
  });
  for (const o of old) if (!taints.some((t) => t.key === o.key && t.effect === o.effect)) taints.push(o);
  const added = old.length !== taints.length;
  let current = taints;
  const errs: Error[] = [];
  let deleted = false;
  for (const r of remove) {
    const before = current.length;
    current = current.filter((t) => !(t.key === r.key && (!r.effect || t.effect === r.effect)));
    deleted = current.length !== before;
    if (!deleted) errs.push(new KubectlError(`taint "${taintString(r)}" not found`));
  }
  if (errs.length > 0) throw errs.length === 1 ? errs[0] : new AggregateError(errs);
  const operation = (added && deleted) || overwrite ? 'modified' : added ? 'tainted' : 'untainted';
  return { operation, taints: current };
}

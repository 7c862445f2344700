/**
 * `kubectl exec` inside a simulated container: the command runs only if the image has it (as the
 * catalog lists), and answers as that program would. A missing program fails as containerd
 * reports it, with exit status 126.
 */
import type { ObjectStore } from '../api/store.ts';
import type { Pod } from '../api/types/index.ts';
import type { ImageCatalog } from './images.ts';
import type { PodWorker } from './pod-worker.ts';
import type { ExecResult } from './runtime-api.ts';
import { containerEnv } from './env.ts';
import { runNetCommand } from './exec-net.ts';
import { mountedPath } from './volumes.ts';
import { fileExists } from './probes.ts';
import { dateOutput } from './log-time.ts';
import type { ServedRequest } from '../network/access-log.ts';

export interface ExecContext {
  pod: Pod;
  worker: PodWorker | undefined;
  container: string;
  argv: string[];
  store: ObjectStore;
  catalog: ImageCatalog;
  now: number;
  tty?: boolean;
  /** Draws the Service backend a connection goes to (kube-proxy picks at random). */
  random?: { int(n: number): number; next(): number };
  /** A server answered a request: its access-log line. */
  onRequest?: (r: ServedRequest) => void;
}

const BASIC = ['sh', 'cat', 'env', 'printenv', 'hostname', 'echo', 'date', 'true', 'false', 'ls', 'sleep'];

function ok(stdout: string): ExecResult {
  return { stdout, stderr: '', exitCode: 0 };
}

function notFound(cmd: string): ExecResult {
  return {
    stdout: '',
    stderr: `OCI runtime exec failed: exec failed: unable to start container process: exec: "${cmd}": executable file not found in $PATH: unknown\n`,
    exitCode: 126,
  };
}

export function execInContainer(ctx: ExecContext): ExecResult {
  const run = ctx.worker?.run(ctx.container);
  if (!run?.running) {
    return { stdout: '', stderr: `error: unable to upgrade connection: container not found ("${ctx.container}")\n`, exitCode: 1 };
  }
  return runCommand(ctx, ctx.argv, run.spec.image ?? '');
}

/** Runs `argv` as the container's own process would (no check that the container runs). */
export function runCommandIn(ctx: ExecContext, argv: string[]): ExecResult {
  const c = [...(ctx.pod.spec.initContainers ?? []), ...ctx.pod.spec.containers].find((x) => x.name === ctx.container);
  return runCommand(ctx, argv, c?.image ?? '');
}

function runCommand(ctx: ExecContext, argv: string[], image: string): ExecResult {
  const [cmd, ...args] = argv;
  if (!cmd) return { stdout: '', stderr: 'error: you must specify at least one command for the container\n', exitCode: 1 };
  const base = cmd.split('/').pop()!;
  const available = ctx.catalog.lookup(image)?.commands ?? BASIC;
  if (!available.includes(base)) return notFound(cmd);
  const pod = ctx.pod;
  switch (base) {
    case 'hostname':
      return ok(`${pod.spec.hostname ?? pod.metadata.name}\n`);
    case 'env':
    case 'printenv': {
      const env = containerEnv(pod, ctx.container, ctx.store);
      if (base === 'printenv' && args.length) {
        const vals = args.map((a) => env.find(([k]) => k === a)?.[1]).filter((v): v is string => v !== undefined);
        return { stdout: vals.map((v) => `${v}\n`).join(''), stderr: '', exitCode: vals.length === args.length ? 0 : 1 };
      }
      return ok(env.map(([k, v]) => `${k}=${v}\n`).join(''));
    }
    case 'echo':
      return ok(`${args.join(' ')}\n`);
    case 'true':
      return ok('');
    case 'false':
      return { stdout: '', stderr: '', exitCode: 1 };
    case 'date':
      return ok(`${dateOutput(ctx.now)}\n`);
    case 'cat':
      return cat(ctx, args);
    case 'ls': {
      const target = args.filter((a) => !a.startsWith('-'))[0] ?? '/';
      const m = mountedPath(ctx.pod, ctx.container, target, ctx.store);
      if (m?.kind === 'dir') return ok(m.entries.map((e) => `${e}\n`).join(''));
      if (m?.kind === 'file') return ok(`${target}\n`);
      if (scriptFile(ctx, target)) return ok(`${target}\n`);
      return { stdout: '', stderr: `ls: ${target}: No such file or directory\n`, exitCode: ctx.catalog.lookup(image)?.commands?.includes('nslookup') ? 1 : 2 };
    }
    case 'sh':
    case 'bash':
    case 'ash': {
      if ((args[0] === '-c' || args[0] === '-ec') && args[1] !== undefined) return runCommand(ctx, splitWords(args[1]), image);
      return ok('');
    }
    default: {
      const net = runNetCommand(argv, { pod, store: ctx.store, now: ctx.now, catalog: ctx.catalog, container: ctx.container, tty: ctx.tty, random: ctx.random, onRequest: ctx.onRequest });
      if (net) return net;
      return { stdout: '', stderr: `${base}: this command is not simulated by kubesim yet\n`, exitCode: 127 };
    }
  }
}

function cat(ctx: ExecContext, files: string[]): ExecResult {
  const pod = ctx.pod;
  let out = '';
  for (const f of files) {
    if (f === '/etc/hostname') out += `${pod.spec.hostname ?? pod.metadata.name}\n`;
    else if (f === '/etc/resolv.conf') {
      const ns = pod.metadata.namespace ?? 'default';
      out += `search ${ns}.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n`;
    } else if (f === '/etc/hosts') {
      const ip = pod.status?.podIP ?? '';
      const host = pod.spec.hostname ?? pod.metadata.name;
      const fqdn = pod.spec.subdomain ? `${host}.${pod.spec.subdomain}.${pod.metadata.namespace}.svc.cluster.local\t${host}` : host;
      out += `# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n${ip}\t${fqdn}\n`;
    } else {
      const m = mountedPath(pod, ctx.container, f, ctx.store);
      if (m?.kind === 'file') out += m.content;
      else if (m?.kind === 'dir') return { stdout: out, stderr: `cat: read error: Is a directory\n`, exitCode: 1 };
      else if (scriptFile(ctx, f)) out += '';
      else return { stdout: out, stderr: `cat: can't open '${f}': No such file or directory\n`, exitCode: 1 };
    }
  }
  return ok(out);
}

/** Whether the container's script has created `path` (and not removed it) by now. */
function scriptFile(ctx: ExecContext, path: string): boolean {
  const inst = ctx.worker?.run(ctx.container)?.current;
  return !!inst && fileExists(inst, path, ctx.now);
}

/** Splits a simple command string on whitespace, honouring quotes. */
function splitWords(s: string): string[] {
  const out: string[] = [];
  for (const m of s.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)) out.push(m[1] ?? m[2] ?? m[3]);
  return out;
}

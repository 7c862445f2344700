/** Test helpers: a real cluster with a kubectl session reading manifests from an in-memory map. */
import { Cluster, type ClusterOptions } from '../../src/cluster/cluster.ts';
import { KubectlSession, type KubectlResult } from '../../src/kubectl/session.ts';

export interface TestSession {
  cluster: Cluster;
  session: KubectlSession;
  files: Record<string, string>;
  run(line: string): KubectlResult;
}

export function newSession(opts: { files?: Record<string, string>; namespace?: string; cluster?: ClusterOptions } = {}): TestSession {
  const cluster = new Cluster(opts.cluster);
  const files = { ...(opts.files ?? {}) };
  const session = new KubectlSession(cluster, {
    ...(opts.namespace ? { namespace: opts.namespace } : {}),
    readFile: (path) => {
      if (!(path in files)) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
      return files[path];
    },
  });
  return { cluster, session, files, run: (line) => session.run(line) };
}

/** Runs a command that must succeed; returns its stdout. */
export function ok(t: TestSession, line: string): string {
  const r = t.run(line);
  if (r.exitCode !== 0) throw new Error(`kubectl ${line} failed (${r.exitCode}): ${r.stderr}`);
  return r.stdout;
}

export const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: web
        image: nginx:1.25
`;

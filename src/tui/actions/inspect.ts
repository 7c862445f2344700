/**
 * Read-only pages of the selected object, each the output of a kubectl command re-run on every
 * refresh, so the page stays live: describe (`d`), YAML (`y`), events (`e`: `kubectl get events`
 * with a field selector on the involved object) and logs (`l`, followed: the page sticks to the
 * end as lines come). A pod's logs are its default container's; in the containers view, the
 * selected container's; for a workload, the pod kubectl picks (`Found 2 pods, using pod/...`).
 */
import type { KubectlResult } from '../../kubectl/session.ts';
import type { TextPage } from '../state/pages.ts';
import type { Row } from '../table/rows.ts';
import { kubectl, type Target } from './kubectl-args.ts';

export type Inspect = 'describe' | 'yaml' | 'events' | 'logs';

const TITLES: Record<Inspect, string> = { describe: 'Describe', yaml: 'YAML', events: 'Events', logs: 'Logs' };

/** What a command printed, errors first (as a terminal shows kubectl's stderr before the rest). */
export function outputLines(r: KubectlResult): string[] {
  const text = r.stderr + r.stdout;
  const lines = text.replace(/\n$/, '').split('\n');
  return text === '' ? [] : lines;
}

export function inspectPage(what: Inspect, row: Row, run: (words: readonly string[]) => KubectlResult): TextPage {
  const obj = row.obj!;
  const t: Target = { kind: obj.kind, namespace: obj.metadata.namespace ?? '', name: obj.metadata.name };
  const words =
    what === 'describe'
      ? kubectl.describe(t)
      : what === 'yaml'
        ? kubectl.yaml(t)
        : what === 'events'
          ? kubectl.events(t)
          : kubectl.logs(t, row.container);
  const subject = row.container ? `${t.namespace}/${t.name}:${row.container}` : `${t.kind.toLowerCase()} ${t.namespace ? `${t.namespace}/` : ''}${t.name}`;
  const refresh = () => {
    const lines = outputLines(run(words));
    return lines.length ? lines : what === 'events' ? ['No events.'] : what === 'logs' ? ['(no logs yet)'] : [];
  };
  return {
    type: 'text',
    crumb: what,
    title: `${TITLES[what]}(${subject})`,
    lines: refresh(),
    top: 0,
    follow: what === 'logs',
    wrap: true,
    refresh,
  };
}

/** The page of a command typed at the `!` prompt: the command, its output, its exit code. */
export function kubectlPage(line: string, r: KubectlResult): TextPage {
  const cmd = `kubectl ${line.trim().replace(/^(kubectl|k)(\s+|$)/, '')}`.trim();
  const lines = [`$ ${cmd}`, ...outputLines(r)];
  if (r.exitCode !== 0) lines.push(`[exit code ${r.exitCode}]`);
  return { type: 'text', crumb: 'kubectl', title: cmd, lines, top: 0, follow: false, wrap: true };
}

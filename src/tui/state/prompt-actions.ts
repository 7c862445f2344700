/**
 * What a prompt does when Enter is pressed: a `:` command opens a view (or quits, shows help or
 * the scenario log), a `/` filter stays on the table, a `!` line runs in the kubectl session and
 * its output opens as a page. Also the completion offered while typing a `:` command.
 */
import { kubectlPage } from '../actions/inspect.ts';
import { completions, parseCommand } from '../command/command-line.ts';
import type { TuiController } from './controller.ts';
import type { Prompt, PromptKind } from './prompt.ts';
import { newTablePage } from './table-page.ts';

function namespaces(c: TuiController): string[] {
  return c.cluster.store.list('Namespace').map((n) => n.metadata.name);
}

export function completionFor(c: TuiController, p: Prompt): string | undefined {
  return p.kind === 'command' ? completions(p.text, namespaces(c))[0] : undefined;
}

export function submitPrompt(c: TuiController, kind: PromptKind, text: string): void {
  if (kind === 'filter') return;
  if (kind === 'kubectl') {
    if (!text) return;
    const r = c.run(text);
    c.push(kubectlPage(text, r));
    return;
  }
  if (!text) return;
  const cmd = parseCommand(text, (ns) => c.cluster.store.get('Namespace', '', ns) !== undefined);
  switch (cmd.kind) {
    case 'error':
      return c.flash(cmd.message, 'error');
    case 'quit':
      return c.requestQuit();
    case 'help':
      c.push({ type: 'help', crumb: 'help', forView: c.top.type === 'table' ? c.top.view : c.top.type, top: 0 });
      return;
    case 'scenario': {
      const d = c.scenario;
      if (!d) return c.flash('No scenario is playing', 'warn');
      c.push({ type: 'text', crumb: 'scenario', title: `Scenario(${d.scenario.name})`, lines: [...d.log], top: 0, follow: true, wrap: true, refresh: () => [...d.log] });
      return;
    }
    case 'view': {
      if (cmd.namespace !== undefined) c.useNamespace(cmd.namespace);
      const ns = cmd.namespace ?? c.namespace;
      const page = newTablePage(cmd.view, ns, {
        holdMs: c.holdMs,
        ...(cmd.selector ? { scope: { label: cmd.selector.text, selector: cmd.selector.selector } } : {}),
        ...(cmd.filter !== undefined ? { filter: cmd.filter } : {}),
      });
      c.openTable(page, true);
      c.flash(`Viewing ${cmd.view}${page.namespace ? ` in namespace ${page.namespace}` : ''}`);
    }
  }
}

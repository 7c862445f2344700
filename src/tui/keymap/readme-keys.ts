/**
 * The README's key list, generated from the keymap (`npm run keys` writes it, with a capture of
 * the main screen, to src/tui/README-keys.md), so the documentation cannot drift from the keys.
 */
import { RESOURCE_VIEWS } from '../views/view-names.ts';
import { keyLabel } from './keys.ts';
import type { KeyBinding, ViewScope } from './keymap.ts';

function views(scopes: readonly ViewScope[]): string {
  if (scopes.includes('all')) return 'all';
  if (scopes.includes('table')) return 'every table';
  if (RESOURCE_VIEWS.every((v) => scopes.includes(v))) return 'every resource table';
  return scopes.join(', ');
}

const cell = (s: string) => s.replace(/\|/g, '\\|');

export function keyListMarkdown(keymap: readonly KeyBinding[]): string {
  const rows = keymap.map(
    (b) => `| ${b.keys.map((k) => `\`${cell(keyLabel(k))}\``).join(' ')} | \`${b.command}\` | ${cell(b.description)} | ${views(b.views)} | ${b.dangerous ? 'yes' : ''} |`,
  );
  return [
    '| Key | Command | Description | Views | Dangerous |',
    '|---|---|---|---|---|',
    ...rows,
    '',
    'Dangerous keys change the cluster; `kubesim --readonly` removes them (they then do nothing and are',
    'not shown). Where a key means different things in different views (`s`, `t`, `r`, `u`), the row',
    'for the view comes first.',
  ].join('\n');
}

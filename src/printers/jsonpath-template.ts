/**
 * `-o jsonpath=` templates (client-go jsonpath): literal text, `{expression}` actions, quoted text
 * such as `{"\n"}`, and `{range EXPR}...{end}` whose body is evaluated against each item.
 *
 * Worked example: `{range .items[*]}{.metadata.name}{"\t"}{.status.phase}{"\n"}{end}` on a
 * List of two pods prints "web-1<TAB>Running\nweb-2<TAB>Pending\n".
 */
import { goSprint } from './go-format.ts';
import { evalPath, parsePath, type PathNode } from './jsonpath.ts';
import { goJson } from './output.ts';

export type TemplatePart = { kind: 'text'; text: string } | { kind: 'expr'; nodes: PathNode[] } | { kind: 'range'; nodes: PathNode[]; body: TemplatePart[] };

/** Parses a `-o jsonpath=` template: text with `{...}` actions and `{range ...}...{end}`. */
export function parseTemplate(template: string): TemplatePart[] {
  const stack: TemplatePart[][] = [[]];
  const ranges: Extract<TemplatePart, { kind: 'range' }>[] = [];
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    if (open < 0) {
      stack[stack.length - 1].push({ kind: 'text', text: template.slice(i) });
      break;
    }
    if (open > i) stack[stack.length - 1].push({ kind: 'text', text: template.slice(i, open) });
    const close = findActionEnd(template, open);
    if (close < 0) throw new Error(`unclosed action`);
    const action = template.slice(open + 1, close).trim();
    if (action.startsWith('range ') || action === 'range') {
      const r = { kind: 'range' as const, nodes: parsePath(action.slice(5)), body: [] as TemplatePart[] };
      stack[stack.length - 1].push(r);
      ranges.push(r);
      stack.push(r.body);
    } else if (action === 'end') {
      if (ranges.length === 0) throw new Error('not in range, nothing to end');
      ranges.pop();
      stack.pop();
    } else {
      stack[stack.length - 1].push({ kind: 'expr', nodes: parsePath(action) });
    }
    i = close + 1;
  }
  if (ranges.length > 0) throw new Error('unclosed range');
  return stack[0];
}

function findActionEnd(s: string, open: number): number {
  let quote = '';
  for (let i = open + 1; i < s.length; i++) {
    const c = s[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '}') return i;
  }
  return -1;
}

/** Renders a template against data, as `kubectl get -o jsonpath=...` prints it. */
export function renderTemplate(parts: readonly TemplatePart[], root: unknown, current: unknown = root): string {
  let out = '';
  for (const p of parts) {
    if (p.kind === 'text') out += p.text;
    else if (p.kind === 'expr') out += evalPath(p.nodes, root, current).map(toText).join(' ');
    else for (const item of evalPath(p.nodes, root, current)) out += renderTemplate(p.body, root, item);
  }
  return out;
}

/** evalToText: strings raw, maps and lists as JSON, the rest as fmt prints them. */
function toText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v !== null && typeof v === 'object') return goJson(v, 0);
  return goSprint(v);
}

/**
 * kubectl's generic describer, for kinds without their own (events, controller revisions): name,
 * namespace, labels, annotations, then every other field sorted, nested by indentation, with
 * smart labels (`apiVersion` → `API Version`, `involvedObject` → `Involved Object`).
 */
import type { KubeObject } from '../../api/types/index.ts';
import { goSprint } from '../go-format.ts';
import type { PrintContext } from '../types.ts';
import { describeEvents, eventsFor } from './events.ts';
import { cmp, printAnnotationsMultiline, printLabelsMultiline } from './multiline.ts';
import { DescribeWriter, LEVEL_0 } from './writer.ts';

const SKIP = new Set(['.metadata.managedFields', '.metadata.name', '.metadata.namespace', '.metadata.labels', '.metadata.annotations']);
const ACRONYMS = new Set(['API', 'URL', 'UID', 'OSB', 'GUID']);

/** camelcase.Split as fatih/camelcase splits: runs of lower, upper, digits, other. */
function camelSplit(s: string): string[] {
  const runs: string[][] = [];
  let last = '';
  for (const ch of s) {
    const cls = /\p{Ll}/u.test(ch) ? 'l' : /\p{Lu}/u.test(ch) ? 'u' : /\p{Nd}/u.test(ch) ? 'd' : 'o';
    if (cls === last) runs[runs.length - 1].push(ch);
    else runs.push([ch]);
    last = cls;
  }
  // An upper-case run followed by a lower-case run gives its last letter to that run: "HTTPServer" → HTTP Server.
  for (let i = 0; i < runs.length - 1; i++) {
    if (/\p{Lu}/u.test(runs[i][0]) && /\p{Ll}/u.test(runs[i + 1][0]) && runs[i].length > 0) {
      runs[i + 1].unshift(runs[i].pop()!);
    }
  }
  return runs.filter((r) => r.length > 0).map((r) => r.join(''));
}

/** smartLabelFor. */
export function smartLabel(field: string): string {
  if ([...field].some((c) => !/\p{L}/u.test(c) && c !== '-')) return field;
  return camelSplit(field)
    .filter((p) => p !== '_')
    .map((p) => (ACRONYMS.has(p.toUpperCase()) ? p.toUpperCase() : p.charAt(0).toUpperCase() + p.slice(1)))
    .join(' ');
}

function printContent(w: DescribeWriter, level: number, content: Record<string, unknown>, prefix: string): void {
  for (const field of Object.keys(content).sort(cmp)) {
    const value = content[field];
    if (value === undefined) continue;
    const path = `${prefix}.${field}`;
    if (SKIP.has(path)) continue;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      w.write(level, `${smartLabel(field)}:\n`);
      printContent(w, level + 1, value as Record<string, unknown>, path);
    } else if (Array.isArray(value)) {
      w.write(level, `${smartLabel(field)}:\n`);
      for (const child of value) {
        if (child !== null && typeof child === 'object' && !Array.isArray(child)) printContent(w, level + 1, child as Record<string, unknown>, path);
        else w.write(level + 1, `${goSprint(child)}\n`);
      }
    } else {
      w.write(level, `${smartLabel(field)}:\t${goSprint(value)}\n`);
    }
  }
}

export function describeGeneric(obj: KubeObject, ctx: PrintContext): string {
  const w = new DescribeWriter();
  w.write(LEVEL_0, `Name:\t${obj.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', obj.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations);
  printContent(w, LEVEL_0, obj as unknown as Record<string, unknown>, '');
  describeEvents(w, eventsFor(obj, ctx), ctx);
  return w.toString();
}

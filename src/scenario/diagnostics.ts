/**
 * What is wrong with a scenario file, found before anything runs: each problem names the file,
 * line and column, the field path and what is wrong, one line each:
 *
 *   demo.yaml:14:11: steps[2].wait: invalid duration "30x" (write 30s, 2m, 1h30m)
 *
 * Field paths read as in Kubernetes errors: map keys joined by dots, list indexes in brackets.
 */
import type { PathSegment, Position, YamlDoc } from '../manifest/yaml-source.ts';

export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  /** `steps[2].wait: invalid duration "30x"`: the field path, then what is wrong. */
  message: string;
}

export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column}: ${d.message}`;
}

/** `steps[2].until[0].where["spec.nodeName"]` for ['steps', 2, 'until', 0, 'where', 'spec.nodeName']. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(seg)) out += out === '' ? seg : `.${seg}`;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

/** Collects the problems of one scenario file, each located through the parsed document. */
export class DiagnosticList {
  readonly items: Diagnostic[] = [];
  private fileOrder = new Map<string, number>();

  constructor(private doc: YamlDoc) {
    this.fileOrder.set(doc.start.file, 0);
  }

  /** A problem with the value at `path` (or, with `key`, with the key itself: an unknown field). */
  at(path: readonly PathSegment[], what: string, opts: { key?: boolean } = {}): void {
    this.push(this.doc.locate([...path], opts), path.length ? `${formatPath(path)}: ${what}` : what);
  }

  /** A problem found elsewhere (a manifest file), already located. */
  push(pos: Position, message: string): void {
    this.items.push({ file: pos.file, line: pos.line, column: pos.column, message });
  }

  add(d: Diagnostic): void {
    this.items.push(d);
  }

  get empty(): boolean {
    return this.items.length === 0;
  }

  /** The scenario file first, then other files in the order they were named; top to bottom in each. */
  sorted(): Diagnostic[] {
    for (const d of this.items) if (!this.fileOrder.has(d.file)) this.fileOrder.set(d.file, this.fileOrder.size);
    const order = (d: Diagnostic) => this.fileOrder.get(d.file) ?? 0;
    return [...this.items].sort((a, b) => order(a) - order(b) || a.line - b.line || a.column - b.column);
  }
}

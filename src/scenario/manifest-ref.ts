/**
 * Wherever a scenario expects manifests, the value is a path (relative to the scenario file) or
 * inline YAML text. Both are read, parsed and checked before step 1; an inline `|` block keeps
 * the scenario's own positions, so an error in it names the scenario file's real line and column:
 *
 *   steps:                     line 7
 *     - apply: |               line 8   the block's header
 *         apiVersion: v1       line 9   first line of the text: origin {line: 9, column: 8}
 */
import { dirname, join, isAbsolute } from 'node:path';
import type { Origin, PathSegment, Position, YamlDoc } from '../manifest/yaml-source.ts';
import type { DiagnosticList } from './diagnostics.ts';
import type { ScenarioToolkit } from './host.ts';
import type { ManifestSource } from './types.ts';

/** Reads a file's text; throws (with a Node-style `code`, e.g. ENOENT) when it cannot. */
export type ReadFile = (path: string) => string;

export class ManifestResolver {
  private byPath = new Map<string, ManifestSource | null>();
  private lines: string[];

  constructor(
    private file: string,
    text: string,
    private doc: YamlDoc,
    private toolkit: ScenarioToolkit,
    private readFile: ReadFile,
    private out: DiagnosticList,
  ) {
    this.lines = text.split(/\r?\n/);
  }

  /** The manifests of the value at `path`, or undefined after reporting what is wrong. */
  resolve(value: string, path: readonly PathSegment[]): ManifestSource | undefined {
    if (value.includes('\n')) return this.inline(value, path);
    const rel = value.trim();
    if (rel === '') {
      this.out.at(path, 'expected a path to a manifest file or inline YAML');
      return undefined;
    }
    const full = isAbsolute(rel) ? rel : join(dirname(this.file), rel);
    if (this.byPath.has(full)) return this.byPath.get(full) ?? undefined;
    let text: string;
    try {
      text = this.readFile(full);
    } catch (e) {
      this.out.at(path, `cannot read ${full}: ${readError(e)}`);
      return undefined;
    }
    const source = this.parse(text, { file: full }, rel, path);
    this.byPath.set(full, source ?? null);
    return source;
  }

  private inline(text: string, path: readonly PathSegment[]): ManifestSource | undefined {
    const at = this.doc.locate([...path]);
    const header = this.lines[at.line - 1] ?? '';
    const indicator = header[at.column - 1];
    if (indicator === '|' || indicator === '>') {
      const first = this.lines.slice(at.line).find((l) => l.trim() !== '') ?? '';
      return this.parse(text, { file: this.file, line: at.line + 1, column: first.length - first.trimStart().length }, 'inline', path);
    }
    // A quoted string with \n escapes: its lines are not the file's, so problems point at the string.
    return this.parse(text, { file: this.file, line: at.line, column: at.column - 1 }, 'inline', path, at);
  }

  private parse(
    text: string,
    origin: Origin,
    label: string,
    path: readonly PathSegment[],
    at?: Position,
  ): ManifestSource | undefined {
    const parsed = this.toolkit.manifests(text, origin);
    if (!parsed.ok) {
      for (const d of parsed.errors) this.out.add(at ? { ...d, ...at } : d);
      return undefined;
    }
    if (parsed.manifests.length === 0) {
      this.out.at(path, label === 'inline' ? 'no objects in this inline YAML' : `no objects in ${label}`);
      return undefined;
    }
    return { label, text, origin, manifests: parsed.manifests };
  }
}

/** Why a file could not be read, in a few words: `no such file`. */
export function readError(e: unknown): string {
  const code = (e as { code?: string } | null)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'is a directory';
  if (code === 'EACCES') return 'permission denied';
  return e instanceof Error ? e.message : String(e);
}

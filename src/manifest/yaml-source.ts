/**
 * YAML text with positions: parses a document (or several) and answers "where in the file is the
 * value at this path?", so errors can name the file, line and column of the field they are about.
 *
 * Text embedded in another file (an inline manifest in a scenario's `|` block) carries an origin:
 * the line and column where its first character sits in the outer file, so positions are reported
 * in the outer file's terms.
 *
 * Kubernetes decodes YAML 1.1 (go-yaml v2 under sigs.k8s.io/yaml): `yes`, `no`, `on`, `off` are
 * booleans there, so manifests are parsed as YAML 1.1 too.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments, type Document, type Node, type Pair } from 'yaml';

export interface Origin {
  /** The file name to report. */
  file: string;
  /** 1-based line in `file` of the text's first line (default 1). */
  line?: number;
  /** Columns to add to positions on every line (the indentation of a block scalar; default 0). */
  column?: number;
}

export interface Position {
  file: string;
  line: number;
  column: number;
}

export type PathSegment = string | number;

export class YamlSyntaxError extends Error {
  constructor(
    readonly position: Position,
    readonly detail: string,
  ) {
    super(`${position.file}:${position.line}:${position.column}: ${detail}`);
  }
}

export interface YamlDoc {
  /** The plain JS value of the document. */
  value: unknown;
  /** Position of the node at `path` (or of its nearest existing ancestor); `key: true` for the key. */
  locate(path: PathSegment[], opts?: { key?: boolean }): Position;
  /** Position where the document starts. */
  start: Position;
}

export function parseYamlDocuments(text: string, origin: Origin, opts: { version?: '1.1' | '1.2' } = {}): YamlDoc[] {
  const lc = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter: lc, version: opts.version ?? '1.1', prettyErrors: false, uniqueKeys: true });
  const toPos = (offset: number): Position => {
    const p = lc.linePos(offset);
    return { file: origin.file, line: p.line + (origin.line ?? 1) - 1, column: p.col + (origin.column ?? 0) };
  };
  const list = Array.isArray(docs) ? docs : [docs];
  const out: YamlDoc[] = [];
  for (const doc of list as Document.Parsed[]) {
    const err = doc.errors[0];
    if (err) throw new YamlSyntaxError(toPos(err.pos[0]), cleanMessage(err.message));
    const contents = doc.contents as Node | null;
    if (contents === null || (isScalar(contents) && contents.value === null)) continue;
    const value = doc.toJS({ maxAliasCount: 100 });
    const start = toPos(contents.range?.[0] ?? 0);
    out.push({
      value,
      start,
      locate(path, o = {}) {
        return locateIn(contents, path, o.key ?? false, toPos) ?? start;
      },
    });
  }
  return out;
}

/** Parses exactly one document (a scenario file). An empty text is an empty map. */
export function parseYamlDocument(text: string, origin: Origin, opts: { version?: '1.1' | '1.2' } = {}): YamlDoc {
  const docs = parseYamlDocuments(text, origin, opts);
  if (docs.length > 1) throw new YamlSyntaxError(docs[1].start, 'expected a single YAML document, found several');
  return docs[0] ?? { value: {}, start: { file: origin.file, line: origin.line ?? 1, column: 1 + (origin.column ?? 0) }, locate: () => ({ file: origin.file, line: origin.line ?? 1, column: 1 }) };
}

function locateIn(node: Node, path: PathSegment[], wantKey: boolean, toPos: (o: number) => Position): Position | undefined {
  let cur: Node | undefined = node;
  let keyNode: Node | undefined;
  let best = node.range ? toPos(node.range[0]) : undefined;
  for (const seg of path) {
    keyNode = undefined;
    if (isMap(cur)) {
      const pair: Pair | undefined = (cur.items as Pair[]).find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) return best;
      keyNode = pair.key as Node;
      cur = (pair.value as Node | null) ?? undefined;
      const at = cur?.range ?? keyNode.range;
      if (at) best = toPos(at[0]);
    } else if (isSeq(cur) && typeof seg === 'number') {
      const item = cur.items[seg] as Node | undefined;
      if (!item) return best;
      cur = item;
      if (item.range) best = toPos(item.range[0]);
    } else return best;
  }
  if (wantKey && keyNode?.range) return toPos(keyNode.range[0]);
  return best;
}

function cleanMessage(message: string): string {
  // The yaml package appends "at line N, column M" and a code excerpt; the position is reported separately.
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

/**
 * YAML exactly as `kubectl get -o yaml` writes it. kubectl marshals the object to JSON and converts
 * it with sigs.k8s.io/yaml, i.e. go-yaml v2 (a YAML 1.1 emitter), whose habits a learner sees:
 *
 * - keys sorted in go-yaml's "natural" order (digit runs compare as numbers: item9 < item10);
 * - block style, 2-space indentation, sequences not indented under their key (`containers:\n- name`);
 * - empty maps and lists inline: `resources: {}`, `args: []`;
 * - strings that YAML 1.1 would read as something else double-quoted: `""`, `"80"`, `"true"`,
 *   `"yes"`, `"2025-01-06T09:00:00Z"` (a timestamp), `"10:30"` (base 60);
 * - strings that cannot be plain (`a: b`, `*x`, trailing space) single-quoted, `'` doubled;
 * - multi-line strings as literal blocks (`|`, `|-`, `|+`);
 * - long plain and quoted strings folded at a space once the line passes column 80, continuation
 *   lines indented two more than the key.
 *
 * The `yaml` package (used to read manifests) cannot reproduce the YAML 1.1 quoting and go-yaml's
 * folding rule, so this small emitter ports go-yaml's layout here and its scalar analysis and
 * style choice in go-yaml-style.ts.
 */
import { goFloatG } from './go-format.ts';
import { chooseStyle, escapeChar, goYamlKeyCompare, isBreak, isPrintable } from './go-yaml-style.ts';
import { runeWidth } from './tabwriter.ts';

const BEST_WIDTH = 80;

export function goYamlMarshal(value: unknown): string {
  const e = new Emitter();
  if (isMap(value) && definedKeys(value).length > 0) e.mapping(value, 0, true);
  else if (Array.isArray(value) && value.length > 0) e.sequence(value, 0, true);
  else if (isMap(value)) e.put('{}');
  else if (Array.isArray(value)) e.put('[]');
  else e.scalar(value, 2, false, false);
  return e.finish();
}

function isMap(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** yaml_emitter_check_simple_key: a key is simple up to 128 bytes and on one line. */
function isComplexKey(key: string): boolean {
  return key.includes('\n') || new TextEncoder().encode(key).length > 128;
}

function definedKeys(obj: Record<string, unknown>): string[] {
  return Object.keys(obj).filter((k) => obj[k] !== undefined);
}

class Emitter {
  private lines: string[] = [];
  private cur = '';
  private col = 0;

  put(s: string): void {
    this.cur += s;
    this.col += runeWidth(s);
  }

  private newLine(indent: number): void {
    this.lines.push(this.cur);
    this.cur = ' '.repeat(indent);
    this.col = indent;
  }

  finish(): string {
    this.lines.push(this.cur);
    return this.lines.join('\n') + '\n';
  }

  /** A block mapping whose keys sit at `indent`; `inline`: the first key goes where the cursor is. */
  mapping(obj: Record<string, unknown>, indent: number, inline: boolean): void {
    const keys = definedKeys(obj).sort(goYamlKeyCompare);
    keys.forEach((key, i) => {
      if (i > 0 || !inline) this.newLine(indent);
      const v = obj[key];
      if (isComplexKey(key)) {
        // A key longer than 128 bytes (or multi-line) is written as `? key` and `: value`.
        this.put('?');
        this.scalar(key, indent + 2, false, true);
        this.newLine(indent);
        this.put(':');
        this.itemContent(v, indent);
        return;
      }
      this.scalar(key, indent + 2, true, false);
      this.put(':');
      if (Array.isArray(v)) {
        // Sequences in a mapping are "indentless": their dashes line up with the key.
        if (v.length === 0) this.put(' []');
        else this.sequence(v, indent, false);
      } else if (isMap(v)) {
        if (definedKeys(v).length === 0) this.put(' {}');
        else this.mapping(v, indent + 2, false);
      } else {
        this.scalar(v, indent + 2, false, true);
      }
    });
  }

  sequence(items: unknown[], indent: number, inline: boolean): void {
    items.forEach((item, i) => {
      if (i > 0 || !inline) this.newLine(indent);
      this.put('-');
      this.itemContent(item, indent);
    });
  }

  /** What follows a `-` (or the `:` of a complex key) at `indent`: nested collections start on the same line. */
  private itemContent(item: unknown, indent: number): void {
    if (Array.isArray(item)) {
      if (item.length === 0) this.put(' []');
      else {
        this.put(' ');
        this.sequence(item, indent + 2, true);
      }
    } else if (isMap(item)) {
      if (definedKeys(item).length === 0) this.put(' {}');
      else {
        this.put(' ');
        this.mapping(item, indent + 2, true);
      }
    } else {
      this.scalar(item === undefined ? null : item, indent + 2, false, true);
    }
  }

  /** A scalar; `contIndent` is where folded continuation lines start. */
  scalar(v: unknown, contIndent: number, key: boolean, leadingSpace: boolean): void {
    const sp = leadingSpace ? ' ' : '';
    if (v === null || v === undefined) return this.put(sp + 'null');
    if (typeof v === 'boolean') return this.put(sp + String(v));
    if (typeof v === 'number') return this.put(sp + goYamlNumber(v));
    const s = String(v);
    const style = chooseStyle(s, key);
    const allowBreaks = !key;
    if (style === 'plain') this.plain(s, contIndent, allowBreaks, sp);
    else if (style === 'single') this.singleQuoted(s, contIndent, allowBreaks, sp);
    else if (style === 'double') this.doubleQuoted(s, contIndent, allowBreaks, sp);
    else this.literal(s, contIndent, sp);
  }

  private plain(s: string, contIndent: number, allowBreaks: boolean, sp: string): void {
    this.put(sp);
    const chars = [...s];
    let spaces = false;
    for (let i = 0; i < chars.length; i++) {
      if (chars[i] === ' ') {
        if (allowBreaks && !spaces && this.col > BEST_WIDTH && chars[i + 1] !== ' ') this.newLine(contIndent);
        else this.put(' ');
        spaces = true;
      } else {
        this.put(chars[i]);
        spaces = false;
      }
    }
  }

  private singleQuoted(s: string, contIndent: number, allowBreaks: boolean, sp: string): void {
    this.put(sp + "'");
    const chars = [...s];
    let spaces = false;
    for (let i = 0; i < chars.length; i++) {
      const ch = chars[i];
      if (ch === ' ') {
        const canBreak = i > 0 && i < chars.length - 1 && chars[i + 1] !== ' ';
        if (allowBreaks && !spaces && this.col > BEST_WIDTH && canBreak) this.newLine(contIndent);
        else this.put(' ');
        spaces = true;
      } else {
        this.put(ch === "'" ? "''" : ch);
        spaces = false;
      }
    }
    this.put("'");
  }

  private doubleQuoted(s: string, contIndent: number, allowBreaks: boolean, sp: string): void {
    this.put(sp + '"');
    const chars = [...s];
    let spaces = false;
    for (let i = 0; i < chars.length; i++) {
      const ch = chars[i];
      const cp = ch.codePointAt(0)!;
      if (!isPrintable(cp) || cp === 0xfeff || isBreak(ch) || ch === '"' || ch === '\\') {
        this.put(escapeChar(cp));
        spaces = false;
      } else if (ch === ' ') {
        if (allowBreaks && !spaces && this.col > BEST_WIDTH && i !== 0 && i !== chars.length - 1) {
          this.newLine(contIndent);
          if (chars[i + 1] === ' ') this.put('\\');
        } else {
          this.put(' ');
        }
        spaces = true;
      } else {
        this.put(ch);
        spaces = false;
      }
    }
    this.put('"');
  }

  private literal(s: string, contIndent: number, sp: string): void {
    let chomp = '';
    if (!s.endsWith('\n')) chomp = '-';
    else if (s === '\n' || s.endsWith('\n\n')) chomp = '+';
    const indentHint = s.startsWith(' ') || s.startsWith('\n') ? '2' : '';
    this.put(`${sp}|${indentHint}${chomp}`);
    const body = s.endsWith('\n') ? s.slice(0, -1) : s;
    for (const line of body.split('\n')) {
      this.newLine(line === '' ? 0 : contIndent);
      this.put(line);
    }
  }
}

/** Numbers as go-yaml prints the values of decoded JSON: integers as such, floats as %g. */
function goYamlNumber(v: number): string {
  if (Number.isNaN(v)) return '.nan';
  if (!Number.isFinite(v)) return v > 0 ? '.inf' : '-.inf';
  if (Number.isInteger(v) && Math.abs(v) < 2 ** 63) return Object.is(v, -0) ? '0' : v.toFixed(0);
  return goFloatG(v);
}

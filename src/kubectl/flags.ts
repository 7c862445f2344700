/**
 * Command-line flags as kubectl parses them (spf13/pflag): `--name=value`, `--name value`,
 * `-n value`, `-nvalue`, `-n=value`, grouped boolean shorthands (`-it`), flags anywhere among the
 * arguments, `--` ending the flags. Errors carry pflag's wording:
 *
 *   unknown flag: --foo
 *   unknown shorthand flag: 'x' in -x
 *   flag needs an argument: --replicas          flag needs an argument: 'n' in -n
 *   invalid argument "abc" for "--replicas" flag: strconv.ParseInt: parsing "abc": invalid syntax
 */
import { parseGoDuration } from './go-duration.ts';

export type FlagType = 'bool' | 'string' | 'int' | 'stringArray' | 'stringSlice' | 'duration';

export interface FlagSpec {
  name: string;
  short?: string;
  type: FlagType;
  /** The value when the flag is not given (as kubectl's --help shows it). */
  default?: string | number | boolean | string[];
  /** The value a flag given without `=value` takes (booleans: "true"; `--cascade`: "background"). */
  noOptDefault?: string;
  required?: boolean;
  /** Deprecated flags still work; pflag prints `Flag --x has been deprecated, <message>`. */
  deprecated?: string;
  /** kubectl has the flag but kubesim cannot honour it: using it is an error, never silently ignored. */
  unsupported?: string;
}

/** A usage error: printed with `See 'kubectl <cmd> --help' for usage.` */
export class FlagError extends Error {}

/** `-h` / `--help` was given. */
export class HelpRequested extends Error {}

type Value = string | number | boolean | string[];

export class FlagValues {
  private values = new Map<string, Value>();
  private set = new Set<string>();
  /** Flags in the order they were given, with their raw values (for --record's change-cause). */
  readonly given: { name: string; raw: string }[] = [];

  constructor(readonly specs: readonly FlagSpec[]) {
    for (const s of specs) this.values.set(s.name, defaultOf(s));
  }

  changed(name: string): boolean {
    return this.set.has(name);
  }

  /** Whether the command has this flag at all. */
  has(name: string): boolean {
    return this.values.has(name);
  }

  string(name: string): string {
    return String(this.get(name) ?? '');
  }

  bool(name: string): boolean {
    return this.get(name) === true;
  }

  int(name: string): number {
    return Number(this.get(name) ?? 0);
  }

  /** Durations in milliseconds. */
  duration(name: string): number {
    return Number(this.get(name) ?? 0);
  }

  list(name: string): string[] {
    const v = this.get(name);
    return Array.isArray(v) ? v : [];
  }

  private get(name: string): Value | undefined {
    if (!this.values.has(name)) throw new Error(`flag --${name} is not defined for this command`);
    return this.values.get(name);
  }

  /** Sets a flag from its text, as pflag's Value.Set does. */
  setRaw(spec: FlagSpec, raw: string, display: string): void {
    const first = !this.set.has(spec.name);
    this.set.add(spec.name);
    this.given.push({ name: spec.name, raw });
    switch (spec.type) {
      case 'bool': {
        const b = parseGoBool(raw);
        if (b === undefined) throw new FlagError(invalidArgument(raw, display, `strconv.ParseBool: parsing ${goQuote(raw)}: invalid syntax`));
        this.values.set(spec.name, b);
        break;
      }
      case 'int': {
        const i = parseGoInt(raw);
        if (typeof i === 'string') throw new FlagError(invalidArgument(raw, display, i));
        this.values.set(spec.name, i);
        break;
      }
      case 'duration': {
        const d = parseGoDuration(raw);
        if (typeof d === 'string') throw new FlagError(invalidArgument(raw, display, d));
        this.values.set(spec.name, d);
        break;
      }
      case 'stringArray': {
        const cur = first ? [] : (this.values.get(spec.name) as string[]);
        this.values.set(spec.name, [...cur, raw]);
        break;
      }
      case 'stringSlice': {
        const cur = first ? [] : (this.values.get(spec.name) as string[]);
        this.values.set(spec.name, [...cur, ...(raw === '' ? [] : splitCsv(raw))]);
        break;
      }
      case 'string':
        this.values.set(spec.name, raw);
        break;
    }
  }
}

function defaultOf(s: FlagSpec): Value {
  if (s.default !== undefined) return Array.isArray(s.default) ? [...s.default] : s.default;
  switch (s.type) {
    case 'bool':
      return false;
    case 'int':
    case 'duration':
      return 0;
    case 'stringArray':
    case 'stringSlice':
      return [];
    case 'string':
      return '';
  }
}

export interface ParsedFlags {
  values: FlagValues;
  /** Positional arguments, in order (including those after `--`). */
  args: string[];
  /** Index in `args` where the arguments after `--` start, or -1 (cobra's ArgsLenAtDash). */
  argsLenAtDash: number;
  /** Messages pflag prints on stderr while parsing (deprecations). */
  warnings: string[];
}

export function parseFlags(tokens: readonly string[], specs: readonly FlagSpec[]): ParsedFlags {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short!, s]));
  const values = new FlagValues(specs);
  const args: string[] = [];
  const warnings: string[] = [];
  let argsLenAtDash = -1;
  const noteDeprecated = (spec: FlagSpec) => {
    if (spec.deprecated) warnings.push(`Flag --${spec.name} has been deprecated, ${spec.deprecated}`);
  };
  let i = 0;
  while (i < tokens.length) {
    const tok = tokens[i++];
    if (tok === '--') {
      argsLenAtDash = args.length;
      args.push(...tokens.slice(i));
      break;
    }
    if (!tok.startsWith('-') || tok === '-') {
      args.push(tok);
      continue;
    }
    if (tok.startsWith('--')) {
      const body = tok.slice(2);
      if (body === '' || body.startsWith('-') || body.startsWith('=')) throw new FlagError(`bad flag syntax: ${tok}`);
      const eq = body.indexOf('=');
      const name = eq < 0 ? body : body.slice(0, eq);
      const spec = byName.get(name);
      if (!spec) {
        if (name === 'help') throw new HelpRequested();
        throw new FlagError(`unknown flag: --${name}`);
      }
      let raw: string;
      if (eq >= 0) raw = body.slice(eq + 1);
      else if (noOpt(spec) !== undefined) raw = noOpt(spec)!;
      else if (i < tokens.length) raw = tokens[i++];
      else throw new FlagError(`flag needs an argument: ${tok}`);
      values.setRaw(spec, raw, displayName(spec));
      noteDeprecated(spec);
      continue;
    }
    // Shorthands: -abc, -n value, -nvalue, -n=value.
    let shorts = tok.slice(1);
    while (shorts.length > 0) {
      const c = shorts[0];
      const spec = byShort.get(c);
      if (!spec) {
        if (c === 'h') throw new HelpRequested();
        throw new FlagError(`unknown shorthand flag: '${c}' in -${shorts}`);
      }
      let raw: string;
      if (shorts.length > 2 && shorts[1] === '=') {
        raw = shorts.slice(2);
        shorts = '';
      } else if (noOpt(spec) !== undefined) {
        raw = noOpt(spec)!;
        shorts = shorts.slice(1);
      } else if (shorts.length > 1) {
        raw = shorts.slice(1);
        shorts = '';
      } else if (i < tokens.length) {
        raw = tokens[i++];
        shorts = '';
      } else {
        throw new FlagError(`flag needs an argument: '${c}' in -${shorts}`);
      }
      values.setRaw(spec, raw, displayName(spec));
      noteDeprecated(spec);
    }
  }
  return { values, args, argsLenAtDash, warnings };
}

function noOpt(spec: FlagSpec): string | undefined {
  return spec.noOptDefault ?? (spec.type === 'bool' ? 'true' : undefined);
}

/** How pflag names a flag in errors: `-r, --replicas` when it has a shorthand. */
function displayName(spec: FlagSpec): string {
  return spec.short ? `-${spec.short}, --${spec.name}` : `--${spec.name}`;
}

function invalidArgument(raw: string, display: string, detail: string): string {
  return `invalid argument ${goQuote(raw)} for ${goQuote(display)} flag: ${detail}`;
}

/** Go's %q for plain strings. */
export function goQuote(s: string): string {
  return JSON.stringify(s);
}

/** strconv.ParseBool */
export function parseGoBool(s: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(s)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(s)) return false;
  return undefined;
}

/** strconv.ParseInt(s, 0, 64): decimal, 0x hex, 0o/0 octal, 0b binary, underscores allowed with a prefix. */
export function parseGoInt(s: string): number | string {
  const err = `strconv.ParseInt: parsing ${goQuote(s)}: invalid syntax`;
  const m = /^([+-]?)(0[xX][0-9a-fA-F_]+|0[bB][01_]+|0[oO]?[0-7_]*|[1-9][0-9]*|0)$/.exec(s);
  if (!m) return err;
  const sign = m[1] === '-' ? -1 : 1;
  const body = m[2];
  let value: number;
  if (/^0[xX]/.test(body)) value = parseInt(body.slice(2).replace(/_/g, ''), 16);
  else if (/^0[bB]/.test(body)) value = parseInt(body.slice(2).replace(/_/g, ''), 2);
  else if (/^0[oO]/.test(body)) value = parseInt(body.slice(2).replace(/_/g, ''), 8);
  else if (body.length > 1 && body.startsWith('0')) value = parseInt(body.slice(1).replace(/_/g, ''), 8);
  else {
    if (body.includes('_')) return err;
    value = parseInt(body, 10);
  }
  if (!Number.isFinite(value)) return err;
  if (Math.abs(value) > Number.MAX_SAFE_INTEGER) return `strconv.ParseInt: parsing ${goQuote(s)}: value out of range`;
  return sign * value;
}

/** pflag reads slice flags as one CSV record: `a,b,"c,d"`. */
function splitCsv(s: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"' && cur === '') quoted = true;
    else if (c === ',') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

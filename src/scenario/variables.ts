/**
 * Scenario variables (kubesim's extension of the format): `save: NAME` on a kubectl step keeps
 * what the command printed on stdout, trimmed; a later step uses it as `${NAME}`. A name used
 * before a step saves it is an error found before step 1.
 *
 * Where `${NAME}` may be written: kubectl and sim lines, and every string of a condition: `get:`
 * after the slash (`get: pod/${victim}`), `name`, `namespace`, `selector`, `names`, the keys and
 * values of `where`, `all` and `match`, and `output`, `contains`, `notContains`, `matches`. Not in
 * what decides the checks made before running: `get`'s resource type, column names, `count`.
 *
 * How a value is put in:
 *
 *   in a regular expression (`matches`, `match` values) the value is matched literally, its
 *   special characters escaped: with ip = 10.244.1.5, `matches: "Address: ${ip}$"` is the
 *   regular expression /Address: 10\.244\.1\.5$/ (it does not match 10.244.105);
 *
 *   in a field path (keys of `where`, `all`, `match`) the value is one key, dots and all: with
 *   k = app.kubernetes.io/name, `metadata.labels.${k}` reads the label app.kubernetes.io/name;
 *
 *   everywhere else, as text: `selector: app=${app}`, `names: [${first}, web-2]`.
 */

export const VARIABLE = /^[A-Za-z_][A-Za-z0-9_]*$/;
const REFERENCE = /\$\{([^}]*)\}/g;

/** The names a text refers to as `${NAME}`, in order. */
export function references(text: string): string[] {
  return [...text.matchAll(REFERENCE)].map((m) => m[1]);
}

/** Replaces each `${NAME}` by `value(NAME)`. */
export function replaceReferences(text: string, value: (name: string) => string): string {
  return text.includes('${') ? text.replace(REFERENCE, (_whole, name: string) => value(name)) : text;
}

/** Replaces each `${NAME}` with its saved value; an unknown name is left as written. */
export function substitute(text: string, vars: ReadonlyMap<string, string>): string {
  return replaceReferences(text, (name) => vars.get(name) ?? `\${${name}}`);
}

/** A text that matches itself in a regular expression: `10.244.1.5` → `10\.244\.1\.5`. */
export function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
}

/** A regular expression's source with each variable's value escaped (matched literally). */
export function substitutePattern(source: string, vars: ReadonlyMap<string, string>): string {
  return replaceReferences(source, (name) => {
    const v = vars.get(name);
    return v === undefined ? `\${${name}}` : escapeRegExp(v);
  });
}

/** Substitutes inside every string of a condition value (a scalar, a list or a map). */
export function substituteValue(value: unknown, vars: ReadonlyMap<string, string>): unknown {
  if (typeof value === 'string') return substitute(value, vars);
  if (Array.isArray(value)) return value.map((v) => substituteValue(v, vars));
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substituteValue(v, vars)]));
  }
  return value;
}

/** The strings inside a condition value, with their paths below it (for finding references). */
export function valueStrings(value: unknown, path: readonly (string | number)[] = []): [string, (string | number)[]][] {
  if (typeof value === 'string') return [[value, [...path]]];
  if (Array.isArray(value)) return value.flatMap((v, i) => valueStrings(v, [...path, i]));
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    return Object.entries(value).flatMap(([k, v]) => valueStrings(v, [...path, k]));
  }
  return [];
}

/**
 * The stand-in for every variable while checking a condition before running: a plain word, valid
 * as a label key or value, a name and (escaped or not) a regular expression.
 */
export const STAND_IN = 'x';

/** A text with every variable replaced by the stand-in. */
export function withStandIns(text: string): string {
  return replaceReferences(text, () => STAND_IN);
}

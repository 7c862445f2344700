/**
 * Generated names and hashes as Kubernetes makes them (reference §0.1).
 *
 * generateName appends 5 characters from the vowel-less alphabet of apimachinery's rand package;
 * template hashes are 32-bit FNV hashes whose decimal digits are mapped through the same alphabet
 * (rand.SafeEncodeString), so they only use `4-9bcdf`.
 */
import type { SeededRandom } from '../sim/random.ts';

export const NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
const MAX_NAME_LENGTH = 63;
const RANDOM_LENGTH = 5;
const MAX_PREFIX = MAX_NAME_LENGTH - RANDOM_LENGTH;

export function generateName(prefix: string, random: SeededRandom): string {
  const base = prefix.length > MAX_PREFIX ? prefix.slice(0, MAX_PREFIX) : prefix;
  return base + random.string(RANDOM_LENGTH, NAME_ALPHABET);
}

/** rand.SafeEncodeString: each character maps to alphanums[code % 27]. */
export function safeEncodeString(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += NAME_ALPHABET[s.charCodeAt(i) % NAME_ALPHABET.length];
  return out;
}

export function fnv1a32(data: string): number {
  let h = 0x811c9dc5;
  const bytes = Buffer.from(data, 'utf8');
  for (const b of bytes) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export function fnv1_32(data: string): number {
  let h = 0x811c9dc5;
  const bytes = Buffer.from(data, 'utf8');
  for (const b of bytes) {
    h = Math.imul(h, 0x01000193) >>> 0;
    h ^= b;
  }
  return h >>> 0;
}

/** JSON with object keys sorted, so equal values hash equally whatever their key order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/**
 * controller.ComputeHash: the pod-template-hash of a Deployment's template (FNV-1a), with the
 * collision count mixed in when it is set.
 */
export function computeTemplateHash(template: unknown, collisionCount?: number): string {
  let data = canonicalJson(template);
  if (collisionCount !== undefined && collisionCount !== null) data += `#${collisionCount}`;
  return safeEncodeString(String(fnv1a32(data)));
}

/** The ControllerRevision hash (FNV-1), used by StatefulSets and DaemonSets. */
export function computeRevisionHash(data: unknown, collisionCount?: number): string {
  let s = canonicalJson(data);
  if (collisionCount) s += `#${collisionCount}`;
  return safeEncodeString(String(fnv1_32(s)));
}

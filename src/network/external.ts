/**
 * The world outside the cluster, as CoreDNS's upstream resolver and the internet would answer it:
 * a name under a public top-level domain resolves to a stable public address (a few well-known
 * names to their usual ones, the others to an address drawn from a hash of the name); any other
 * name does not exist (NXDOMAIN). Nothing here depends on the wall clock or on chance.
 *
 *   externalA('google.com')  → ['142.250.196.110']
 *   externalA('foo.example.co') → one address derived from the name, the same on every run
 *   externalA('external.example.com') → undefined (the example domains hold nothing but www)
 *   externalA('nginx.local') → undefined (no such public name)
 */
import { fnv1a32 } from '../api/names.ts';

const PUBLIC_TLDS = new Set(
  (
    'com net org io dev app co ai cloud info biz me tv sh gg xyz tech site online page blog edu gov mil int ' +
    'kr jp cn tw hk sg in id vn th my ph au nz us ca mx br ar cl uk de fr it es nl be ch at se no dk fi pl cz ru ua eu ie pt gr tr il za'
  ).split(' '),
);

interface KnownHost {
  a: string[];
  aaaa: string[];
}

/** Well-known names with the addresses a learner typically sees for them. */
const KNOWN: Record<string, KnownHost> = {
  'google.com': { a: ['142.250.196.110'], aaaa: ['2404:6800:4004:827::200e'] },
  'www.google.com': { a: ['142.250.207.4'], aaaa: ['2404:6800:4004:81f::2004'] },
  'example.com': { a: ['93.184.215.14'], aaaa: ['2606:2800:21f:cb07:6820:80da:af6b:8b2c'] },
  'www.example.com': { a: ['93.184.215.14'], aaaa: ['2606:2800:21f:cb07:6820:80da:af6b:8b2c'] },
};

/** First octets of large public blocks, so derived addresses never fall in private ranges. */
const PUBLIC_FIRST_OCTETS = [13, 18, 23, 34, 35, 52, 54, 63, 104, 142, 151, 157, 185, 199, 203];

function normalise(name: string): string {
  return name.toLowerCase().replace(/\.$/, '');
}

/** RFC 2606's example domains: the domain and its www exist, nothing else under them does. */
const EXAMPLE_DOMAINS = ['example.com', 'example.net', 'example.org'];

/**
 * Whether the name could exist on the public internet (a known top-level domain, two labels or
 * more; under the example domains only the domain and www: `external.example.com` is NXDOMAIN).
 */
export function isPublicName(name: string): boolean {
  const n = normalise(name);
  const labels = n.split('.');
  if (labels.length < 2 || labels.some((l) => !/^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/.test(l))) return false;
  const example = EXAMPLE_DOMAINS.find((d) => n.endsWith(`.${d}`));
  if (example) return n === `www.${example}`;
  return PUBLIC_TLDS.has(labels[labels.length - 1]);
}

/** The IPv4 addresses of a public name, or undefined when it does not exist. */
export function externalA(name: string): string[] | undefined {
  const n = normalise(name);
  if (KNOWN[n]) return [...KNOWN[n].a];
  if (!isPublicName(n)) return undefined;
  const h = fnv1a32(n);
  const first = PUBLIC_FIRST_OCTETS[h % PUBLIC_FIRST_OCTETS.length];
  return [`${first}.${(h >>> 8) & 0xff}.${(h >>> 16) & 0xff}.${1 + ((h >>> 24) % 254)}`];
}

/** The IPv6 addresses of a public name: only the well-known ones have any here. */
export function externalAAAA(name: string): string[] | undefined {
  const n = normalise(name);
  if (KNOWN[n]) return [...KNOWN[n].aaaa];
  return isPublicName(n) ? [] : undefined;
}

/** Whether an IPv4 address is outside the private, loopback and link-local ranges. */
export function isPublicIp(ip: string): boolean {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(ip);
  if (!m) return false;
  const [a, b] = [Number(m[1]), Number(m[2])];
  if (a === 10 || a === 127 || a === 0 || a >= 224) return false;
  if (a === 172 && b >= 16 && b < 32) return false;
  if (a === 192 && b === 168) return false;
  if (a === 169 && b === 254) return false;
  return true;
}

/** A public name that resolves to this address (for an HTTP Host header), if one of ours does. */
export function knownNameOf(ip: string): string | undefined {
  for (const [name, h] of Object.entries(KNOWN)) if (h.a.includes(ip)) return name;
  return undefined;
}

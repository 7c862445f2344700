/**
 * The tags the public registries hold for the built-in images, as of the simulated date (January
 * 2025, Kubernetes v1.32): a tag not listed here does not exist, and pulling it fails as a registry
 * 404 does (`docker.io/library/nginx:1.161: not found`). The lists are built from release lines
 * (each minor version with its patch releases) and the image variants each line was published in.
 *
 *   releases('1.16', 1)          → ['1.16', '1.16.0', '1.16.1']
 *   variants(['1.16'], ['', '-alpine']) → ['1.16', '1.16-alpine']
 */

/** A minor version with its floating tag and its patch releases 0..lastPatch. */
export function releases(minor: string, lastPatch: number, sep = '.'): string[] {
  return [minor, ...Array.from({ length: lastPatch + 1 }, (_, i) => `${minor}${sep}${i}`)];
}

/** Every tag with every suffix (`''` keeps the tag itself). */
export function variants(tags: string[], suffixes: string[]): string[] {
  return tags.flatMap((t) => suffixes.map((s) => `${t}${s}`));
}

/** [minor, last patch] for each line, oldest first. */
type Lines = [string, number][];

function fromLines(lines: Lines, sep = '.'): string[] {
  return lines.flatMap(([minor, last]) => releases(minor, last, sep));
}

/** nginx: mainline 1.27.3 and stable 1.26.2; -alpine everywhere, -perl from 1.13, -alpine-slim from 1.23, -bookworm from 1.25. */
const NGINX_LINES: Lines = [
  ['1.7', 12], ['1.8', 1], ['1.9', 15], ['1.10', 3], ['1.11', 13], ['1.12', 2], ['1.13', 12], ['1.14', 2], ['1.15', 12], ['1.16', 1],
  ['1.17', 10], ['1.18', 0], ['1.19', 10], ['1.20', 2], ['1.21', 6], ['1.22', 1], ['1.23', 4], ['1.24', 0], ['1.25', 5], ['1.26', 2], ['1.27', 3],
];

function nginxTags(): string[] {
  const out: string[] = [];
  for (const [minor, last] of NGINX_LINES) {
    const n = Number(minor.split('.')[1]);
    const suffixes = ['', '-alpine'];
    if (n >= 13) suffixes.push('-perl', '-alpine-perl');
    if (n >= 23) suffixes.push('-alpine-slim');
    if (n >= 25) suffixes.push('-bookworm', '-bookworm-perl');
    out.push(...variants(releases(minor, last), suffixes));
  }
  const floating = ['latest', '1', 'mainline', 'stable'];
  return [...out, ...variants(floating, ['', '-alpine', '-perl', '-alpine-perl', '-alpine-slim', '-bookworm', '-bookworm-perl']), 'alpine', 'perl', 'alpine-perl', 'alpine-slim', 'bookworm', 'bookworm-perl'];
}

/** busybox 1.24 … 1.37.0, each also as -glibc, -musl and -uclibc. */
const BUSYBOX_LINES: Lines = [
  ['1.24', 2], ['1.25', 1], ['1.26', 2], ['1.27', 2], ['1.28', 4], ['1.29', 3], ['1.30', 1], ['1.31', 1], ['1.32', 1], ['1.33', 1], ['1.34', 1], ['1.35', 0], ['1.36', 1], ['1.37', 0],
];
const BUSYBOX_TAGS = [...variants([...fromLines(BUSYBOX_LINES), 'latest', 'stable', 'unstable', '1'], ['', '-glibc', '-musl', '-uclibc']), 'glibc', 'musl', 'uclibc'];

const ALPINE_LINES: Lines = [
  ['3.5', 3], ['3.6', 5], ['3.7', 3], ['3.8', 5], ['3.9', 6], ['3.10', 9], ['3.11', 13], ['3.12', 12], ['3.13', 12], ['3.14', 10], ['3.15', 11],
  ['3.16', 9], ['3.17', 10], ['3.18', 9], ['3.19', 4], ['3.20', 3], ['3.21', 0],
];
const ALPINE_TAGS = [...fromLines(ALPINE_LINES), '3', 'latest', 'edge'];

const UBUNTU_TAGS = ['14.04', '16.04', '18.04', '20.04', '22.04', '24.04', '24.10', '25.04', 'trusty', 'xenial', 'bionic', 'focal', 'jammy', 'noble', 'oracular', 'plucky', 'latest', 'rolling', 'devel'];

const DEBIAN_TAGS = variants(
  [...fromLines([['10', 13], ['11', 11], ['12', 8]]), '8', '9', '13', 'jessie', 'stretch', 'buster', 'bullseye', 'bookworm', 'trixie', 'sid', 'stable', 'oldstable', 'testing', 'unstable', 'latest'],
  ['', '-slim'],
).filter((t) => t !== 'latest-slim');

const PERL_LINES: Lines = [
  ['5.20', 3], ['5.22', 4], ['5.24', 4], ['5.26', 3], ['5.28', 3], ['5.30', 3], ['5.32', 1], ['5.34', 3], ['5.36', 3], ['5.38', 2], ['5.40', 0],
];
const PERL_TAGS = [...variants([...fromLines(PERL_LINES), '5', 'latest', 'stable'], ['', '-slim', '-threaded', '-slim-threaded']), 'slim', 'threaded', 'slim-threaded'];

const REDIS_LINES: Lines = [['4.0', 14], ['5.0', 14], ['6.0', 20], ['6.2', 16], ['7.0', 15], ['7.2', 6], ['7.4', 1]];
const REDIS_TAGS = [...variants([...fromLines(REDIS_LINES), '4', '5', '6', '7', 'latest'], ['', '-alpine', '-bookworm']), 'alpine', 'bookworm'];

const MYSQL_TAGS = [
  ...variants([...releases('5.7', 44), '5'], ['', '-debian', '-oracle']),
  ...variants([...releases('8.0', 40), '8'], ['', '-debian', '-oracle']),
  ...variants([...releases('8.4', 3), ...releases('9.1', 0), '9', 'lts', 'innovation', 'latest'], ['', '-oracle', '-oraclelinux9']),
  'oracle', 'oraclelinux9', 'debian',
];

const POSTGRES_LINES: Lines = [['12', 22], ['13', 18], ['14', 15], ['15', 10], ['16', 6], ['17', 2]];
const POSTGRES_TAGS = [...variants([...fromLines(POSTGRES_LINES), '9.6', '10', '11', 'latest'], ['', '-alpine', '-bookworm', '-bullseye']), 'alpine', 'bookworm', 'bullseye'];

const CURL_TAGS = [
  'latest',
  '8.11.1', '8.11.0', '8.10.1', '8.10.0', '8.9.1', '8.9.0', '8.8.0', '8.7.1', '8.6.0', '8.5.0', '8.4.0', '8.3.0', '8.2.1', '8.2.0', '8.1.2', '8.1.1', '8.1.0', '8.00.1',
  '7.88.1', '7.87.0', '7.86.0', '7.85.0', '7.84.0', '7.83.1', '7.82.0', '7.81.0', '7.80.0', '7.79.1', '7.78.0', '7.77.0', '7.76.1', '7.75.0', '7.74.0', '7.73.0', '7.72.0',
];

/** Kubernetes component images: v1.24.0 … v1.32.2, the versions of the supported and recent lines. */
const K8S_LINES: Lines = [['v1.24', 17], ['v1.25', 16], ['v1.26', 15], ['v1.27', 16], ['v1.28', 15], ['v1.29', 14], ['v1.30', 10], ['v1.31', 6], ['v1.32', 2]];
const K8S_TAGS = fromLines(K8S_LINES).filter((t) => t.split('.').length === 3);

const ETCD_TAGS = [...Array.from({ length: 18 }, (_, i) => `3.5.${i}-0`), '3.4.13-0', '3.4.3-0', '3.3.15-0', '3.5.12-1', '3.5.15-1'];
const COREDNS_TAGS = ['v1.8.0', 'v1.8.4', 'v1.8.6', 'v1.9.3', 'v1.9.4', 'v1.10.0', 'v1.10.1', 'v1.11.1', 'v1.11.3', 'v1.11.4', 'v1.12.0'];
const PAUSE_TAGS = ['3.1', '3.2', '3.5', '3.6', '3.7', '3.8', '3.9', '3.10'];

/** Repository (as the catalog names it) → the tags it has. */
export const KNOWN_TAGS: Record<string, string[]> = {
  nginx: nginxTags(),
  busybox: BUSYBOX_TAGS,
  alpine: ALPINE_TAGS,
  ubuntu: UBUNTU_TAGS,
  debian: DEBIAN_TAGS,
  perl: PERL_TAGS,
  redis: REDIS_TAGS,
  mysql: MYSQL_TAGS,
  postgres: POSTGRES_TAGS,
  'curlimages/curl': CURL_TAGS,
  'registry.k8s.io/kube-apiserver': K8S_TAGS,
  'registry.k8s.io/kube-controller-manager': K8S_TAGS,
  'registry.k8s.io/kube-scheduler': K8S_TAGS,
  'registry.k8s.io/kube-proxy': K8S_TAGS,
  'registry.k8s.io/etcd': ETCD_TAGS,
  'registry.k8s.io/coredns/coredns': COREDNS_TAGS,
  'registry.k8s.io/pause': PAUSE_TAGS,
};

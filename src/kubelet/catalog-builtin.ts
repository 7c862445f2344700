/**
 * The built-in image catalog: common public images and what they do when run. Sizes are what the
 * registry reports (they appear in the `Pulled` event) and set the default pull time. Entries with
 * `tags` have only those (catalog-tags.ts); the others (the tutorials' own images, fluentd and
 * polinux/stress, whose tag schemes are their own) accept every tag. Times in log lines are
 * placeholders filled in with the container's start time (log-time.ts).
 */
import type { ImageEntry } from './images.ts';
import { KNOWN_TAGS } from './catalog-tags.ts';

// Debian-based images have glibc's getent (libc-bin); busybox has no getent applet, and Alpine
// gets one from musl-utils (part of alpine-base), so `getent hosts NAME` works in debian, nginx,
// alpine and curlimages/curl but busybox answers `executable file not found in $PATH`.
const DEBIAN_TOOLS = ['sh', 'bash', 'cat', 'ls', 'env', 'printenv', 'hostname', 'echo', 'sleep', 'date', 'ps', 'id', 'whoami', 'pwd', 'true', 'false', 'getent'];
const BUSYBOX_TOOLS = [...DEBIAN_TOOLS.filter((c) => c !== 'bash' && c !== 'getent'), 'nslookup', 'wget', 'ping', 'top', 'nc', 'vi'];
const ALPINE_TOOLS = [...BUSYBOX_TOOLS, 'getent'];

export const BUILTIN_IMAGES: ImageEntry[] = [
  {
    image: 'nginx',
    tags: KNOWN_TAGS['nginx'],
    sizeBytes: 72_950_165,
    run: 'forever',
    logs: [
      '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
      '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
      '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
      '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
      '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
      '/docker-entrypoint.sh: Configuration complete; ready for start up',
    ],
    commands: [...DEBIAN_TOOLS, 'curl', 'nginx'],
    ports: [80],
  },
  { image: 'busybox', tags: KNOWN_TAGS['busybox'], sizeBytes: 2_155_587, run: { seconds: 0, exitCode: 0 }, commands: BUSYBOX_TOOLS },
  // The Kubernetes docs' memory examples: stress allocates --vm-bytes and holds it.
  { image: 'polinux/stress', sizeBytes: 4_041_495, run: 'forever', commands: ['sh', 'stress', 'cat', 'ls', 'echo', 'sleep'] },
  // The Kubernetes docs' examples (liveness, init containers) use this old busybox build.
  { image: 'registry.k8s.io/busybox', sizeBytes: 1_144_547, run: { seconds: 0, exitCode: 0 }, commands: BUSYBOX_TOOLS },
  { image: 'alpine', tags: KNOWN_TAGS['alpine'], sizeBytes: 3_653_068, run: { seconds: 0, exitCode: 0 }, commands: ALPINE_TOOLS },
  { image: 'ubuntu', tags: KNOWN_TAGS['ubuntu'], sizeBytes: 29_754_422, run: { seconds: 0, exitCode: 0 }, commands: DEBIAN_TOOLS },
  { image: 'debian', tags: KNOWN_TAGS['debian'], sizeBytes: 48_493_760, run: { seconds: 0, exitCode: 0 }, commands: DEBIAN_TOOLS },
  { image: 'perl', tags: KNOWN_TAGS['perl'], sizeBytes: 336_780_014, run: { seconds: 0, exitCode: 0 }, commands: [...DEBIAN_TOOLS, 'perl', 'curl'] },
  {
    image: 'curlimages/curl',
    tags: KNOWN_TAGS['curlimages/curl'],
    sizeBytes: 11_852_431,
    run: { seconds: 0, exitCode: 2 },
    logs: ["curl: try 'curl --help' or 'curl --manual' for more information"],
    commands: [...ALPINE_TOOLS, 'curl'],
  },
  {
    image: 'redis',
    tags: KNOWN_TAGS['redis'],
    sizeBytes: 45_202_374,
    run: 'forever',
    logs: ['1:C {{redis}} * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo', '1:M {{redis}} * Ready to accept connections tcp'],
    commands: [...DEBIAN_TOOLS, 'redis-cli'],
    ports: [6379],
  },
  {
    image: 'mysql',
    tags: KNOWN_TAGS['mysql'],
    sizeBytes: 172_416_398,
    run: 'forever',
    requiredEnv: {
      anyOf: ['MYSQL_ROOT_PASSWORD', 'MYSQL_ALLOW_EMPTY_PASSWORD', 'MYSQL_RANDOM_ROOT_PASSWORD'],
      logs: [
        '{{mysql-entrypoint}} [ERROR] [Entrypoint]: Database is uninitialized and password option is not specified',
        '    You need to specify one of the following as an environment variable:',
        '    - MYSQL_ROOT_PASSWORD',
        '    - MYSQL_ALLOW_EMPTY_PASSWORD',
        '    - MYSQL_RANDOM_ROOT_PASSWORD',
      ],
    },
    readyAfterSeconds: 5,
    logs: ['{{mysql-entrypoint}} [Note] [Entrypoint]: Entrypoint script for MySQL Server started.', '{{iso-micro+5}} 0 [System] [MY-010931] [Server] /usr/sbin/mysqld: ready for connections.'],
    commands: [...DEBIAN_TOOLS, 'mysql'],
    ports: [3306],
  },
  {
    image: 'postgres',
    tags: KNOWN_TAGS['postgres'],
    sizeBytes: 158_651_227,
    run: 'forever',
    requiredEnv: {
      anyOf: ['POSTGRES_PASSWORD'],
      logs: ['Error: Database is uninitialized and superuser password is not specified.', '       You must specify POSTGRES_PASSWORD to a non-empty value for the', '       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".'],
    },
    readyAfterSeconds: 3,
    logs: ['PostgreSQL init process complete; ready for start up.', '{{postgres+3}} [1] LOG:  database system is ready to accept connections'],
    commands: [...DEBIAN_TOOLS, 'psql'],
    ports: [5432],
  },
  {
    image: 'fluentd',
    sizeBytes: 61_323_412,
    run: 'forever',
    logs: ['fluentd -c /fluentd/etc/fluent.conf', '{{fluentd}} [info]: starting fluentd-1.16.2 pid=7 ruby="3.1.4"', '{{fluentd+1}} [info]: #0 fluentd worker is now running worker=0'],
    commands: BUSYBOX_TOOLS,
    ports: [24224],
  },
  {
    image: 'amsy810/echo-nginx',
    sizeBytes: 42_514_088,
    run: 'forever',
    commands: [...DEBIAN_TOOLS, 'curl', 'nginx'],
    ports: [80],
    portEnv: 'NGINX_PORT',
    echoResponse: true,
  },
  { image: 'gihyodocker/echo', sizeBytes: 276_385_611, run: 'forever', logs: ['{{go-log}} start server'], commands: DEBIAN_TOOLS, ports: [8080], echoResponse: true },
  { image: 'gihyodocker/nginx', sizeBytes: 44_563_113, run: 'forever', commands: [...DEBIAN_TOOLS, 'curl', 'nginx'], ports: [80] },
  {
    image: 'docker.io/hiondal/member',
    sizeBytes: 131_072_000,
    run: 'forever',
    readyAfterSeconds: 2,
    logs: ['Started member on port 3001'],
    commands: [...BUSYBOX_TOOLS, 'curl'],
    ports: [3001],
  },
  {
    image: 'docker.io/hiondal/recommend',
    sizeBytes: 128_974_848,
    run: 'forever',
    readyAfterSeconds: 2,
    logs: ['Started recommend on port 3002'],
    commands: [...BUSYBOX_TOOLS, 'curl'],
    ports: [3002],
  },
  { image: 'registry.k8s.io/pause', tags: KNOWN_TAGS['registry.k8s.io/pause'], sizeBytes: 320_368, run: 'forever', commands: [] },
  // The control plane and add-ons of a kubeadm cluster (v1.32).
  { image: 'registry.k8s.io/etcd', tags: KNOWN_TAGS['registry.k8s.io/etcd'], sizeBytes: 57_680_541, run: 'forever', readyAfterSeconds: 1, ports: [2379, 2380, 2381], commands: ['sh', 'etcdctl', 'etcdutl'], logs: ['{"level":"info","ts":"{{iso-micro+1}}","msg":"serving client traffic securely","address":"[::]:2379"}'] },
  { image: 'registry.k8s.io/kube-apiserver', tags: KNOWN_TAGS['registry.k8s.io/kube-apiserver'], sizeBytes: 28_671_624, run: 'forever', readyAfterSeconds: 3, ports: [6443], commands: [], logs: ['I{{klog+3}}       1 secure_serving.go:213] Serving securely on [::]:6443'] },
  { image: 'registry.k8s.io/kube-controller-manager', tags: KNOWN_TAGS['registry.k8s.io/kube-controller-manager'], sizeBytes: 26_259_392, run: 'forever', readyAfterSeconds: 1, ports: [10257], commands: [], logs: ['I{{klog}}       1 controllermanager.go:189] "Starting" version="v1.32.2"'] },
  { image: 'registry.k8s.io/kube-scheduler', tags: KNOWN_TAGS['registry.k8s.io/kube-scheduler'], sizeBytes: 20_657_902, run: 'forever', readyAfterSeconds: 1, ports: [10259], commands: [], logs: ['I{{klog}}       1 server.go:166] "Starting Kubernetes Scheduler" version="v1.32.2"'] },
  { image: 'registry.k8s.io/kube-proxy', tags: KNOWN_TAGS['registry.k8s.io/kube-proxy'], sizeBytes: 30_907_858, run: 'forever', ports: [10249, 10256], commands: ['sh', 'iptables'], logs: ['I{{klog}}       1 server_linux.go:66] "Using iptables proxy"'] },
  { image: 'registry.k8s.io/coredns/coredns', tags: KNOWN_TAGS['registry.k8s.io/coredns/coredns'], sizeBytes: 18_562_039, run: 'forever', readyAfterSeconds: 1, ports: [53, 8080, 8181, 9153], commands: [], logs: ['.:53', '[INFO] plugin/reload: Running configuration SHA512 = 591cf328cccc12bc490481273e738df59329c62c0b729d94e8b61db9961c2fa5f046dd37f1cf888b953814040d180f52594972691cd6ff41be96639138a43908', 'CoreDNS-1.11.3', 'linux/amd64, go1.21.11, a6338e9'] },
];

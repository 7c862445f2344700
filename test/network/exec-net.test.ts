import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Node, Pod, Service } from '../../src/api/types/index.ts';
import type { Cluster } from '../../src/cluster/cluster.ts';
import { runNetCommand, type NetCommandContext } from '../../src/kubelet/exec-net.ts';
import { AccessLogBook } from '../../src/network/access-log.ts';
import { SeededRandom } from '../../src/sim/random.ts';
import { create, deployment, newCluster, pod, pods, service, untilReady } from './helpers.ts';

const ECHO = [{ name: 'nginx-container', image: 'amsy810/echo-nginx:v2.0' }];

/**
 * TUTORIALS §8: sample-deployment (3 echo-nginx pods) behind sample-clusterip (8080 → 80); a
 * curl pod (curlimages/curl), an nginx pod behind Service `web`, a busybox pod, and member-0 of
 * a headless Service in `ott`.
 */
function servicesCluster(): Cluster {
  const c = newCluster();
  create(c, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'ott' } });
  create(c, deployment('sample-deployment', 3, { app: 'sample-app' }, ECHO));
  create(c, service('sample-clusterip', { type: 'ClusterIP', selector: { app: 'sample-app' }, ports: [{ name: 'http-port', protocol: 'TCP', port: 8080, targetPort: 80 }] }));
  create(c, pod('curl', { containers: [{ name: 'curl', image: 'curlimages/curl', command: ['sleep', '3600'] }] }));
  create(c, pod('bb', { containers: [{ name: 'bb', image: 'busybox', command: ['sleep', '3600'] }] }));
  create(c, pod('web', { containers: [{ name: 'nginx', image: 'nginx:1.27' }] }, { app: 'web' }));
  create(c, service('web', { selector: { app: 'web' }, ports: [{ port: 80 }] }));
  create(c, service('member', { clusterIP: 'None', selector: { app: 'member' }, ports: [{ port: 80 }] }, 'ott'));
  create(c, pod('member-0', { hostname: 'member-0', subdomain: 'member', containers: ECHO }, { app: 'member' }, 'ott'));
  untilReady(c, 'sample-deployment-', 3);
  for (const n of ['curl', 'bb', 'web']) untilReady(c, n, 1);
  untilReady(c, 'member-0', 1, 'ott');
  return c;
}

const c = servicesCluster();
const get = (name: string, ns = 'default') => c.store.get<Pod>('Pod', ns, name)!;
const ipOf = (name: string, ns = 'default') => get(name, ns).status!.podIP!;
const svcIp = (name: string) => c.store.get<Service>('Service', 'default', name)!.spec.clusterIP!;
const ctx = (from: string, extra: Partial<NetCommandContext> = {}): NetCommandContext => ({ pod: get(from), store: c.store, now: c.now(), ...extra });
const run = (from: string, line: string, extra: Partial<NetCommandContext> = {}) => runNetCommand(line.split(' '), ctx(from, extra))!;
const SERVER = 'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n';

test('nslookup of a StatefulSet pod name answers with the pod IP (TUTORIALS §3)', () => {
  const r = run('curl', 'nslookup member-0.member.ott.svc.cluster.local');
  assert.deepEqual(r, { stdout: `${SERVER}Name:\tmember-0.member.ott.svc.cluster.local\nAddress: ${ipOf('member-0', 'ott')}\n\n\n`, stderr: '', exitCode: 0 });
});

test('nslookup of an outside name: non-authoritative A and AAAA answers', () => {
  const r = run('curl', 'nslookup google.com');
  assert.equal(r.stdout, `${SERVER}Non-authoritative answer:\nName:\tgoogle.com\nAddress: 142.250.196.110\n\nNon-authoritative answer:\nName:\tgoogle.com\nAddress: 2404:6800:4004:827::200e\n\n`);
  assert.equal(r.exitCode, 0);
});

test('nslookup of a short name tries every search domain, A then AAAA, and fails for the ones that do not exist', () => {
  const r = run('bb', 'nslookup sample-clusterip');
  const nx = (d: string) => `** server can't find sample-clusterip.${d}: NXDOMAIN\n\n`;
  assert.equal(
    r.stdout,
    `${SERVER}Name:\tsample-clusterip.default.svc.cluster.local\nAddress: ${svcIp('sample-clusterip')}\n\n${nx('svc.cluster.local')}${nx('cluster.local')}\n${nx('svc.cluster.local')}${nx('cluster.local')}`,
  );
  assert.equal(r.exitCode, 1);
});

test('nslookup of a name with a dot sends it as is: busybox does not search `kubernetes.default`', () => {
  const r = run('bb', 'nslookup kubernetes.default');
  assert.deepEqual(r, { stdout: `${SERVER}** server can't find kubernetes.default: NXDOMAIN\n\n** server can't find kubernetes.default: NXDOMAIN\n\n`, stderr: '', exitCode: 1 });
  assert.equal(run('bb', 'nslookup kubernetes.default.svc.cluster.local').stdout, `${SERVER}Name:\tkubernetes.default.svc.cluster.local\nAddress: 10.96.0.1\n\n\n`);
});

test('nslookup of an address asks for its PTR record; nslookup without a name shows its usage', () => {
  const ip = svcIp('sample-clusterip');
  const arpa = `${ip.split('.').reverse().join('.')}.in-addr.arpa`;
  assert.equal(run('bb', `nslookup ${ip}`).stdout, `${SERVER}${arpa}\tname = sample-clusterip.default.svc.cluster.local\n\n`);
  const usage = runNetCommand(['nslookup'], ctx('bb'))!;
  assert.equal(usage.exitCode, 1);
  assert.match(usage.stderr, /^BusyBox v1\.36\.1 .*\n\nUsage: nslookup /);
});

test('curl through a ClusterIP reaches the echo pods; requests spread over all three in turn (TUTORIALS §8)', () => {
  const names = pods(c).filter((p) => p.metadata.name.startsWith('sample-deployment-')).map((p) => p.metadata.name);
  const seen = new Map<string, number>();
  for (let i = 0; i < 30; i++) {
    const r = run('curl', 'curl -s http://sample-clusterip:8080');
    assert.equal(r.exitCode, 0);
    const m = /^Host=sample-clusterip {2}Path=\/ {2}From=(\S+) {2}ClientIP=(\S+) {2}XFF=\n$/.exec(r.stdout);
    assert.ok(m, r.stdout);
    assert.equal(m[2], ipOf('curl'));
    seen.set(m[1], (seen.get(m[1]) ?? 0) + 1);
  }
  assert.deepEqual([...seen.keys()].sort(), [...names].sort());
  assert.deepEqual([...seen.values()], [10, 10, 10]);
});

test('with the seeded random source the choice is random like iptables, and the same seed repeats it', () => {
  const picks = (seed: number) => {
    const random = new SeededRandom(seed);
    return Array.from({ length: 30 }, () => /From=(\S+)/.exec(run('curl', 'curl -s http://sample-clusterip:8080', { random }).stdout)![1]);
  };
  const a = picks(7);
  assert.deepEqual(picks(7), a);
  assert.equal(new Set(a).size, 3);
});

test('sessionAffinity ClientIP keeps a client on one pod', () => {
  create(c, service('sticky', { selector: { app: 'sample-app' }, sessionAffinity: 'ClientIP', ports: [{ port: 8080, targetPort: 80 }] }));
  const from = new Set(Array.from({ length: 10 }, () => /From=(\S+)/.exec(run('curl', 'curl -s http://sticky:8080').stdout)![1]));
  assert.equal(from.size, 1);
  c.act(() => c.api.delete('Service', 'default', 'sticky'));
});

test('curl of the nginx welcome page, its headers, a missing page; the servers log each request', () => {
  const book = new AccessLogBook();
  const page = run('curl', 'curl -s web', { onRequest: book.record });
  assert.match(page.stdout, /^<!DOCTYPE html>\n<html>\n<head>\n<title>Welcome to nginx!<\/title>/);
  assert.equal(Buffer.byteLength(page.stdout), 615);
  const head = run('curl', 'curl -sI http://web/', { onRequest: book.record });
  const date = new Date(c.now()).toUTCString();
  assert.equal(
    head.stdout,
    `HTTP/1.1 200 OK\r\nServer: nginx/1.27.3\r\nDate: ${date}\r\nContent-Type: text/html\r\nContent-Length: 615\r\nLast-Modified: Tue, 26 Nov 2024 15:55:00 GMT\r\nConnection: keep-alive\r\nETag: "6745ef54-267"\r\nAccept-Ranges: bytes\r\n\r\n`,
  );
  const missing = run('curl', 'curl -s http://web/nothing', { onRequest: book.record });
  assert.equal(missing.stdout, '<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx/1.27.3</center>\r\n</body>\r\n</html>\r\n');
  assert.deepEqual(run('curl', 'curl -sf http://web/nothing'), { stdout: '', stderr: '', exitCode: 22 });
  assert.equal(run('curl', 'curl -sSf http://web/nothing').stderr, 'curl: (22) The requested URL returned error: 404\n');
  const w = get('web');
  const t = /^\w+, (\d+) (\w+) (\d+) (\S+) GMT$/.exec(date)!;
  const stamp = `${t[1]}/${t[2]}/${t[3]}:${t[4]} +0000`;
  assert.deepEqual(book.linesFor(w.metadata.uid!, 'nginx'), [
    `${ipOf('curl')} - - [${stamp}] "GET / HTTP/1.1" 200 615 "-" "curl/8.11.1" "-"`,
    `${ipOf('curl')} - - [${stamp}] "HEAD / HTTP/1.1" 200 0 "-" "curl/8.11.1" "-"`,
    `${ipOf('curl')} - - [${stamp}] "GET /nothing HTTP/1.1" 404 153 "-" "curl/8.11.1" "-"`,
  ]);
});

test('curl errors and exit codes: unknown host 6, no endpoints 7, a port the Service lacks 28', () => {
  assert.deepEqual(run('curl', 'curl -s http://nothere'), { stdout: '', stderr: '', exitCode: 6 });
  assert.deepEqual(run('curl', 'curl -sS http://nothere'), { stdout: '', stderr: 'curl: (6) Could not resolve host: nothere\n', exitCode: 6 });
  create(c, service('nobody', { selector: { app: 'nobody' }, ports: [{ port: 80 }] }));
  assert.deepEqual(run('curl', 'curl -sS http://nobody'), { stdout: '', stderr: 'curl: (7) Failed to connect to nobody port 80 after 0 ms: Could not connect to server\n', exitCode: 7 });
  // Debian's curl 7.88 (in the nginx image) words it as the kernel does.
  assert.equal(run('web', 'curl -sS http://nobody').stderr, 'curl: (7) Failed to connect to nobody port 80 after 0 ms: Connection refused\n');
  assert.deepEqual(run('curl', 'curl -sS -m 3 http://sample-clusterip:9999'), { stdout: '', stderr: 'curl: (28) Connection timed out after 3001 milliseconds\n', exitCode: 28 });
  assert.equal(run('curl', 'curl -sS http://sample-clusterip:9999').stderr, 'curl: (28) Failed to connect to sample-clusterip port 9999 after 127003 ms: Could not connect to server\n');
  // The pod's server listens on 80 only.
  assert.equal(run('curl', `curl -sS http://${ipOf('web')}:8080`).exitCode, 7);
  c.act(() => c.api.delete('Service', 'default', 'nobody'));
});

test('a Service without a selector sends traffic where its hand-written Endpoints point', () => {
  create(c, service('by-hand', { ports: [{ port: 8080, targetPort: 80 }] }));
  create(c, { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'by-hand', namespace: 'default' }, subsets: [{ addresses: [{ ip: ipOf('web') }], ports: [{ port: 80 }] }] } as never);
  assert.equal(Buffer.byteLength(run('curl', 'curl -s http://by-hand:8080').stdout), 615);
  c.act(() => c.api.delete('Service', 'default', 'by-hand'));
});

test('a named targetPort reaches pods serving on different ports: echo-nginx listens on $NGINX_PORT (TUTORIALS §8)', () => {
  const named = (port: number, env: { name: string; value: string }[]) => [{ name: 'nginx-container', image: 'amsy810/echo-nginx:v2.0', env, ports: [{ name: 'http', containerPort: port }] }];
  create(c, pod('named-80', { containers: named(80, []) }, { app: 'named' }));
  create(c, pod('named-8080', { containers: named(8080, [{ name: 'NGINX_PORT', value: '8080' }]) }, { app: 'named' }));
  create(c, service('named', { selector: { app: 'named' }, ports: [{ name: 'http-port', port: 8080, targetPort: 'http' }] }));
  untilReady(c, 'named-', 2);
  const seen = new Set<string>();
  for (let i = 0; i < 10; i++) {
    const r = run('curl', 'curl -s http://named:8080');
    assert.equal(r.exitCode, 0, r.stderr);
    seen.add(/From=(\S+)/.exec(r.stdout)![1]);
  }
  assert.deepEqual([...seen].sort(), ['named-80', 'named-8080']);
  assert.equal(run('curl', `curl -s http://${ipOf('named-8080')}:80`).exitCode, 7);
  c.act(() => {
    c.api.delete('Service', 'default', 'named');
    for (const n of ['named-80', 'named-8080']) c.api.delete('Pod', 'default', n, { gracePeriodSeconds: 0 });
  });
});

test("a Service's externalIPs take its ports at that address, a node's included (TUTORIALS §8)", () => {
  const nodeIp = c.store.get<Node>('Node', '', 'worker1')!.status!.addresses!.find((a) => a.type === 'InternalIP')!.address;
  create(c, service('sample-externalip', { externalIPs: [nodeIp], selector: { app: 'sample-app' }, ports: [{ name: 'http-port', port: 8080, targetPort: 80 }] }));
  const r = run('curl', `curl -s http://${nodeIp}:8080`);
  assert.equal(r.exitCode, 0, r.stderr);
  assert.match(r.stdout, new RegExp(`^Host=${nodeIp.replace(/\./g, '\\.')}  Path=/  From=sample-deployment-\\S+  ClientIP=`));
  assert.equal(run('curl', `curl -s http://${nodeIp}:8081`).exitCode, 7);
  c.act(() => c.api.delete('Service', 'default', 'sample-externalip'));
});

test('curl without -s draws the progress meter on stderr unless a TTY shows the output', () => {
  const r = run('curl', 'curl http://sample-clusterip:8080');
  assert.equal(r.exitCode, 0);
  assert.equal(
    r.stderr,
    '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n                                 Dload  Upload   Total   Spent    Left  Speed\n' +
      `100    98  100    98    0     0  98000      0 --:--:-- --:--:-- --:--:-- 98000\n`,
  );
  assert.equal(run('curl', 'curl http://sample-clusterip:8080', { tty: true }).stderr, '');
  const failed = run('curl', 'curl http://nothere');
  assert.match(failed.stderr, /Speed\n {2}0 {5}0 {4}0 {5}0 {4}0 {5}0 {6}0 {6}0 --:--:-- --:--:-- --:--:-- {5}0\ncurl: \(6\) Could not resolve host: nothere\n$/);
});

test('curl -o /dev/null -w prints the status code; -L follows a redirect', () => {
  assert.deepEqual(run('curl', 'curl -s -o /dev/null -w %{http_code} http://web/'), { stdout: '200', stderr: '', exitCode: 0 });
  assert.match(run('curl', 'curl -s http://google.com').stdout, /<TITLE>301 Moved<\/TITLE>/);
  assert.match(run('curl', 'curl -sIL http://google.com').stdout, /^HTTP\/1\.1 301 Moved Permanently\r\nLocation: http:\/\/www\.google\.com\/\r\n[\s\S]*\r\n\r\nHTTP\/1\.1 /);
});

test('curl to the API server: the certificate is not trusted without -k; anonymous is forbidden', () => {
  const r = run('curl', 'curl -sS https://kubernetes');
  assert.equal(r.exitCode, 60);
  assert.match(r.stderr, /^curl: \(60\) SSL certificate problem: unable to get local issuer certificate\n/);
  const k = run('curl', 'curl -sk https://kubernetes.default.svc/api');
  assert.equal(k.exitCode, 0);
  assert.equal(JSON.parse(k.stdout).message, 'forbidden: User "system:anonymous" cannot get path "/api"');
  // https to a plain-HTTP server fails the TLS handshake; to a port nothing forwards, it times out.
  assert.deepEqual(run('curl', 'curl -sS https://web:80'), { stdout: '', stderr: 'curl: (35) TLS connect error: error:0A00010B:SSL routines::wrong version number\n', exitCode: 35 });
  assert.equal(run('curl', 'curl -sS -m 2 https://web').exitCode, 28);
});

test('wget -qO- prints the body; without -q it tells what it does; its errors', () => {
  assert.match(run('bb', 'wget -qO- http://sample-clusterip:8080').stdout, /^Host=sample-clusterip {2}Path=\/ {2}From=sample-deployment-/);
  const loud = run('bb', 'wget -O- http://sample-clusterip:8080');
  assert.equal(loud.stderr, `Connecting to sample-clusterip:8080 (${svcIp('sample-clusterip')}:8080)\nwriting to stdout\n-                    100% |********************************|    98  0:00:00 ETA\nwritten to stdout\n`);
  assert.deepEqual(run('bb', 'wget -qO- http://nothere'), { stdout: '', stderr: "wget: bad address 'nothere'\n", exitCode: 1 });
  assert.equal(run('bb', `wget -qO- http://${ipOf('web')}:81`).stderr, `wget: can't connect to remote host (${ipOf('web')}): Connection refused\n`);
  assert.equal(run('bb', 'wget -qO- http://web/x').stderr, 'wget: server returned error: HTTP/1.1 404 Not Found\n');
});

test('ping: pods answer (one hop less across nodes), a ClusterIP does not', () => {
  const target = get('member-0', 'ott');
  const r = run('bb', `ping -c 2 ${ipOf('member-0', 'ott')}`);
  const ttl = target.spec.nodeName === get('bb').spec.nodeName ? 64 : 63;
  assert.match(r.stdout, new RegExp(`^PING ${ipOf('member-0', 'ott')} \\(${ipOf('member-0', 'ott')}\\): 56 data bytes\n64 bytes from \\S+: seq=0 ttl=${ttl} time=\\d+\\.\\d{3} ms\n64 bytes from \\S+: seq=1 ttl=${ttl} time=\\d+\\.\\d{3} ms\n\n--- \\S+ ping statistics ---\n2 packets transmitted, 2 packets received, 0% packet loss\nround-trip min/avg/max = [\\d.]+/[\\d.]+/[\\d.]+ ms\n$`));
  assert.equal(r.exitCode, 0);
  const svc = run('bb', 'ping -c 3 sample-clusterip');
  assert.equal(svc.stdout, `PING sample-clusterip (${svcIp('sample-clusterip')}): 56 data bytes\n\n--- sample-clusterip ping statistics ---\n3 packets transmitted, 0 packets received, 100% packet loss\n`);
  assert.equal(svc.exitCode, 1);
  assert.deepEqual(run('bb', 'ping nothere'), { stdout: '', stderr: "ping: bad address 'nothere'\n", exitCode: 1 });
});

test('getent hosts resolves with the search path; other databases are not network commands', () => {
  assert.deepEqual(run('web', 'getent hosts kubernetes'), { stdout: '10.96.0.1       kubernetes.default.svc.cluster.local\n', stderr: '', exitCode: 0 });
  assert.deepEqual(run('web', 'getent hosts nothere'), { stdout: '', stderr: '', exitCode: 2 });
  assert.equal(runNetCommand(['getent', 'passwd'], ctx('web')), undefined);
  assert.equal(runNetCommand(['hostname'], ctx('web')), undefined);
  assert.equal(runNetCommand([], ctx('web')), undefined);
});

test('containers of one pod talk over localhost: gihyodocker/nginx proxies to the echo container (TUTORIALS §7)', () => {
  const c2 = newCluster();
  create(c2, pod('simple-echo', {
    containers: [
      { name: 'nginx', image: 'gihyodocker/nginx:latest', env: [{ name: 'BACKEND_HOST', value: 'localhost:8080' }], ports: [{ containerPort: 80 }] },
      { name: 'echo', image: 'gihyodocker/echo:latest', ports: [{ containerPort: 8080 }] },
    ],
  }));
  untilReady(c2, 'simple-echo', 1);
  const p = c2.store.get<Pod>('Pod', 'default', 'simple-echo')!;
  const book = new AccessLogBook();
  const x = (line: string) => runNetCommand(line.split(' '), { pod: p, store: c2.store, now: c2.now(), container: 'nginx', onRequest: book.record })!;
  assert.deepEqual(x('curl -s localhost:8080'), { stdout: 'Hello Docker!!', stderr: '', exitCode: 0 });
  assert.deepEqual(x('curl -s http://localhost/'), { stdout: 'Hello Docker!!', stderr: '', exitCode: 0 });
  const uid = p.metadata.uid!;
  assert.equal(book.linesFor(uid, 'echo').length, 2);
  assert.match(book.linesFor(uid, 'echo')[0], /^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d received request$/);
  assert.match(book.linesFor(uid, 'nginx')[0], /^127\.0\.0\.1 - - \[.*\] "GET \/ HTTP\/1\.1" 200 14 "-" "curl\/7\.88\.1" "-"$/);
});

test('after the Deployment is deleted the Service refuses connections; re-applied, it answers from the new pods', () => {
  const c3 = newCluster();
  create(c3, service('sample-clusterip', { selector: { app: 'sample-app' }, ports: [{ name: 'http-port', port: 8080, targetPort: 80 }] }));
  create(c3, deployment('sample-deployment', 3, { app: 'sample-app' }, ECHO));
  create(c3, pod('curl', { containers: [{ name: 'curl', image: 'curlimages/curl', command: ['sleep', '3600'] }] }));
  untilReady(c3, 'sample-deployment-', 3);
  untilReady(c3, 'curl', 1);
  const x = () => runNetCommand(['curl', '-sS', 'http://sample-clusterip:8080'], { pod: c3.store.get<Pod>('Pod', 'default', 'curl')!, store: c3.store, now: c3.now() })!;
  assert.equal(x().exitCode, 0);
  c3.act(() => c3.api.delete('Deployment', 'default', 'sample-deployment'));
  assert.ok(c3.advanceUntil(() => pods(c3).length === 1, 120_000));
  assert.deepEqual(x(), { stdout: '', stderr: 'curl: (7) Failed to connect to sample-clusterip port 8080 after 0 ms: Could not connect to server\n', exitCode: 7 });
  create(c3, deployment('sample-deployment', 3, { app: 'sample-app' }, ECHO));
  untilReady(c3, 'sample-deployment-', 3);
  const from = /From=(\S+)/.exec(x().stdout)![1];
  assert.ok(pods(c3).some((p) => p.metadata.name === from));
});

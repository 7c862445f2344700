/**
 * The image catalog says what an image listens on, including the environment variable that moves
 * it (ImageEntry.portEnv): routing and probes both read it from there, so an image a scenario adds
 * with its own portEnv behaves as echo-nginx does with NGINX_PORT.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ImageCatalog } from '../../src/kubelet/images.ts';
import { BUILTIN_IMAGES } from '../../src/kubelet/catalog-builtin.ts';
import { listeningPorts } from '../../src/network/routing.ts';
import type { KubeEvent, Pod } from '../../src/api/types/index.ts';
import { create, newCluster, pod, untilReady } from './helpers.ts';

const APP = { image: 'example/app', run: 'forever' as const, ports: [3000], portEnv: 'APP_PORT', pullSeconds: 1 };

test('listeningPorts: the portEnv variable when the container sets it to a number, else the image ports', () => {
  const catalog = new ImageCatalog([APP], BUILTIN_IMAGES);
  assert.deepEqual(listeningPorts(catalog, { name: 'a', image: 'example/app:1', env: [{ name: 'APP_PORT', value: '4000' }] }), [4000]);
  assert.deepEqual(listeningPorts(catalog, { name: 'a', image: 'example/app:1' }), [3000]);
  assert.deepEqual(listeningPorts(catalog, { name: 'a', image: 'example/app:1', env: [{ name: 'APP_PORT', value: '$(OTHER)' }] }), [3000]);
  // Another image does not read APP_PORT; echo-nginx reads NGINX_PORT from its built-in entry.
  assert.deepEqual(listeningPorts(catalog, { name: 'a', image: 'nginx:1.27', env: [{ name: 'APP_PORT', value: '4000' }] }), [80]);
  assert.deepEqual(listeningPorts(catalog, { name: 'a', image: 'amsy810/echo-nginx:v2.0', env: [{ name: 'NGINX_PORT', value: '8080' }] }), [8080]);
});

test('a scenario entry extending echo-nginx keeps its portEnv; one may set another', () => {
  const kept = new ImageCatalog([{ image: 'amsy810/echo-nginx', readyAfterSeconds: 3 }], BUILTIN_IMAGES);
  assert.deepEqual(listeningPorts(kept, { name: 'a', image: 'amsy810/echo-nginx', env: [{ name: 'NGINX_PORT', value: '8081' }] }), [8081]);
  const moved = new ImageCatalog([{ image: 'amsy810/echo-nginx', portEnv: 'LISTEN' }], BUILTIN_IMAGES);
  assert.deepEqual(listeningPorts(moved, { name: 'a', image: 'amsy810/echo-nginx', env: [{ name: 'NGINX_PORT', value: '8081' }] }), [80]);
  assert.deepEqual(listeningPorts(moved, { name: 'a', image: 'amsy810/echo-nginx', env: [{ name: 'LISTEN', value: '9000' }] }), [9000]);
});

test('an added image with portEnv: curl reaches the port its env sets, and probes follow it', () => {
  const c = newCluster({ images: [APP, { image: 'curlimages/curl' }] });
  const env = [{ name: 'APP_PORT', value: '4000' }];
  create(c, pod('app', { containers: [{ name: 'app', image: 'example/app:1', env, readinessProbe: { tcpSocket: { port: 4000 }, periodSeconds: 5 } }] }));
  create(c, pod('wrong', { containers: [{ name: 'app', image: 'example/app:1', env, readinessProbe: { tcpSocket: { port: 3000 }, periodSeconds: 5 } }] }));
  create(c, pod('client', { containers: [{ name: 'c', image: 'curlimages/curl', command: ['sleep', '3600'] }] }));
  untilReady(c, 'app', 1);
  untilReady(c, 'client', 1);
  c.advanceBy(20_000);
  const ip = c.store.get<Pod>('Pod', 'default', 'app')!.status!.podIP!;
  const client = c.store.get<Pod>('Pod', 'default', 'client')!;
  const ok = c.components.kubelet.exec(client, 'c', ['curl', '-s', '-o', '/dev/null', '-w', '%{http_code}', `http://${ip}:4000/`]);
  assert.equal(ok.exitCode, 0, ok.stderr);
  const refused = c.components.kubelet.exec(client, 'c', ['curl', '-sS', `http://${ip}:3000/`]);
  assert.equal(refused.exitCode, 7);
  const wrong = c.store.get<Pod>('Pod', 'default', 'wrong')!;
  assert.equal(wrong.status?.containerStatuses?.[0]?.ready, false);
  const unhealthy = c.store.list<KubeEvent>('Event', { namespace: 'default' }).filter((e) => e.reason === 'Unhealthy' && e.involvedObject.name === 'wrong');
  assert.match(unhealthy[0]?.message ?? '', new RegExp(`dial tcp ${wrong.status!.podIP!.replace(/\./g, '\\.')}:3000: connect: connection refused`));
});

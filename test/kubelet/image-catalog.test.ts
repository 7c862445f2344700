/**
 * Scenario `images:` entries over the built-in catalog: an entry for an image the catalog knows
 * extends the built-in one (what it says wins; tags, logs, ports, commands it does not mention are
 * kept); a tagged entry makes its tag exist; an entry for an unknown image is taken as it is.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BUILTIN_IMAGES } from '../../src/kubelet/catalog-builtin.ts';
import { ImageCatalog } from '../../src/kubelet/images.ts';
import { Cluster } from '../../src/cluster/cluster.ts';
import { KubectlSession } from '../../src/kubectl/session.ts';
import type { Pod } from '../../src/api/types/index.ts';

const builtinNginx = BUILTIN_IMAGES.find((e) => e.image === 'nginx')!;

test('a scenario entry for nginx keeps the built-in tags, logs, ports and commands', () => {
  const catalog = new ImageCatalog([{ image: 'docker.io/library/nginx', run: { seconds: 5, exitCode: 3 }, pullSeconds: 1 }], BUILTIN_IMAGES);
  const e = catalog.lookup('nginx:1.25')!;
  assert.deepEqual(e.run, { seconds: 5, exitCode: 3 });
  assert.equal(e.pullSeconds, 1);
  assert.deepEqual(e.ports, builtinNginx.ports);
  assert.deepEqual(e.logs, builtinNginx.logs);
  assert.deepEqual(e.commands, builtinNginx.commands);
  assert.equal(catalog.missing('nginx:1.25'), undefined);
  assert.equal(catalog.missing('nginx:1.161'), 'tag', 'the built-in tag list still applies');
  assert.deepEqual(catalog.lookup('nginx')!.run, { seconds: 5, exitCode: 3 });
  assert.equal(builtinNginx.run, 'forever', 'the built-in entry itself is untouched');
});

test('what the scenario says wins, lists included; undefined fields do not erase', () => {
  const catalog = new ImageCatalog([{ image: 'nginx', logs: ['hello'], ports: [8080], tags: ['mine'], commands: undefined }], BUILTIN_IMAGES);
  const e = catalog.lookup('nginx:mine')!;
  assert.deepEqual(e.logs, ['hello']);
  assert.deepEqual(e.ports, [8080]);
  assert.deepEqual(e.commands, builtinNginx.commands);
  assert.equal(catalog.missing('nginx:mine'), undefined);
  assert.equal(catalog.missing('nginx:1.25'), 'tag');
});

test('a tagged entry extends the repository entry for that tag only, and its tag exists', () => {
  const catalog = new ImageCatalog([{ image: 'nginx:9.9-custom', readyAfterSeconds: 7 }], BUILTIN_IMAGES);
  const tagged = catalog.lookup('nginx:9.9-custom')!;
  assert.equal(tagged.readyAfterSeconds, 7);
  assert.deepEqual(tagged.ports, builtinNginx.ports);
  assert.equal(catalog.missing('nginx:9.9-custom'), undefined);
  assert.equal(catalog.lookup('nginx:1.25')!.readyAfterSeconds, builtinNginx.readyAfterSeconds);
  assert.equal(catalog.missing('nginx:9.8'), 'tag');
});

test('an entry for an image the catalog does not know is taken as it is', () => {
  const catalog = new ImageCatalog([{ image: 'example.com/team/app', run: 'forever' }], BUILTIN_IMAGES);
  assert.deepEqual(catalog.lookup('example.com/team/app:v1'), { image: 'example.com/team/app', run: 'forever' });
});

test('in a cluster: nginx described by a scenario as exiting after 5 s still logs what nginx logs', () => {
  const c = new Cluster({ images: [{ image: 'nginx', run: { seconds: 5, exitCode: 0 } }] });
  c.act(() => c.api.create<Pod>({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'default' }, spec: { restartPolicy: 'Never', containers: [{ name: 'web', image: 'nginx:1.25' }] } }));
  c.advanceBy(60_000);
  const pod = c.store.get<Pod>('Pod', 'default', 'web')!;
  assert.equal(pod.status?.phase, 'Succeeded');
  const logs = new KubectlSession(c).run('logs web');
  assert.match(logs.stdout, /Configuration complete; ready for start up\n$/);
});

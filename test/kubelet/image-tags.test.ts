/**
 * Image tags: a built-in repository has only its known tags, so a tag it lacks fails to pull as a
 * registry 404 does (the Kubernetes docs' stuck rollout with nginx:1.161), then backs off; entries
 * without a tag list (scenario images, the tutorials' own images) accept every tag; and every
 * image the scenarios and tutorials use exists.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import { Cluster } from '../../src/cluster/cluster.ts';
import { BUILTIN_IMAGES } from '../../src/kubelet/catalog-builtin.ts';
import { releases, variants } from '../../src/kubelet/catalog-tags.ts';
import { ImageCatalog, type ImageEntry } from '../../src/kubelet/images.ts';
import type { Pod } from '../../src/api/types/index.ts';

const catalog = new ImageCatalog([], BUILTIN_IMAGES);

test('tag lists: release lines and variants', () => {
  assert.deepEqual(releases('1.16', 1), ['1.16', '1.16.0', '1.16.1']);
  assert.deepEqual(variants(['1.16', 'latest'], ['', '-alpine']), ['1.16', '1.16-alpine', 'latest', 'latest-alpine']);
});

test('the catalog knows which tags exist', () => {
  for (const image of ['nginx', 'nginx:latest', 'nginx:1.14.2', 'nginx:1.16.1', 'nginx:1.27', 'nginx:1.25.3-alpine', 'docker.io/library/nginx:1.27', 'busybox:1.28', 'busybox:1.36', 'perl:5.34.0', 'registry.k8s.io/etcd:3.5.16-0', 'registry.k8s.io/kube-proxy:v1.32.2', 'registry.k8s.io/pause:3.10']) {
    assert.equal(catalog.missing(image), undefined, image);
  }
  assert.equal(catalog.missing('nginx:1.161'), 'tag');
  assert.equal(catalog.missing('nginx:doesnotexist'), 'tag');
  assert.equal(catalog.missing('busybox:1.99'), 'tag');
  assert.equal(catalog.missing('registry.k8s.io/kube-proxy'), 'tag', 'Kubernetes images have no latest tag');
  assert.equal(catalog.missing('nginx@sha256:0123456789abcdef'), undefined, 'a digest resolves');
  assert.equal(catalog.missing('docker.io/hiondal/member:anything'), undefined, 'no tag list: every tag');
  assert.equal(catalog.missing('example.com/no/such:1.0'), 'repository');
  // A scenario's untagged entry describes every tag the repository has; it does not invent tags
  // (nginx:1.161 still fails), but one naming its tag makes that tag exist.
  const scenario = new ImageCatalog([{ image: 'nginx', run: 'forever' }, { image: 'nginx:v2-custom', run: 'forever' }], BUILTIN_IMAGES);
  assert.equal(scenario.missing('nginx:1.27'), undefined);
  assert.equal(scenario.missing('nginx:1.161'), 'tag', 'a scenario entry without a tag keeps the tag list');
  assert.equal(scenario.missing('nginx:v2-custom'), undefined, 'a tagged scenario entry makes its tag exist');
});

test('nginx:1.161 fails as a registry 404: Failed with NotFound, ErrImagePull, then ImagePullBackOff', () => {
  const c = new Cluster();
  c.act(() => c.api.create<Pod>({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'default' }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.161' }] } }));
  const waitingOf = () => c.store.get<Pod>('Pod', 'default', 'web')!.status?.containerStatuses?.[0]?.state.waiting;
  assert.ok(c.advanceUntil(() => waitingOf()?.reason === 'ErrImagePull', 10_000));
  const ref = 'docker.io/library/nginx:1.161';
  const error = `rpc error: code = NotFound desc = failed to pull and unpack image "${ref}": failed to resolve reference "${ref}": ${ref}: not found`;
  assert.deepEqual(waitingOf(), { reason: 'ErrImagePull', message: error });
  c.advanceBy(5_000);
  assert.equal(waitingOf()?.reason, 'ImagePullBackOff');
  assert.equal(c.store.get<Pod>('Pod', 'default', 'web')!.status!.phase, 'Pending');
  const events = (c.store.list('Event', { namespace: 'default' }) as unknown as { reason: string; message: string; type: string }[]).map((e) => `${e.type} ${e.reason}: ${e.message}`);
  assert.deepEqual(events.slice(events.findIndex((e) => e.includes('Pulling'))), [
    'Normal Pulling: Pulling image "nginx:1.161"',
    `Warning Failed: Failed to pull image "nginx:1.161": ${error}`,
    'Warning Failed: Error: ErrImagePull',
    'Normal BackOff: Back-off pulling image "nginx:1.161"',
    'Warning Failed: Error: ImagePullBackOff',
  ]);
});

test('a private repository without credentials is refused before its tags are looked at', () => {
  const entry: ImageEntry = { image: 'docker.io/acme/app', private: true, credentials: { server: 'docker.io', username: 'u', password: 'p' }, tags: ['1.0'] };
  const c = new Cluster({ images: [entry] });
  c.act(() => c.api.create<Pod>({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'app', namespace: 'default' }, spec: { containers: [{ name: 'app', image: 'acme/app:2.0' }] } }));
  const waitingOf = () => c.store.get<Pod>('Pod', 'default', 'app')!.status?.containerStatuses?.[0]?.state.waiting;
  assert.ok(c.advanceUntil(() => waitingOf()?.reason === 'ErrImagePull', 10_000));
  assert.match(waitingOf()!.message!, /^failed to pull and unpack image "docker.io\/acme\/app:2.0": .*pull access denied, repository does not exist or may require authorization/);
});

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

/** Image references in a manifest, scenario or tutorial text: `image: X`, `--image X`, `set image ... c=X`. */
function imageRefs(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/\bimage:\s*["']?([A-Za-z0-9][\w./:@-]*)/g)) out.push(m[1]);
  for (const m of text.matchAll(/--image[= ]["']?([A-Za-z0-9][\w./:@-]*)/g)) out.push(m[1]);
  for (const m of text.matchAll(/set image \S+((?: [\w*-]+=[\w./:@-]+)+)/g)) for (const kv of m[1].trim().split(' ')) out.push(kv.split('=')[1]);
  return out.filter((i) => !/^(IMAGE|NAME)/.test(i));
}

test('every image tag the scenarios, their manifests and the tutorials use exists', () => {
  const root = join(import.meta.dirname, '../..');
  const checked = new Set<string>();
  for (const file of [...files(join(root, 'scenarios')), join(root, '../shared/TUTORIALS.md')].filter((f) => /\.(ya?ml|md)$/.test(f))) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    // A scenario's own images join the catalog, as the player adds them.
    const scenario = file.endsWith('.yaml') && !file.includes('/manifests/');
    const own = scenario ? ((parse(text) as { cluster?: { images?: ImageEntry[] } } | null)?.cluster?.images ?? []) : [];
    const cat = own.length ? new ImageCatalog(own, BUILTIN_IMAGES) : catalog;
    for (const image of imageRefs(text)) {
      assert.notEqual(cat.missing(image), 'tag', `${image} in ${file}`);
      checked.add(image);
    }
  }
  for (const image of ['nginx:1.16', 'nginx:1.17', 'nginx:1.27', 'busybox:1.28', 'busybox:1.36', 'curlimages/curl']) assert.ok(checked.has(image), `${image} was found and checked`);
});

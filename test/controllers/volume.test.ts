import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Cluster } from '../../src/cluster/cluster.ts';
import type { Node, PersistentVolume, PersistentVolumeClaim, Pod, StorageClass } from '../../src/api/types/index.ts';
import { findBestMatch } from '../../src/controllers/volume/matching.ts';
import { claim, events, NS, podUsing } from './statefulset-fixtures.ts';

const pvc = (c: Cluster, name: string) => c.store.get<PersistentVolumeClaim>('PersistentVolumeClaim', NS, name);
const pv = (c: Cluster, name: string) => c.store.get<PersistentVolume>('PersistentVolume', '', name);
const claimEvents = (c: Cluster, name: string) => events(c, 'PersistentVolumeClaim', name).map((e) => `${e.type} ${e.reason}: ${e.message}`);
const EXTERNAL = "Normal ExternalProvisioning: Waiting for a volume to be created either by the external provisioner 'rancher.io/local-path' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.";

function staticVolume(name: string, spec: Partial<PersistentVolume['spec']> = {}): PersistentVolume {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: { name },
    spec: { capacity: { storage: '100Mi' }, accessModes: ['ReadWriteOnce'], persistentVolumeReclaimPolicy: 'Retain', hostPath: { path: `/srv/${name}` }, ...spec },
  } as PersistentVolume;
}

function storageClass(name: string, mode: 'Immediate' | 'WaitForFirstConsumer', provisioner = 'rancher.io/local-path', reclaimPolicy: 'Delete' | 'Retain' = 'Delete'): StorageClass {
  return { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name }, provisioner, reclaimPolicy, volumeBindingMode: mode } as StorageClass;
}

test('WaitForFirstConsumer: Pending until a pod uses the claim, then a local-path volume 3 s later, on the pod\'s node', () => {
  const c = new Cluster();
  c.act(() => c.api.create(claim('notes')));
  assert.equal(pvc(c, 'notes')!.status?.phase, 'Pending');
  assert.deepEqual(pvc(c, 'notes')!.metadata.finalizers, ['kubernetes.io/pvc-protection']);
  c.advanceBy(20_000);
  assert.equal(pvc(c, 'notes')!.status?.phase, 'Pending');
  assert.deepEqual(events(c, 'PersistentVolumeClaim', 'notes').map((e) => [e.reason, e.message, e.count]), [['WaitForFirstConsumer', 'waiting for first consumer to be created before binding', 2]], 'repeated by the 15 s resync');
  c.act(() => c.api.create(podUsing('writer', 'notes')));
  const t0 = c.now();
  const selected = pvc(c, 'notes')!.metadata.annotations?.['volume.kubernetes.io/selected-node'];
  assert.ok(selected === 'worker1' || selected === 'worker2');
  assert.ok(c.advanceUntil(() => pvc(c, 'notes')!.status?.phase === 'Bound', 30_000));
  assert.equal(c.now() - t0, 3_000);
  const claimObj = pvc(c, 'notes')!;
  const volume = pv(c, claimObj.spec.volumeName!)!;
  assert.equal(volume.metadata.name, `pvc-${claimObj.metadata.uid}`);
  assert.deepEqual(claimObj.metadata.annotations, {
    'volume.kubernetes.io/selected-node': selected,
    'volume.beta.kubernetes.io/storage-provisioner': 'rancher.io/local-path',
    'volume.kubernetes.io/storage-provisioner': 'rancher.io/local-path',
    'pv.kubernetes.io/bound-by-controller': 'yes',
    'pv.kubernetes.io/bind-completed': 'yes',
  });
  assert.deepEqual(claimObj.status, { phase: 'Bound', accessModes: ['ReadWriteOnce'], capacity: { storage: '10Mi' } });
  assert.deepEqual(volume.metadata.annotations, { 'pv.kubernetes.io/provisioned-by': 'rancher.io/local-path' });
  assert.deepEqual(volume.metadata.finalizers, ['kubernetes.io/pv-protection']);
  assert.deepEqual(volume.spec, {
    accessModes: ['ReadWriteOnce'],
    capacity: { storage: '10Mi' },
    claimRef: { apiVersion: 'v1', kind: 'PersistentVolumeClaim', name: 'notes', namespace: NS, resourceVersion: volume.spec.claimRef!.resourceVersion, uid: claimObj.metadata.uid },
    hostPath: { path: `/var/local-path-provisioner/${volume.metadata.name}_default_notes`, type: 'DirectoryOrCreate' },
    nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [selected] }] }] } },
    persistentVolumeReclaimPolicy: 'Delete',
    storageClassName: 'standard',
    volumeMode: 'Filesystem',
  });
  assert.equal(volume.status?.phase, 'Bound');
  assert.deepEqual(claimEvents(c, 'notes').slice(1), [
    EXTERNAL,
    'Normal Provisioning: External provisioner is provisioning volume for claim "default/notes"',
    `Normal ProvisioningSucceeded: Successfully provisioned volume ${volume.metadata.name}`,
  ]);
  const source = events(c, 'PersistentVolumeClaim', 'notes').find((e) => e.reason === 'Provisioning') as unknown as { source: { component: string } };
  assert.match(source.source.component, /^rancher\.io\/local-path_local-path-provisioner-[4-9bcdf]{10}-[a-z2-9]{5}_[0-9a-f-]{36}$/);
  assert.ok(c.advanceUntil(() => c.store.get<Pod>('Pod', NS, 'writer')!.spec.nodeName === selected, 10_000), 'the pod runs where its volume is');
});

test('an unscheduled consumer turns the resync event into WaitForPodScheduled', () => {
  const c = new Cluster();
  c.act(() => c.api.create(claim('notes')));
  c.act(() => c.api.create(podUsing('writer', 'notes', { nodeSelector: { disk: 'none' } })));
  c.advanceBy(15_000);
  assert.ok(claimEvents(c, 'notes').includes('Normal WaitForPodScheduled: waiting for pod writer to be scheduled'));
});

test('local-path refuses what it cannot make: Immediate (no node), RWX, Block; the claim stays Pending and is retried', () => {
  const c = new Cluster();
  c.act(() => c.api.create(storageClass('local-immediate', 'Immediate')));
  c.act(() => c.api.create(claim('imm', { storageClassName: 'local-immediate' })));
  assert.deepEqual(claimEvents(c, 'imm'), [
    EXTERNAL,
    'Normal Provisioning: External provisioner is provisioning volume for claim "default/imm"',
    'Warning ProvisioningFailed: failed to provision volume with StorageClass "local-immediate": configuration error, no node was specified',
  ]);
  c.advanceBy(15_000);
  assert.equal(events(c, 'PersistentVolumeClaim', 'imm').find((e) => e.reason === 'ProvisioningFailed')!.count, 2, 'retried after 15 s');
  assert.equal(pvc(c, 'imm')!.status?.phase, 'Pending');

  c.act(() => c.api.create(claim('shared', { accessModes: ['ReadWriteMany'] })));
  c.act(() => c.api.create(podUsing('use-rwx', 'shared')));
  assert.ok(claimEvents(c, 'shared').includes('Warning ProvisioningFailed: failed to provision volume with StorageClass "standard": NodePath only supports ReadWriteOnce and ReadWriteOncePod (1.22+) access modes'));
  c.act(() => c.api.create(claim('blk', { volumeMode: 'Block' })));
  c.act(() => c.api.create(podUsing('use-blk', 'blk')));
  assert.ok(claimEvents(c, 'blk').includes('Warning ProvisioningFailed: rancher.io/local-path does not support block volume provisioning'));
  assert.ok(!claimEvents(c, 'blk').some((e) => e.includes(' Provisioning:')), 'refused before provisioning starts');
});

test('Immediate binding takes a matching existing volume at once, without a pod; no class matches classless volumes', () => {
  const c = new Cluster();
  c.act(() => c.api.create(storageClass('fast', 'Immediate', 'example.com/none')));
  c.act(() => c.api.create(staticVolume('pv-fast', { storageClassName: 'fast', capacity: { storage: '1Gi' } })));
  c.act(() => c.api.create(staticVolume('pv-manual')));
  assert.equal(pv(c, 'pv-manual')!.status?.phase, 'Available');
  c.act(() => c.api.create(claim('quick', { storageClassName: 'fast' })));
  assert.equal(pvc(c, 'quick')!.spec.volumeName, 'pv-fast');
  assert.equal(pvc(c, 'quick')!.status?.phase, 'Bound');
  assert.equal(pv(c, 'pv-fast')!.metadata.annotations?.['pv.kubernetes.io/bound-by-controller'], 'yes');
  c.act(() => c.api.create(claim('manual-claim', { storageClassName: '', resources: { requests: { storage: '50Mi' } } })));
  assert.equal(pvc(c, 'manual-claim')!.spec.volumeName, 'pv-manual');
  assert.deepEqual(pvc(c, 'manual-claim')!.status?.capacity, { storage: '100Mi' }, 'the whole volume');
  c.act(() => c.api.create(claim('too-big', { storageClassName: '', resources: { requests: { storage: '1Gi' } } })));
  assert.deepEqual(claimEvents(c, 'too-big'), ['Normal FailedBinding: no persistent volumes available for this claim and no storage class is set']);
  assert.equal(pvc(c, 'too-big')!.status?.phase, 'Pending');
});

test('WaitForFirstConsumer with a fitting existing volume binds it when the pod comes, instead of provisioning', () => {
  const c = new Cluster();
  const affinity = { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In' as const, values: ['worker2'] }] }] } };
  c.act(() => c.api.create(staticVolume('local-a', { storageClassName: 'standard', nodeAffinity: affinity })));
  c.act(() => c.api.create(claim('data')));
  c.advanceBy(5_000);
  assert.equal(pvc(c, 'data')!.status?.phase, 'Pending', 'not before a consumer');
  c.act(() => c.api.create(podUsing('app', 'data', { nodeSelector: { 'kubernetes.io/hostname': 'worker2' } })));
  assert.equal(pvc(c, 'data')!.spec.volumeName, 'local-a');
  assert.equal(c.store.list('PersistentVolume').length, 1, 'nothing provisioned');
  assert.ok(c.advanceUntil(() => c.store.get<Pod>('Pod', NS, 'app')!.status?.phase === 'Running', 30_000));
});

test('reclaim Delete: a claim in use stays Terminating; once the pod is gone the claim goes, the volume is Released, then deleted', () => {
  const c = new Cluster();
  c.act(() => c.api.create(claim('ledger')));
  c.act(() => c.api.create(podUsing('ledger-pod', 'ledger')));
  assert.ok(c.advanceUntil(() => c.store.get<Pod>('Pod', NS, 'ledger-pod')!.status?.phase === 'Running', 30_000));
  const name = pvc(c, 'ledger')!.spec.volumeName!;
  c.act(() => c.api.delete('PersistentVolumeClaim', NS, 'ledger'));
  c.advanceBy(10_000);
  assert.ok(pvc(c, 'ledger')!.metadata.deletionTimestamp, 'Terminating while ledger-pod uses it');
  assert.equal(pvc(c, 'ledger')!.status?.phase, 'Bound');
  c.act(() => c.api.delete('Pod', NS, 'ledger-pod'));
  assert.ok(c.advanceUntil(() => !pvc(c, 'ledger'), 60_000));
  assert.equal(pv(c, name)!.status?.phase, 'Released');
  const released = c.now();
  assert.ok(c.advanceUntil(() => !pv(c, name), 10_000));
  assert.equal(c.now() - released, 1_500);
});

test('reclaim Retain: the volume stays Released with its claimRef; a new claim of the same name gets a new volume', () => {
  const c = new Cluster();
  c.act(() => c.api.create(storageClass('keep', 'WaitForFirstConsumer', 'rancher.io/local-path', 'Retain')));
  c.act(() => c.api.create(claim('ledger', { storageClassName: 'keep' })));
  c.act(() => c.api.create(podUsing('p', 'ledger')));
  assert.ok(c.advanceUntil(() => pvc(c, 'ledger')?.status?.phase === 'Bound', 30_000));
  const old = pvc(c, 'ledger')!;
  assert.equal(pv(c, old.spec.volumeName!)!.spec.persistentVolumeReclaimPolicy, 'Retain');
  c.act(() => c.api.delete('Pod', NS, 'p', { gracePeriodSeconds: 0 }));
  c.act(() => c.api.delete('PersistentVolumeClaim', NS, 'ledger'));
  assert.ok(c.advanceUntil(() => !pvc(c, 'ledger'), 60_000));
  c.advanceBy(30_000);
  const kept = pv(c, old.spec.volumeName!)!;
  assert.equal(kept.status?.phase, 'Released');
  assert.equal(kept.spec.claimRef?.uid, old.metadata.uid);
  c.act(() => c.api.create(claim('ledger', { storageClassName: 'keep' })));
  c.act(() => c.api.create(podUsing('p2', 'ledger')));
  assert.ok(c.advanceUntil(() => pvc(c, 'ledger')?.status?.phase === 'Bound', 30_000));
  assert.notEqual(pvc(c, 'ledger')!.spec.volumeName, old.spec.volumeName);
  assert.equal(pv(c, old.spec.volumeName!)!.status?.phase, 'Released');
});

test('a Bound volume being deleted waits (pv-protection) until its claim lets it go; a manual Delete volume fails to reclaim', () => {
  const c = new Cluster();
  c.act(() => c.api.create(staticVolume('pv-x', { persistentVolumeReclaimPolicy: 'Delete' })));
  c.act(() => c.api.create(claim('x', { storageClassName: '' })));
  assert.equal(pv(c, 'pv-x')!.status?.phase, 'Bound');
  c.act(() => c.api.delete('PersistentVolume', '', 'pv-x'));
  assert.ok(pv(c, 'pv-x')!.metadata.deletionTimestamp, 'Terminating');
  c.act(() => c.api.delete('PersistentVolumeClaim', NS, 'x'));
  assert.equal(pv(c, 'pv-x'), undefined, 'released, so protection lets it go');

  c.act(() => c.api.create(staticVolume('pv-y', { persistentVolumeReclaimPolicy: 'Delete' })));
  c.act(() => c.api.create(claim('y', { storageClassName: '' })));
  c.act(() => c.api.delete('PersistentVolumeClaim', NS, 'y'));
  const y = pv(c, 'pv-y')!;
  assert.equal(y.status?.phase, 'Failed');
  assert.equal(y.status?.message, 'host_path deleter only supports /tmp/.+ but received provided /srv/pv-y');
  assert.deepEqual(events(c, 'PersistentVolume', 'pv-y').map((e) => [e.type, e.reason]), [['Warning', 'VolumeFailedDelete']]);
});

test('a claim naming its volume binds to it if it fits, else VolumeMismatch', () => {
  const c = new Cluster();
  c.act(() => c.api.create(staticVolume('small', { capacity: { storage: '5Mi' } })));
  c.act(() => c.api.create(claim('wants-small', { storageClassName: '', volumeName: 'small' })));
  assert.deepEqual(claimEvents(c, 'wants-small'), ['Warning VolumeMismatch: Cannot bind to requested volume "small": requested PV is too small']);
  c.act(() => c.api.create(staticVolume('big')));
  c.act(() => c.api.create(claim('wants-big', { storageClassName: '', volumeName: 'big' })));
  assert.equal(pvc(c, 'wants-big')!.status?.phase, 'Bound');
  assert.equal(pvc(c, 'wants-big')!.metadata.annotations?.['pv.kubernetes.io/bound-by-controller'], undefined, 'the user chose the volume');
  assert.equal(pv(c, 'big')!.metadata.annotations?.['pv.kubernetes.io/bound-by-controller'], 'yes');
});

test('matching: the smallest access-mode superset first, then the smallest volume that is big enough', () => {
  const v = (name: string, modes: string[], size: string, extra: Partial<PersistentVolume['spec']> = {}): PersistentVolume =>
    ({ ...staticVolume(name, { accessModes: modes, capacity: { storage: size }, storageClassName: 'std', ...extra }), status: { phase: 'Available' } }) as PersistentVolume;
  const want = claim('c', { storageClassName: 'std', resources: { requests: { storage: '5Gi' } } });
  const list = [v('A', ['ReadWriteOnce'], '10Gi'), v('B', ['ReadWriteOnce'], '8Gi'), v('C', ['ReadWriteOnce', 'ReadWriteMany'], '6Gi'), v('D', ['ReadWriteOnce'], '1Gi')];
  assert.equal(findBestMatch(want, list, false)?.metadata.name, 'B');
  assert.equal(findBestMatch(want, list.slice(2), false)?.metadata.name, 'C');
  assert.equal(findBestMatch(want, list, true), undefined, 'delayed binding without a node takes nothing unbound');
  const prebound = { ...v('E', ['ReadWriteOnce'], '1Gi'), spec: { ...v('E', ['ReadWriteOnce'], '1Gi').spec, claimRef: { name: 'c', namespace: NS } } } as PersistentVolume;
  assert.equal(findBestMatch(want, [...list, prebound], true)?.metadata.name, 'E', 'a volume pre-bound to the claim wins, whatever its size');
  const node = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n2', labels: { 'kubernetes.io/hostname': 'n2' } }, spec: {} } as Node;
  const pinned = v('F', ['ReadWriteOnce'], '5Gi', { nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: ['n1'] }] }] } } });
  assert.equal(findBestMatch(want, [pinned], true, node), undefined, 'node affinity must fit the chosen node');
  assert.equal(findBestMatch(claim('c', { storageClassName: 'other', resources: { requests: { storage: '1Gi' } } }), list, false), undefined, 'class must match');
});

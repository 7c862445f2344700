/**
 * Every action of the TUI, through the real Ink app and the keys a user presses, ending in the
 * cluster state it should: each goes through the kubectl session, destructive ones are confirmed
 * with Cancel focused (a bare Enter changes nothing).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CronJob, Deployment, Node, Pod, ReplicaSet, StatefulSet } from '../../src/api/types/index.ts';
import { renderTui, type Harness } from './harness.tsx';

async function ready(opts: { readonly?: boolean } = {}): Promise<Harness> {
  const h = await renderTui({ columns: 160, rows: 45, ...opts });
  h.controller.time.setSpeed(60);
  await h.advance(1000);
  await h.type('n');
  await h.advance(1000);
  h.controller.time.toggle(); // hold time: each test moves it on purpose
  return h;
}

async function open(h: Harness, view: string, filter?: string) {
  await h.type(`:${view}`);
  await h.press('enter');
  if (filter) {
    await h.type(`/${filter}`);
    await h.press('enter');
  }
}

const flash = (h: Harness) => h.frame().split('\n').at(-1)!.trim();

describe('workload actions', () => {
  let h: Harness;
  before(async () => {
    h = await ready();
  });
  after(async () => h.unmount());
  const deploy = (name: string) => h.cluster.store.get<Deployment>('Deployment', 'ott', name)!;

  it('s scales a Deployment: the dialog shows the current count; the new count is applied', async () => {
    await open(h, 'deploy', 'member');
    await h.type('s');
    assert.match(h.frame(), /Scale deployment ott\/member/);
    assert.match(h.frame(), /Replicas: +2/);
    await h.press('backspace');
    await h.type('5');
    await h.press('enter');
    assert.equal(deploy('member').spec.replicas, 5);
    assert.equal(flash(h), 'deployment.apps/member scaled');
    await h.press('enter');
    assert.match(h.frame(), /Pods\(ott\)\[5\] <app=member>/, 'the new pods are there at once');
    await h.press('esc');
  });

  it('s on marked rows scales each of them', async () => {
    await open(h, 'deploy');
    await h.press('space');
    await h.press('space');
    await h.type('s');
    assert.match(h.frame(), /Scale 2 marked deployments/);
    await h.press('backspace');
    await h.type('3');
    await h.press('enter');
    assert.equal(deploy('member').spec.replicas, 3);
    assert.equal(deploy('recommend').spec.replicas, 3);
    assert.match(flash(h), /deployment\.apps\/\w+ scaled \(and 1 more\)/);
    await h.press('ctrl-\\');
  });

  it('s scales a StatefulSet', async () => {
    await open(h, 'sts');
    await h.type('s');
    await h.press('backspace');
    await h.type('3');
    await h.press('enter');
    assert.equal(h.cluster.store.get<StatefulSet>('StatefulSet', 'ott', 'db')!.spec.replicas, 3);
  });

  it('r restarts a Deployment (confirmed): its template gets restartedAt', async () => {
    await open(h, 'deploy', 'recommend');
    await h.type('r');
    assert.match(h.frame(), /Restart deployment ott\/recommend\?/);
    await h.press('enter');
    assert.equal(deploy('recommend').spec.template.metadata?.annotations?.['kubectl.kubernetes.io/restartedAt'], undefined, 'Cancel is focused');
    await h.type('r');
    await h.press('right');
    await h.press('enter');
    assert.ok(deploy('recommend').spec.template.metadata?.annotations?.['kubectl.kubernetes.io/restartedAt']);
    assert.equal(flash(h), 'deployment.apps/recommend restarted');
  });

  it('h shows the history (change-cause, images) and rolls back to a chosen revision; Undo goes back one', async () => {
    h.session.run('set image deploy/member member=nginx:1.26 -n ott');
    h.session.run(['annotate', 'deploy/member', '-n', 'ott', 'kubernetes.io/change-cause=member v2', '--overwrite']);
    h.controller.time.toggle();
    await h.advance(1000);
    h.controller.time.toggle();
    await open(h, 'deploy', 'member');
    await h.type('h');
    const frame = h.frame();
    assert.match(frame, /Rollout history/);
    assert.match(frame, /1 +member v1 +nginx:1\.25/);
    assert.match(frame, /2 +member v2 +nginx:1\.26 +\(current\)/);
    await h.press('up');
    await h.press('enter');
    assert.match(h.frame(), /Roll back deployment ott\/member to revision 1\?/);
    assert.match(h.frame(), /Its pods will run nginx:1\.25/);
    await h.press('right');
    await h.press('enter');
    assert.equal(flash(h), 'deployment.apps/member rolled back');
    assert.equal(deploy('member').spec.template.spec.containers[0].image, 'nginx:1.25');
    h.controller.time.toggle();
    await h.advance(2000);
    h.controller.time.toggle();
    const pods = h.cluster.store.list<Pod>('Pod', { namespace: 'ott' }).filter((p) => p.metadata.labels?.app === 'member' && !p.metadata.deletionTimestamp);
    assert.ok(pods.length > 0 && pods.every((p) => p.spec.containers[0].image === 'nginx:1.25'), 'the earlier image runs');
    // Undo: back to the revision before the current one (now 3, made from 1: so 2, nginx:1.26).
    await h.type('h');
    await h.press('tab');
    await h.press('right');
    await h.press('enter');
    assert.match(h.frame(), /Undo the last rollout of deployment ott\/member\?/);
    assert.match(h.frame(), /Back to revision 2: nginx:1\.26/);
    await h.press('right');
    await h.press('enter');
    assert.equal(deploy('member').spec.template.spec.containers[0].image, 'nginx:1.26');
  });

  it('ctrl-l in the ReplicaSet view rolls the owner back to that ReplicaSet', async () => {
    await open(h, 'rs');
    const rs = h.cluster.store.list<ReplicaSet>('ReplicaSet', { namespace: 'ott' }).find((r) => r.metadata.name.startsWith('member-') && r.spec.template?.spec.containers[0].image === 'nginx:1.25')!;
    await h.type(`/${rs.metadata.name}`);
    await h.press('enter');
    await h.press('ctrl-l');
    assert.match(h.frame(), /Roll back deployment ott\/member to revision \d+\?/);
    await h.press('right');
    await h.press('enter');
    assert.equal(deploy('member').spec.template.spec.containers[0].image, 'nginx:1.25');
  });

  it('ctrl-k kills a pod (confirmed); ctrl-d deletes with the propagation chosen', async () => {
    await open(h, 'po', 'recommend');
    const before = h.cluster.store.list<Pod>('Pod', { namespace: 'ott' }).filter((p) => p.metadata.labels?.app === 'recommend').map((p) => p.metadata.name);
    const victim = h.frame().match(/(recommend-[a-z0-9]+-[a-z0-9]{5})/)![1];
    await h.press('ctrl-k');
    assert.match(h.frame(), new RegExp(`Kill pod ott/${victim}\\?`));
    await h.press('right');
    await h.press('enter');
    assert.equal(h.cluster.store.get('Pod', 'ott', victim), undefined, 'gone at once');
    assert.ok(before.includes(victim));

    await open(h, 'deploy', 'recommend');
    await h.press('ctrl-d');
    assert.match(h.frame(), /Delete deployment ott\/recommend\?/);
    assert.match(h.frame(), /Propagation: < Background >/);
    await h.press('enter');
    assert.ok(deploy('recommend'), 'Enter on the focused Cancel deletes nothing');
    await h.press('ctrl-d');
    await h.press('up'); // to Propagation
    await h.press('right');
    await h.press('right');
    assert.match(h.frame(), /Propagation: < Orphan >/);
    await h.press('tab');
    await h.press('tab');
    await h.press('enter');
    assert.equal(h.cluster.store.get('Deployment', 'ott', 'recommend'), undefined);
    assert.match(flash(h), /deployment\.apps "recommend" deleted/);
    const orphans = h.cluster.store.list<ReplicaSet>('ReplicaSet', { namespace: 'ott' }).filter((r) => r.metadata.name.startsWith('recommend-'));
    assert.ok(orphans.length > 0 && orphans.every((r) => !r.metadata.ownerReferences?.length), 'orphaned ReplicaSets stay');
  });
});

describe('node actions', () => {
  let h: Harness;
  before(async () => {
    h = await ready();
  });
  after(async () => h.unmount());
  const node = (name: string) => h.cluster.store.get<Node>('Node', '', name)!;

  it('L adds, overwrites and removes a node label', async () => {
    await open(h, 'no', 'worker2');
    await h.type('L');
    assert.match(h.frame(), /Labels of node worker2:/);
    assert.match(h.frame(), /kubernetes\.io\/hostname=worker2/);
    await h.type('disk');
    await h.press('tab');
    await h.type('ssd');
    await h.press('enter');
    assert.equal(node('worker2').metadata.labels?.disk, 'ssd');
    assert.equal(flash(h), 'node/worker2 labeled');
    await h.type('L');
    await h.type('disk');
    await h.press('tab');
    await h.type('hdd');
    await h.press('enter');
    assert.equal(flash(h), "error: 'disk' already has a value (ssd), and --overwrite is false");
    await h.type('L');
    await h.type('disk');
    await h.press('tab');
    await h.type('hdd');
    await h.press('tab');
    await h.press('right'); // Overwrite
    await h.press('enter');
    assert.equal(node('worker2').metadata.labels?.disk, 'hdd');
    await h.type('L');
    await h.type('disk');
    await h.press('tab');
    await h.press('tab');
    await h.press('left'); // Remove
    await h.press('enter');
    assert.equal(node('worker2').metadata.labels?.disk, undefined);
    assert.equal(flash(h), 'node/worker2 unlabeled');
  });

  it('t taints and untaints a node', async () => {
    await open(h, 'no', 'worker2');
    await h.type('t');
    assert.match(h.frame(), /Taints of node worker2:/);
    await h.type('dedicated');
    await h.press('tab');
    await h.type('db');
    await h.press('enter');
    assert.deepEqual(node('worker2').spec.taints?.map((t) => [t.key, t.value, t.effect]), [['dedicated', 'db', 'NoSchedule']]);
    await h.type('t');
    assert.match(h.frame(), /dedicated=db:NoSchedule/);
    await h.type('dedicated');
    await h.press('tab');
    await h.press('tab');
    await h.press('tab');
    await h.press('right'); // Remove
    await h.press('enter');
    assert.equal(node('worker2').spec.taints?.length ?? 0, 0);
  });

  it('c cordons, u uncordons (each confirmed), r drains', async () => {
    await open(h, 'no', 'worker1');
    await h.type('c');
    assert.match(h.frame(), /Cordon node worker1\?/);
    await h.press('right');
    await h.press('enter');
    assert.equal(node('worker1').spec.unschedulable, true);
    assert.match(h.frame(), /worker1 +Ready,SchedulingDisabled/);
    await h.type('u');
    await h.press('right');
    await h.press('enter');
    assert.equal(node('worker1').spec.unschedulable, undefined);
    await h.type('r');
    assert.match(h.frame(), /Drain node worker1\?/);
    assert.match(h.frame(), /\[x\] Ignore DaemonSets/);
    await h.press('right');
    await h.press('enter');
    assert.equal(flash(h), 'node/worker1 drained');
    assert.equal(node('worker1').spec.unschedulable, true);
    const left = h.cluster.store.podsOnNode<Pod>('worker1').filter((p) => !p.metadata.deletionTimestamp && !p.metadata.ownerReferences?.some((o) => o.kind === 'DaemonSet'));
    assert.deepEqual(left.map((p) => p.metadata.name), [], 'only DaemonSet pods stay');
  });
});

describe('cronjob actions', () => {
  let h: Harness;
  before(async () => {
    h = await ready();
  });
  after(async () => h.unmount());
  const cj = () => h.cluster.store.get<CronJob>('CronJob', 'ott', 'pi')!;

  it('s suspends: SUSPEND True, and no Job starts as time passes; s again resumes', async () => {
    await open(h, 'cj');
    await h.type('s');
    assert.match(h.frame(), /Suspend cronjob ott\/pi\?/);
    await h.press('right');
    await h.press('enter');
    assert.equal(cj().spec.suspend, true);
    assert.match(h.frame(), /pi +\*\/2 \* \* \* \* +<none> +True +0/);
    const jobs = () => h.cluster.store.list('Job', { namespace: 'ott' }).length;
    const before = jobs();
    h.controller.time.toggle();
    await h.advance(10_000); // ten virtual minutes at ×60
    h.controller.time.toggle();
    assert.equal(jobs(), before, 'no Job while suspended');
    await h.type('s');
    assert.match(h.frame(), /Resume cronjob ott\/pi\?/);
    await h.press('right');
    await h.press('enter');
    assert.equal(cj().spec.suspend, false);
  });

  it('t triggers a Job now (pi-manual-xxx)', async () => {
    await open(h, 'cj');
    await h.type('t');
    assert.match(h.frame(), /kubectl create job pi-manual-[a-z0-9]{3} --from=cronjob\/pi -n ott/);
    await h.press('right');
    await h.press('enter');
    const job = h.cluster.store.list('Job', { namespace: 'ott' }).find((j) => /^pi-manual-[a-z0-9]{3}$/.test(j.metadata.name));
    assert.ok(job, 'the Job exists');
    assert.equal(flash(h), `job.batch/${job.metadata.name} created`);
  });
});

describe('--readonly', () => {
  it('removes the dangerous keys: no hint, no dialog, no change', async () => {
    const h = await ready({ readonly: true });
    try {
      await open(h, 'deploy');
      const frame = h.frame();
      assert.match(frame, /\[readonly\]/);
      for (const hint of ['<s> Scale', '<ctrl-d> Delete', '<r> Restart', '<h> History', '<!> kubectl']) assert.ok(!frame.includes(hint), hint);
      assert.ok(frame.includes('<d> Describe'));
      await h.type('s');
      await h.press('ctrl-d');
      await h.type('!');
      assert.doesNotMatch(h.frame(), /Scale|Delete deployment|\$ kubectl/);
      assert.ok(h.cluster.store.get('Deployment', 'ott', 'member'));
      await h.type('?');
      assert.ok(!h.frame().includes('Scale') && h.frame().includes('Describe'));
    } finally {
      await h.unmount();
    }
  });
});

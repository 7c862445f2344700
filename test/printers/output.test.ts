/**
 * -o yaml, -o json and -o name. The quoting cases are kubectl 1.32's own output: the same
 * annotations were printed by `kubectl label --local -f pod.json x=y -o yaml` (no cluster needed).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import type { KubeObject } from '../../src/api/types/index.ts';
import { toJson, toName, toYaml } from '../../src/printers/index.ts';
import { clusterObjects, contextWith } from './fixtures.ts';

const ctx = contextWith(clusterObjects());
const text = (lines: string[]) => lines.join('\n') + '\n';

/** Strings that YAML 1.1 reads as something else, strings that cannot be plain, long and multi-line ones. */
const TRICKY: Record<string, string> = {
  "a": "",
  "b": "80",
  "c": "yes",
  "d": "a: b",
  "e": "line1\nline2\n",
  "f": "trailing ",
  "g": "it's",
  "h": "10:30",
  "i": "-",
  "j": "1e3",
  "k": "0x1F",
  "l": "2025-01-06",
  "m": "héllo",
  "n": "tab\there",
  "o": "#x",
  "p": "x #y",
  "q": "x# y",
  "r": "~",
  "s": "null",
  "t": "@x",
  "u": "*x",
  "v": "a,b",
  "w": "[x]",
  "x": "{y}",
  "y": "ends:",
  "z": "line1\nline2",
  "item10": "1",
  "item9": "2",
  "Zed": "3",
  "_u": "4",
  "z1": " lead",
  "z2": "A very long message that goes on and on to see whether the yaml emitter of kubectl wraps long lines at eighty columns or not at all",
  "z3": "'0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. preemption: 0/3 nodes are available'",
  "z4": "emoji 😀",
  "z5": "a\n\n",
  "z6": "\nlead",
  "z7": "a  \nb",
  "z8": "0.5",
  "z9": ".5",
  "za": "+1",
  "zb": "1_000",
  "zc": "True",
  "zd": "on",
  "ze": "Y",
  "zf": "<<",
  "zg": "1:2:3",
};

test('-o yaml quotes, folds and blocks strings as kubectl (go-yaml v2) does', () => {
  const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', annotations: TRICKY } } as KubeObject;
  const out = toYaml(pod);
  const start = out.indexOf('  annotations:');
  const end = out.indexOf('  name: web');
  assert.equal(
    out.slice(start, end),
    text([
      '  annotations:',
      '    _u: "4"',
      '    Zed: "3"',
      '    a: ""',
      '    b: "80"',
      '    c: "yes"',
      '    d: \'a: b\'',
      '    e: |',
      '      line1',
      '      line2',
      '    f: \'trailing \'',
      '    g: it\'s',
      '    h: "10:30"',
      '    i: \'-\'',
      '    item9: "2"',
      '    item10: "1"',
      '    j: "1e3"',
      '    k: "0x1F"',
      '    l: "2025-01-06"',
      '    m: héllo',
      '    "n": "tab\\there"',
      '    o: \'#x\'',
      '    p: \'x #y\'',
      '    q: x# y',
      '    r: "~"',
      '    s: "null"',
      '    t: \'@x\'',
      '    u: \'*x\'',
      '    v: a,b',
      '    w: \'[x]\'',
      '    x: \'{y}\'',
      '    "y": \'ends:\'',
      '    z: |-',
      '      line1',
      '      line2',
      '    z1: \' lead\'',
      '    z2: A very long message that goes on and on to see whether the yaml emitter of',
      '      kubectl wraps long lines at eighty columns or not at all',
      '    z3: \'\'\'0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane:',
      '      }, 2 Insufficient cpu. preemption: 0/3 nodes are available\'\'\'',
      '    z4: "emoji \\U0001F600"',
      '    z5: |+',
      '      a',
      '',
      '    z6: |2-',
      '',
      '      lead',
      '    z7: "a  \\nb"',
      '    z8: "0.5"',
      '    z9: ".5"',
      '    za: "+1"',
      '    zb: "1_000"',
      '    zc: "True"',
      '    zd: "on"',
      '    ze: "Y"',
      '    zf: <<',
      '    zg: "1:2:3"',
    ]),
  );
});

test('-o yaml: keys sorted, lists not indented under their key, empty maps inline', () => {
  assert.equal(
    toYaml(ctx.store.get('Deployment', 'default', 'web')!),
    text([
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  annotations:',
      '    deployment.kubernetes.io/revision: "2"',
      '  creationTimestamp: "2025-01-09T08:00:00Z"',
      '  generation: 2',
      '  labels:',
      '    app: web',
      '  name: web',
      '  namespace: default',
      '  uid: uid-deploy-web',
      'spec:',
      '  progressDeadlineSeconds: 600',
      '  replicas: 3',
      '  revisionHistoryLimit: 10',
      '  selector:',
      '    matchLabels:',
      '      app: web',
      '  strategy:',
      '    rollingUpdate:',
      '      maxSurge: 25%',
      '      maxUnavailable: 25%',
      '    type: RollingUpdate',
      '  template:',
      '    metadata:',
      '      labels:',
      '        app: web',
      '    spec:',
      '      containers:',
      '      - image: nginx:1.27',
      '        name: web',
      '        ports:',
      '        - containerPort: 80',
      '          protocol: TCP',
      '        resources:',
      '          limits:',
      '            memory: 256Mi',
      '          requests:',
      '            cpu: 100m',
      '            memory: 128Mi',
      'status:',
      '  availableReplicas: 2',
      '  conditions:',
      '  - lastTransitionTime: "2025-01-09T08:50:00Z"',
      '    lastUpdateTime: "2025-01-09T08:50:00Z"',
      '    message: Deployment does not have minimum availability.',
      '    reason: MinimumReplicasUnavailable',
      '    status: "False"',
      '    type: Available',
      '  - lastTransitionTime: "2025-01-09T08:00:00Z"',
      '    lastUpdateTime: "2025-01-09T08:50:00Z"',
      '    message: ReplicaSet "web-7d4b9c6f5d" is progressing.',
      '    reason: ReplicaSetUpdated',
      '    status: "True"',
      '    type: Progressing',
      '  observedGeneration: 2',
      '  readyReplicas: 2',
      '  replicas: 3',
      '  unavailableReplicas: 1',
      '  updatedReplicas: 3',
    ]),
  );
});

test('-o yaml of a list request is a List, even with one or no items', () => {
  assert.equal(toYaml([]), 'apiVersion: v1\nitems: []\nkind: List\nmetadata:\n  resourceVersion: ""\n');
  const one = toYaml([ctx.store.get('Secret', 'default', 'db')!]);
  assert.ok(one.startsWith('apiVersion: v1\nitems:\n- apiVersion: v1\n  data:\n    password: czNjcjN0\n'), one);
  assert.ok(one.endsWith('  type: Opaque\nkind: List\nmetadata:\n  resourceVersion: ""\n'), one);
});

test('-o yaml reads back as the same object', () => {
  for (const obj of clusterObjects()) {
    const back = parse(toYaml(obj), { version: '1.1' });
    assert.deepEqual(back, JSON.parse(JSON.stringify(obj)), obj.metadata.name);
  }
  const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', annotations: TRICKY } };
  assert.deepEqual(parse(toYaml(pod as KubeObject), { version: '1.1' }), pod);
});

test('-o json: 4-space indentation, sorted keys, HTML characters escaped as encoding/json does', () => {
  const cm = { kind: 'ConfigMap', apiVersion: 'v1', metadata: { name: 'c', namespace: 'default' }, data: { z: '<b>&</b>', a: '1' } } as KubeObject;
  assert.equal(
    toJson(cm),
    text([
      '{',
      '    "apiVersion": "v1",',
      '    "data": {',
      '        "a": "1",',
      '        "z": "\\u003cb\\u003e\\u0026\\u003c/b\\u003e"',
      '    },',
      '    "kind": "ConfigMap",',
      '    "metadata": {',
      '        "name": "c",',
      '        "namespace": "default"',
      '    }',
      '}',
    ]),
  );
  assert.equal(toJson([]), '{\n    "apiVersion": "v1",\n    "items": [],\n    "kind": "List",\n    "metadata": {\n        "resourceVersion": ""\n    }\n}\n');
  assert.deepEqual(JSON.parse(toJson(clusterObjects())).items.length, clusterObjects().length);
});

test('-o name: the kind lowercased, with its group', () => {
  const names = ['Deployment/default/web', 'Pod/default/web-7d4b9c6f5d-x8k2p', 'Node//worker1', 'EndpointSlice/default/web-8cd4x', 'Event/default/web.181a1f3c5b2f0a10']
    .map((k) => k.split('/'))
    .map(([kind, ns, name]) => toName(ctx.store.get(kind, ns, name)!));
  assert.deepEqual(names, ['deployment.apps/web', 'pod/web-7d4b9c6f5d-x8k2p', 'node/worker1', 'endpointslice.discovery.k8s.io/web-8cd4x', 'event/web.181a1f3c5b2f0a10']);
  assert.equal(toName({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' } }), 'widget.example.com/w');
});

test('-o yaml: keys over 128 bytes or on several lines are complex keys; nested lists start on the dash line', () => {
  const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { ['k'.repeat(130)]: { a: 1, b: [1, 2] }, 'multi\nline': 'v', x: [[1, 2], [], {}, [{ a: 1 }]] } };
  assert.equal(
    toYaml(cm as KubeObject),
    text([
      'apiVersion: v1',
      'data:',
      `  ? ${'k'.repeat(130)}`,
      '  : a: 1',
      '    b:',
      '    - 1',
      '    - 2',
      '  ? |-',
      '    multi',
      '    line',
      '  : v',
      '  x:',
      '  - - 1',
      '    - 2',
      '  - []',
      '  - {}',
      '  - - a: 1',
      'kind: ConfigMap',
      'metadata:',
      '  name: c',
    ]),
  );
});

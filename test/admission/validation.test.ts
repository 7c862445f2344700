/** Validation messages, worded as the API server words them. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { validateManifest } from '../../src/admission/index.ts';
import { container, deployment, messages, pod, template } from './helpers.ts';

const SUBDOMAIN =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const LABEL =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const DNS1035 =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
const selector = { matchLabels: { app: 'web' } };

test('object names: DNS subdomain, DNS label for namespaces, DNS-1035 for services', () => {
  assert.deepEqual(messages(deployment({ selector, template: template({ app: 'web' }) }, 'Web_1')), [`metadata.name: Invalid value: "Web_1": ${SUBDOMAIN}`]);
  assert.deepEqual(messages({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team.a' } }), ['metadata.name: Invalid value: "team.a": must not contain dots']);
  assert.deepEqual(messages({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'Team_A' } }), [`metadata.name: Invalid value: "Team_A": ${LABEL}`]);
  assert.deepEqual(messages({ apiVersion: 'v1', kind: 'Service', metadata: { name: '1web' }, spec: { ports: [{ port: 80 }] } }), [`metadata.name: Invalid value: "1web": ${DNS1035}`]);
  assert.deepEqual(messages({ apiVersion: 'v1', kind: 'ConfigMap', metadata: {} }), ['metadata.name: Required value: name or generateName is required']);
});

test('labels: keys and values with their messages, reported at the labels map', () => {
  assert.deepEqual(messages(pod({ containers: [container()] }, { name: 'p', labels: { 'app/x/y': 'ok', tier: 'front end' } })), [
    "metadata.labels: Invalid value: \"app/x/y\": a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
    "metadata.labels: Invalid value: \"front end\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
  ]);
});

test('selectors: required, and must match the template labels', () => {
  assert.deepEqual(messages(deployment({ template: template({ app: 'web' }) })), [
    'spec.selector: Required value',
    'spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`',
  ]);
  assert.deepEqual(messages(deployment({ selector: { matchLabels: { app: 'x' } }, template: template({ app: 'web' }) })), [
    'spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`',
  ]);
  assert.deepEqual(messages(deployment({ selector: {}, template: template({ app: 'web' }) })), [
    'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment',
  ]);
  assert.deepEqual(messages(deployment({ selector: { matchExpressions: [{ key: 'app', operator: 'In' }] }, template: template({ app: 'web' }) })), [
    "spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
    'spec.selector: Invalid value: null: invalid label selector',
  ]);
});

test('replicas, containers, ports, restart policy of replicated pods', () => {
  assert.deepEqual(messages(deployment({ replicas: -1, selector, template: template({ app: 'web' }) })), ['spec.replicas: Invalid value: -1: must be greater than or equal to 0']);
  assert.deepEqual(
    messages(deployment({ selector, template: template({ app: 'web' }, { containers: [container(), container('web', 'redis', { ports: [{ containerPort: 70000, protocol: 'HTTP' }] }), { name: 'Side_Car' }] }) })),
    [
      'spec.template.spec.containers[1].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
      'spec.template.spec.containers[1].ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"',
      'spec.template.spec.containers[1].name: Duplicate value: "web"',
      `spec.template.spec.containers[2].name: Invalid value: "Side_Car": ${LABEL}`,
      'spec.template.spec.containers[2].image: Required value',
    ],
  );
  assert.deepEqual(messages(deployment({ selector, template: template({ app: 'web' }, { containers: [] }) })), ['spec.template.spec.containers: Required value']);
  assert.deepEqual(messages(deployment({ selector, template: template({ app: 'web' }, { restartPolicy: 'Never', containers: [container()] }) })), [
    'spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"',
  ]);
  assert.deepEqual(messages(deployment({ selector, template: template({ app: 'web' }, { restartPolicy: 'Sometimes', containers: [container()] }) })), [
    'spec.template.spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
    'spec.template.spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always"',
  ]);
});

test('rolling update parameters', () => {
  assert.deepEqual(messages(deployment({ selector, template: template({ app: 'web' }), strategy: { rollingUpdate: { maxSurge: 0, maxUnavailable: 0 } } })), [
    'spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:0, IntVal:0, StrVal:""}: may not be 0 when `maxSurge` is 0',
  ]);
  assert.deepEqual(messages(deployment({ selector, template: template({ app: 'web' }), strategy: { rollingUpdate: { maxSurge: '30' } } })), [
    "spec.strategy.rollingUpdate.maxSurge: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:\"30\"}: a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')",
  ]);
  assert.deepEqual(messages(deployment({ selector, template: template({ app: 'web' }), strategy: { type: 'Recreate', rollingUpdate: { maxSurge: 1 } } })), [
    "spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'",
  ]);
});

test('Jobs need OnFailure or Never; DaemonSets need Always', () => {
  const job = (spec: Record<string, unknown>) => ({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'pi' }, spec: { template: { spec: { containers: [container('pi', 'perl')], ...spec } } } });
  assert.deepEqual(messages(job({})), ['spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"']);
  assert.deepEqual(messages(job({ restartPolicy: 'Always' })), ['spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"']);
  assert.deepEqual(messages(job({ restartPolicy: 'Never' })), []);
  const ds = { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'agent' }, spec: { selector, template: template({ app: 'web' }, { restartPolicy: 'OnFailure', containers: [container()] }) } };
  assert.deepEqual(messages(ds), ['spec.template.spec.restartPolicy: Unsupported value: "OnFailure": supported values: "Always"']);
});

test('volumes, mounts, env, probes, resources', () => {
  assert.deepEqual(
    messages(
      pod({
        volumes: [{ name: 'cfg', configMap: {} }, { name: 'data', emptyDir: {} }, { name: 'data', emptyDir: {} }],
        containers: [
          container('web', 'nginx', {
            volumeMounts: [{ name: 'cache', mountPath: '/cache' }],
            env: [{ name: 'A=B', value: 'x' }, { name: 'K', value: 'v', valueFrom: { secretKeyRef: { name: 's', key: 'k' } } }],
            livenessProbe: { tcpSocket: { port: 8080 }, successThreshold: 2 },
            readinessProbe: {},
            resources: { requests: { cpu: '2' }, limits: { cpu: '1' } },
          }),
        ],
      }),
    ),
    [
      'spec.volumes[0].configMap.name: Required value',
      'spec.volumes[2].name: Duplicate value: "data"',
      'spec.containers[0].env[0].name: Invalid value: "A=B": a valid environment variable name must consist only of printable ASCII characters other than \'=\'',
      'spec.containers[0].env[1].valueFrom: Invalid value: "": may not be specified when `value` is not empty',
      'spec.containers[0].volumeMounts[0].name: Not found: "cache"',
      'spec.containers[0].resources.requests: Invalid value: "2": must be less than or equal to cpu limit of 1',
      'spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1',
      'spec.containers[0].readinessProbe: Required value: must specify a handler type',
    ],
  );
});

test('tolerations and pod-level fields', () => {
  assert.deepEqual(
    messages(
      pod({
        activeDeadlineSeconds: 0,
        tolerations: [{ key: 'a', operator: 'Exists', value: 'x' }, { operator: 'Equal', value: 'y' }, { key: 'k', effect: 'NoSchedule', tolerationSeconds: 5 }],
        containers: [container()],
      }),
    ),
    [
      'spec.activeDeadlineSeconds: Invalid value: 0: must be between 1 and 2147483647, inclusive',
      "spec.tolerations[0].operator: Invalid value: \"x\": value must be empty when `operator` is 'Exists'",
      'spec.tolerations[1].operator: Invalid value: "Equal": operator must be Exists when `key` is empty, which means "match all values and all keys"',
      "spec.tolerations[2].effect: Invalid value: \"NoSchedule\": effect must be 'NoExecute' when `tolerationSeconds` is set",
    ],
  );
});

test('CronJob schedules and time zones', () => {
  const cron = (schedule: string, extra: Record<string, unknown> = {}) => ({
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: 'hello' },
    spec: { schedule, ...extra, jobTemplate: { spec: { template: { spec: { restartPolicy: 'OnFailure', containers: [container('hello', 'busybox')] } } } } },
  });
  assert.deepEqual(messages(cron('61 * * * *')), ['spec.schedule: Invalid value: "61 * * * *": end of range (61) above maximum (59): 61']);
  assert.deepEqual(messages(cron('0 0 * * 7')), ['spec.schedule: Invalid value: "0 0 * * 7": end of range (7) above maximum (6): 7']);
  assert.deepEqual(messages(cron('CRON_TZ=UTC 0 0 * * *')), ['spec.schedule: Invalid value: "CRON_TZ=UTC 0 0 * * *": cannot use TZ or CRON_TZ in schedule, use timeZone field instead']);
  assert.deepEqual(messages(cron('TZ=Mars/Base 0 0 * * *')), [
    'spec.schedule: Invalid value: "TZ=Mars/Base 0 0 * * *": provided bad location Mars/Base: unknown time zone Mars/Base',
    'spec.schedule: Invalid value: "TZ=Mars/Base 0 0 * * *": cannot use TZ or CRON_TZ in schedule, use timeZone field instead',
  ]);
  assert.deepEqual(messages(cron('0 3 * * *', { timeZone: 'Europe/Pariss' })), ['spec.timeZone: Invalid value: "Europe/Pariss": unknown time zone Europe/Pariss']);
  assert.deepEqual(messages(cron('0 3 * * *', { timeZone: 'Local' })), ['spec.timeZone: Invalid value: "Local": timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones']);
  for (const ok of ['*/5 * * * *', '0 9-17/2 * JAN-jun mon-FRI', '@hourly', '@every 90m', '*/61 * * * *', '0 0 ? * *']) assert.deepEqual(messages(cron(ok, { timeZone: 'Europe/Paris' })), [], ok);
});

test('Services: ports, names of several ports, types', () => {
  assert.deepEqual(messages({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { selector: { app: 'web' } } }), ['spec.ports: Required value']);
  assert.deepEqual(messages({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { type: 'Nodeport', ports: [{ port: 80 }, { port: 0, name: 'b' }] } }), [
    'spec.ports[0].name: Required value',
    'spec.ports[1].port: Invalid value: 0: must be between 1 and 65535, inclusive',
    'spec.ports[1].targetPort: Invalid value: 0: must be between 1 and 65535, inclusive',
    'spec.type: Unsupported value: "Nodeport": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"',
  ]);
  assert.deepEqual(messages({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { ports: [{ port: 80, nodePort: 30080 }] } }), [
    "spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'",
  ]);
});

test('PersistentVolumeClaims need access modes and a storage request', () => {
  assert.deepEqual(messages({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data' }, spec: { resources: { requests: { storage: '0' } } } }), [
    'spec.accessModes: Required value: at least 1 access mode is required',
    'spec.resources[storage]: Invalid value: "0": must be greater than zero',
  ]);
  assert.deepEqual(messages({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce', 'ReadWriteOncePod'] } }), [
    'spec.accessModes: Forbidden: may not use ReadWriteOncePod with other access modes',
    'spec.resources[storage]: Required value',
  ]);
});

test('the field path of every error locates the value in the manifest', () => {
  const d = deployment({ selector, template: template({ app: 'web' }, { containers: [container('web', 'nginx', { ports: [{ containerPort: 0 }] })] }) });
  const [e] = validateManifest(d);
  assert.equal(e.field, 'spec.template.spec.containers[0].ports[0].containerPort');
  assert.deepEqual(e.path, ['spec', 'template', 'spec', 'containers', 0, 'ports', 0, 'containerPort']);
  assert.equal(e.type, 'FieldValueRequired');
});

test('a workload without a pod template is validated as an empty one (a struct in Go); a nameless Job names no one', async () => {
  const { Cluster } = await import('../../src/cluster/cluster.ts');
  const c = new Cluster();
  const refused = (obj: unknown) => {
    try {
      c.api.asUser(() => c.api.create(obj as never));
    } catch (e) {
      return (e as Error).message;
    }
    return 'created';
  };
  assert.equal(
    refused({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'x' }, spec: { selector: { matchLabels: { app: 'x' } } } }),
    'Deployment.apps "x" is invalid: [spec.template.metadata.labels: Invalid value: map[string]string(nil): `selector` does not match template `labels`, spec.template.spec.containers: Required value]',
  );
  assert.equal(
    refused({ apiVersion: 'batch/v1', kind: 'Job', metadata: {}, spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox' }] } } } }),
    'Job.batch "" is invalid: metadata.name: Required value: name or generateName is required',
  );
});

test('a StatefulSet whose selector does not match its template labels', () => {
  const sts = {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'db' },
    spec: { serviceName: 'db', selector: { matchLabels: { app: 'db' } }, template: template({ app: 'web' }, { containers: [container()] }) },
  };
  assert.deepEqual(messages(sts), ['spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`']);
});

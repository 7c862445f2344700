/**
 * More printer fixtures: a statefulset with claims, a daemonset, jobs and a cronjob, storage,
 * a namespace, a service account, a controller revision, and pods in less happy states.
 */
import { rfc3339 } from '../../src/api/duration.ts';
import type { KubeObject } from '../../src/api/types/index.ts';
import { NOW } from './fixtures.ts';

export function moreObjects(now = NOW): KubeObject[] {
  const ts = (secondsAgo: number) => rfc3339(now - secondsAgo * 1000);
  const stsOwner = { apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'db', uid: 'uid-sts-db', controller: true, blockOwnerDeletion: true };
  return [
    {
      apiVersion: 'apps/v1', kind: 'StatefulSet',
      metadata: { name: 'db', namespace: 'default', uid: 'uid-sts-db', creationTimestamp: ts(7200), labels: { app: 'db' } },
      spec: {
        replicas: 2, serviceName: 'db', selector: { matchLabels: { app: 'db' } }, podManagementPolicy: 'OrderedReady',
        updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
        template: {
          metadata: { labels: { app: 'db' }, annotations: { 'kubectl.kubernetes.io/restartedAt': '2025-01-08T10:00:00Z' } },
          spec: {
            initContainers: [{ name: 'init-perms', image: 'busybox:1.36', command: ['sh', '-c', 'chown -R 999 /data'] }],
            containers: [{
              name: 'postgres', image: 'postgres:16', ports: [{ containerPort: 5432, name: 'pg', protocol: 'TCP' }, { containerPort: 9187, name: 'metrics', protocol: 'TCP' }],
              envFrom: [{ secretRef: { name: 'db' } }, { configMapRef: { name: 'db-config', optional: true }, prefix: 'CFG_' }],
              livenessProbe: { exec: { command: ['pg_isready', '-U', 'postgres'] }, initialDelaySeconds: 5, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 },
              volumeMounts: [{ name: 'data', mountPath: '/var/lib/postgresql/data' }, { name: 'conf', mountPath: '/etc/pg', readOnly: true, subPath: 'pg.conf' }],
            }],
            volumes: [{ name: 'conf', configMap: { name: 'db-config' } }, { name: 'host', hostPath: { path: '/var/log', type: 'Directory' } }],
            nodeSelector: { disktype: 'ssd' },
            tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'db', effect: 'NoSchedule' }, { operator: 'Exists' }],
          },
        },
        volumeClaimTemplates: [{ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
      },
      status: { replicas: 2, readyReplicas: 1, currentReplicas: 2, updatedReplicas: 2, currentRevision: 'db-6bf54c9c6b', updateRevision: 'db-6bf54c9c6b' },
    },
    {
      apiVersion: 'v1', kind: 'Pod',
      metadata: { name: 'db-0', namespace: 'default', uid: 'uid-pod-db0', creationTimestamp: ts(7100), labels: { app: 'db', 'statefulset.kubernetes.io/pod-name': 'db-0' }, ownerReferences: [stsOwner] },
      spec: { containers: [{ name: 'postgres', image: 'postgres:16' }], nodeName: 'worker2', volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'data-db-0' } }] },
      status: { phase: 'Running' },
    },
    {
      apiVersion: 'v1', kind: 'Pod',
      metadata: { name: 'db-1', namespace: 'default', uid: 'uid-pod-db1', creationTimestamp: ts(90), labels: { app: 'db' }, ownerReferences: [stsOwner] },
      spec: {
        initContainers: [{ name: 'init-perms', image: 'busybox:1.36', command: ['sh', '-c', 'chown -R 999 /data'] }],
        containers: [{ name: 'postgres', image: 'postgres:16' }],
        nodeName: 'worker2', readinessGates: [{ conditionType: 'example.com/feature' }],
      },
      status: {
        phase: 'Pending', hostIP: '172.18.0.4', startTime: ts(90),
        conditions: [{ type: 'Initialized', status: 'False', reason: 'ContainersNotInitialized', message: 'containers with incomplete status: [init-perms]' }, { type: 'PodScheduled', status: 'True' }],
        initContainerStatuses: [{
          name: 'init-perms', ready: false, restartCount: 3, image: 'busybox:1.36', imageID: '',
          state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 40s restarting failed container=init-perms pod=db-1_default(uid-pod-db1)' } },
          lastState: { terminated: { exitCode: 1, reason: 'Error', startedAt: ts(50), finishedAt: ts(45) } },
        }],
        containerStatuses: [{ name: 'postgres', ready: false, restartCount: 0, image: 'postgres:16', imageID: '', state: { waiting: { reason: 'PodInitializing' } }, lastState: {} }],
      },
    },
    {
      apiVersion: 'apps/v1', kind: 'DaemonSet',
      metadata: { name: 'fluentd', namespace: 'kube-system', uid: 'uid-ds-fluentd', creationTimestamp: ts(86400), labels: { 'k8s-app': 'fluentd' } },
      spec: {
        selector: { matchLabels: { name: 'fluentd' } },
        template: { metadata: { labels: { name: 'fluentd' } }, spec: { containers: [{ name: 'fluentd', image: 'fluentd:v1.16', resources: { limits: { memory: '200Mi' }, requests: { cpu: '100m', memory: '200Mi' } } }], terminationGracePeriodSeconds: 30 } },
        updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } },
      },
      status: { currentNumberScheduled: 2, numberMisscheduled: 0, desiredNumberScheduled: 2, numberReady: 2, updatedNumberScheduled: 2, numberAvailable: 2 },
    },
    {
      apiVersion: 'batch/v1', kind: 'Job',
      metadata: { name: 'pi', namespace: 'default', uid: 'uid-job-pi', creationTimestamp: ts(400), labels: { 'batch.kubernetes.io/job-name': 'pi' } },
      spec: {
        parallelism: 1, completions: 1, backoffLimit: 4, completionMode: 'NonIndexed', suspend: false,
        selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': 'uid-job-pi' } },
        template: { metadata: { labels: { 'batch.kubernetes.io/job-name': 'pi' } }, spec: { restartPolicy: 'Never', containers: [{ name: 'pi', image: 'perl:5.34.0', command: ['perl', '-Mbignum=bpi', '-wle', 'print bpi(2000)'] }] } },
      },
      status: {
        startTime: ts(398), completionTime: ts(360), succeeded: 1, ready: 0,
        conditions: [{ type: 'SuccessCriteriaMet', status: 'True' }, { type: 'Complete', status: 'True' }],
      },
    },
    {
      apiVersion: 'batch/v1', kind: 'CronJob',
      metadata: { name: 'hello', namespace: 'default', uid: 'uid-cj-hello', creationTimestamp: ts(3600) },
      spec: {
        schedule: '*/5 * * * *', concurrencyPolicy: 'Allow', suspend: false, successfulJobsHistoryLimit: 3, failedJobsHistoryLimit: 1,
        jobTemplate: { spec: { template: { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'hello', image: 'busybox:1.28', command: ['/bin/sh', '-c', 'date; echo Hello from the Kubernetes cluster'] }] } } } },
      },
      status: { lastScheduleTime: ts(120), active: [{ kind: 'Job', namespace: 'default', name: 'hello-29312345', apiVersion: 'batch/v1' }] },
    },
    {
      apiVersion: 'v1', kind: 'PersistentVolumeClaim',
      metadata: { name: 'data-db-0', namespace: 'default', uid: 'uid-pvc-db0', creationTimestamp: ts(7150), labels: { app: 'db' }, finalizers: ['kubernetes.io/pvc-protection'], annotations: { 'pv.kubernetes.io/bind-completed': 'yes' } },
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, storageClassName: 'standard', volumeName: 'pvc-3f1c', volumeMode: 'Filesystem' },
      status: { phase: 'Bound', accessModes: ['ReadWriteOnce'], capacity: { storage: '1Gi' } },
    },
    {
      apiVersion: 'v1', kind: 'PersistentVolume',
      metadata: { name: 'pvc-3f1c', uid: 'uid-pv', creationTimestamp: ts(7140), finalizers: ['kubernetes.io/pv-protection'], annotations: { 'pv.kubernetes.io/provisioned-by': 'rancher.io/local-path' } },
      spec: {
        capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'], persistentVolumeReclaimPolicy: 'Delete', storageClassName: 'standard', volumeMode: 'Filesystem',
        claimRef: { kind: 'PersistentVolumeClaim', namespace: 'default', name: 'data-db-0', uid: 'uid-pvc-db0', apiVersion: 'v1' },
        hostPath: { path: '/var/local-path-provisioner/pvc-3f1c_default_data-db-0', type: 'DirectoryOrCreate' },
        nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: ['worker2'] }] }] } },
      },
      status: { phase: 'Bound' },
    },
    {
      apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass',
      metadata: { name: 'standard', uid: 'uid-sc', creationTimestamp: ts(3 * 86400), annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } },
      provisioner: 'rancher.io/local-path', reclaimPolicy: 'Delete', volumeBindingMode: 'WaitForFirstConsumer',
    },
    {
      apiVersion: 'v1', kind: 'Namespace',
      metadata: { name: 'ott', uid: 'uid-ns-ott', creationTimestamp: ts(3 * 86400), labels: { 'kubernetes.io/metadata.name': 'ott' } },
      spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' },
    },
    {
      apiVersion: 'v1', kind: 'ServiceAccount',
      metadata: { name: 'builder', namespace: 'default', uid: 'uid-sa-builder', creationTimestamp: ts(86400) },
      secrets: [{ name: 'builder-token' }], imagePullSecrets: [{ name: 'regcred' }, { name: 'db' }],
    },
    {
      apiVersion: 'v1', kind: 'Secret',
      metadata: { name: 'builder-token', namespace: 'default', uid: 'uid-secret-bt', creationTimestamp: ts(86400), annotations: { 'kubernetes.io/service-account.name': 'builder', 'kubernetes.io/service-account.uid': 'uid-sa-builder' } },
      type: 'kubernetes.io/service-account-token', data: { token: Buffer.from('eyJhbGciOi').toString('base64'), namespace: Buffer.from('default').toString('base64') },
    },
    {
      apiVersion: 'apps/v1', kind: 'ControllerRevision',
      metadata: { name: 'db-6bf54c9c6b', namespace: 'default', uid: 'uid-cr', creationTimestamp: ts(7200), labels: { app: 'db', 'controller.kubernetes.io/hash': '6bf54c9c6b' }, ownerReferences: [stsOwner] },
      data: { spec: { template: { metadata: { labels: { app: 'db' } } } } }, revision: 1,
    },
  ] as KubeObject[];
}

/** core/v1 Pod schemas: containers, probes, affinity, tolerations, PodSpec, PodTemplateSpec, Pod. */
import { any, arr, bool, i32, i64, intstr, loose, map, obj, quantity, str, strMap, topLevel } from './dsl.ts';
import { LabelSelector, LocalObjectReference, ObjectMeta } from './meta.ts';
import { ObjectFieldSelector, ResourceFieldSelector, Volume } from './volumes.ts';

const ExecAction = obj('v1.ExecAction', { command: arr(str()) });
const HTTPGetAction = obj('v1.HTTPGetAction', {
  path: str(),
  port: intstr(),
  host: str(),
  scheme: str(),
  httpHeaders: arr(obj('v1.HTTPHeader', { name: str(), value: str() })),
});
const TCPSocketAction = obj('v1.TCPSocketAction', { port: intstr(), host: str() });

const Probe = obj('v1.Probe', {
  exec: ExecAction,
  httpGet: HTTPGetAction,
  tcpSocket: TCPSocketAction,
  grpc: obj('v1.GRPCAction', { port: i32(), service: str() }),
  initialDelaySeconds: i32(),
  timeoutSeconds: i32(),
  periodSeconds: i32(),
  successThreshold: i32(),
  failureThreshold: i32(),
  terminationGracePeriodSeconds: i64(),
});

const LifecycleHandler = obj('v1.LifecycleHandler', {
  exec: ExecAction,
  httpGet: HTTPGetAction,
  tcpSocket: TCPSocketAction,
  sleep: obj('v1.SleepAction', { seconds: i64() }),
});

const ResourceList = (): ReturnType<typeof map> => map(quantity(), 'v1.ResourceList');

export const ResourceRequirements = obj('v1.ResourceRequirements', {
  limits: ResourceList(),
  requests: ResourceList(),
  claims: arr(obj('v1.ResourceClaim', { name: str(), request: str() })),
});

const SeccompProfile = obj('v1.SeccompProfile', { type: str(), localhostProfile: str() });
const AppArmorProfile = obj('v1.AppArmorProfile', { type: str(), localhostProfile: str() });

const SecurityContext = obj('v1.SecurityContext', {
  capabilities: obj('v1.Capabilities', { add: arr(str()), drop: arr(str()) }),
  privileged: bool(),
  seLinuxOptions: loose('v1.SELinuxOptions'),
  windowsOptions: loose('v1.WindowsSecurityContextOptions'),
  runAsUser: i64(),
  runAsGroup: i64(),
  runAsNonRoot: bool(),
  readOnlyRootFilesystem: bool(),
  allowPrivilegeEscalation: bool(),
  procMount: str(),
  seccompProfile: SeccompProfile,
  appArmorProfile: AppArmorProfile,
});

const EnvVar = obj('v1.EnvVar', {
  name: str(),
  value: str(),
  valueFrom: obj('v1.EnvVarSource', {
    fieldRef: ObjectFieldSelector,
    resourceFieldRef: ResourceFieldSelector,
    configMapKeyRef: obj('v1.ConfigMapKeySelector', { name: str(), key: str(), optional: bool() }),
    secretKeyRef: obj('v1.SecretKeySelector', { name: str(), key: str(), optional: bool() }),
  }),
});

const EnvFromSource = obj('v1.EnvFromSource', {
  prefix: str(),
  configMapRef: obj('v1.ConfigMapEnvSource', { name: str(), optional: bool() }),
  secretRef: obj('v1.SecretEnvSource', { name: str(), optional: bool() }),
});

const containerFields = {
  name: str(),
  image: str(),
  command: arr(str()),
  args: arr(str()),
  workingDir: str(),
  ports: arr(obj('v1.ContainerPort', { name: str(), hostPort: i32(), containerPort: i32(), protocol: str(), hostIP: str() })),
  envFrom: arr(EnvFromSource),
  env: arr(EnvVar),
  resources: ResourceRequirements,
  resizePolicy: arr(obj('v1.ContainerResizePolicy', { resourceName: str(), restartPolicy: str() })),
  restartPolicy: str(),
  volumeMounts: arr(
    obj('v1.VolumeMount', {
      name: str(),
      readOnly: bool(),
      recursiveReadOnly: str(),
      mountPath: str(),
      subPath: str(),
      mountPropagation: str(),
      subPathExpr: str(),
    }),
  ),
  volumeDevices: arr(obj('v1.VolumeDevice', { name: str(), devicePath: str() })),
  livenessProbe: Probe,
  readinessProbe: Probe,
  startupProbe: Probe,
  lifecycle: obj('v1.Lifecycle', { postStart: LifecycleHandler, preStop: LifecycleHandler, stopSignal: str() }),
  terminationMessagePath: str(),
  terminationMessagePolicy: str(),
  imagePullPolicy: str(),
  securityContext: SecurityContext,
  stdin: bool(),
  stdinOnce: bool(),
  tty: bool(),
};

export const Container = obj('v1.Container', containerFields);
const EphemeralContainer = obj('v1.EphemeralContainer', { ...containerFields, targetContainerName: str() });

const NodeSelectorRequirement = obj('v1.NodeSelectorRequirement', { key: str(), operator: str(), values: arr(str()) });
export const NodeSelectorTerm = obj('v1.NodeSelectorTerm', {
  matchExpressions: arr(NodeSelectorRequirement),
  matchFields: arr(NodeSelectorRequirement),
});
export const NodeSelector = obj('v1.NodeSelector', { nodeSelectorTerms: arr(NodeSelectorTerm) });

const PodAffinityTerm = obj('v1.PodAffinityTerm', {
  labelSelector: LabelSelector,
  namespaces: arr(str()),
  topologyKey: str(),
  namespaceSelector: LabelSelector,
  matchLabelKeys: arr(str()),
  mismatchLabelKeys: arr(str()),
});
const WeightedPodAffinityTerm = obj('v1.WeightedPodAffinityTerm', { weight: i32(), podAffinityTerm: PodAffinityTerm });
const podAffinityFields = {
  requiredDuringSchedulingIgnoredDuringExecution: arr(PodAffinityTerm),
  preferredDuringSchedulingIgnoredDuringExecution: arr(WeightedPodAffinityTerm),
};

const Affinity = obj('v1.Affinity', {
  nodeAffinity: obj('v1.NodeAffinity', {
    requiredDuringSchedulingIgnoredDuringExecution: NodeSelector,
    preferredDuringSchedulingIgnoredDuringExecution: arr(obj('v1.PreferredSchedulingTerm', { weight: i32(), preference: NodeSelectorTerm })),
  }),
  podAffinity: obj('v1.PodAffinity', podAffinityFields),
  podAntiAffinity: obj('v1.PodAntiAffinity', podAffinityFields),
});

const Toleration = obj('v1.Toleration', { key: str(), operator: str(), value: str(), effect: str(), tolerationSeconds: i64() });

const PodSecurityContext = obj('v1.PodSecurityContext', {
  seLinuxOptions: loose('v1.SELinuxOptions'),
  windowsOptions: loose('v1.WindowsSecurityContextOptions'),
  runAsUser: i64(),
  runAsGroup: i64(),
  runAsNonRoot: bool(),
  supplementalGroups: arr(i64()),
  supplementalGroupsPolicy: str(),
  fsGroup: i64(),
  sysctls: arr(obj('v1.Sysctl', { name: str(), value: str() })),
  fsGroupChangePolicy: str(),
  seccompProfile: SeccompProfile,
  appArmorProfile: AppArmorProfile,
  seLinuxChangePolicy: str(),
});

const TopologySpreadConstraint = obj('v1.TopologySpreadConstraint', {
  maxSkew: i32(),
  topologyKey: str(),
  whenUnsatisfiable: str(),
  labelSelector: LabelSelector,
  minDomains: i32(),
  nodeAffinityPolicy: str(),
  nodeTaintsPolicy: str(),
  matchLabelKeys: arr(str()),
});

export const PodSpec = obj('v1.PodSpec', {
  volumes: arr(Volume),
  initContainers: arr(Container),
  containers: arr(Container),
  ephemeralContainers: arr(EphemeralContainer),
  restartPolicy: str(),
  terminationGracePeriodSeconds: i64(),
  activeDeadlineSeconds: i64(),
  dnsPolicy: str(),
  nodeSelector: strMap(),
  serviceAccountName: str(),
  serviceAccount: str(),
  automountServiceAccountToken: bool(),
  nodeName: str(),
  hostNetwork: bool(),
  hostPID: bool(),
  hostIPC: bool(),
  shareProcessNamespace: bool(),
  securityContext: PodSecurityContext,
  imagePullSecrets: arr(LocalObjectReference),
  hostname: str(),
  subdomain: str(),
  affinity: Affinity,
  schedulerName: str(),
  tolerations: arr(Toleration),
  hostAliases: arr(obj('v1.HostAlias', { ip: str(), hostnames: arr(str()) })),
  priorityClassName: str(),
  priority: i32(),
  dnsConfig: obj('v1.PodDNSConfig', {
    nameservers: arr(str()),
    searches: arr(str()),
    options: arr(obj('v1.PodDNSConfigOption', { name: str(), value: str() })),
  }),
  readinessGates: arr(obj('v1.PodReadinessGate', { conditionType: str() })),
  runtimeClassName: str(),
  enableServiceLinks: bool(),
  preemptionPolicy: str(),
  overhead: map(quantity(), 'v1.ResourceList'),
  topologySpreadConstraints: arr(TopologySpreadConstraint),
  setHostnameAsFQDN: bool(),
  os: obj('v1.PodOS', { name: str() }),
  hostUsers: bool(),
  schedulingGates: arr(obj('v1.PodSchedulingGate', { name: str() })),
  resourceClaims: arr(obj('v1.PodResourceClaim', { name: str(), resourceClaimName: str(), resourceClaimTemplateName: str() })),
  resources: ResourceRequirements,
});

export const PodTemplateSpec = obj('v1.PodTemplateSpec', { metadata: ObjectMeta, spec: PodSpec });

export const PodSchema = topLevel('v1.Pod', ObjectMeta, { spec: PodSpec, status: any('v1.PodStatus') });

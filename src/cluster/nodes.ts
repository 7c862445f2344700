/**
 * Node objects as a kubeadm node registers itself: well-known labels, the control-plane label and
 * taint, capacity and allocatable, conditions, addresses and node info.
 */
import { rfc3339 } from '../api/duration.ts';
import { formatBytes, parseBytes } from '../api/quantity.ts';
import type { Node, Taint } from '../api/types/index.ts';

export const KUBERNETES_VERSION = 'v1.32.2';
export const CONTAINER_RUNTIME = 'containerd://1.7.24';
export const OS_IMAGE = 'Ubuntu 24.04.1 LTS';
export const KERNEL_VERSION = '6.8.0-51-generic';
export const CONTROL_PLANE_LABEL = 'node-role.kubernetes.io/control-plane';
export const WORKER_LABEL = 'node-role.kubernetes.io/worker';
export const CONTROL_PLANE_TAINT: Taint = { key: CONTROL_PLANE_LABEL, effect: 'NoSchedule' };
/** The kubelet's default hard eviction threshold, subtracted from memory capacity. */
const EVICTION_MEMORY = 100 * 2 ** 20;

export interface NodeConfig {
  name: string;
  role?: 'worker' | 'control-plane';
  labels?: Record<string, string>;
  taints?: Taint[];
  capacity?: { cpu?: string | number; memory?: string; pods?: string | number };
  /** File name → manifest text, in this node's kubelet staticPodPath. */
  staticPods?: Record<string, string>;
}

export const DEFAULT_NODES: NodeConfig[] = [
  { name: 'master', role: 'control-plane' },
  { name: 'worker1', role: 'worker' },
  { name: 'worker2', role: 'worker' },
];

export function nodeLabels(cfg: NodeConfig): Record<string, string> {
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': cfg.name,
    'kubernetes.io/os': 'linux',
  };
  if ((cfg.role ?? 'worker') === 'control-plane') labels[CONTROL_PLANE_LABEL] = '';
  else labels[WORKER_LABEL] = 'worker';
  return { ...labels, ...(cfg.labels ?? {}) };
}


/**
 * The node's pod CIDR: a /24 of 10.244.0.0/16 for the first 256 nodes (kubeadm with flannel's
 * default), then /24s from the rest of 10.0.0.0/8, skipping the Service range 10.96.0.0/12.
 */
export function podCidr(index: number): string {
  if (index < 256) return `10.244.${index}.0/24`;
  const j = index - 256;
  const seconds = [...Array.from({ length: 96 }, (_, i) => i), ...Array.from({ length: 244 - 112 }, (_, i) => 112 + i)];
  return `10.${seconds[Math.floor(j / 256) % seconds.length]}.${j % 256}.0/24`;
}

/** The node's InternalIP on the machines' network (kind's 172.18.0.0/16), from .2. */
export function nodeIp(index: number): string {
  const n = index + 2;
  return `172.18.${Math.floor(n / 256)}.${n % 256}`;
}

export function buildNode(cfg: NodeConfig, index: number, now: number): Node {
  const cpu = String(cfg.capacity?.cpu ?? '4');
  const memBytes = parseBytes(cfg.capacity?.memory ?? '8Gi');
  const pods = String(cfg.capacity?.pods ?? '110');
  const taints: Taint[] = [...(cfg.taints ?? [])];
  if ((cfg.role ?? 'worker') === 'control-plane' && !taints.some((t) => t.key === CONTROL_PLANE_LABEL)) {
    taints.unshift({ ...CONTROL_PLANE_TAINT });
  }
  const ts = rfc3339(now);
  const ready = (type: string, status: 'True' | 'False', reason: string, message: string) => ({
    type,
    status,
    lastHeartbeatTime: ts,
    lastTransitionTime: ts,
    reason,
    message,
  });
  const capacity = {
    cpu,
    'ephemeral-storage': '102625208Ki',
    'hugepages-1Gi': '0',
    'hugepages-2Mi': '0',
    memory: formatBytes(memBytes),
    pods,
  };
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: cfg.name,
      labels: nodeLabels(cfg),
      annotations: {
        'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///var/run/containerd/containerd.sock',
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    },
    spec: {
      podCIDR: podCidr(index),
      podCIDRs: [podCidr(index)],
      ...(taints.length ? { taints } : {}),
    },
    status: {
      capacity,
      allocatable: { ...capacity, 'ephemeral-storage': '94580335255', memory: formatBytes(Math.max(0, memBytes - EVICTION_MEMORY)) },
      conditions: [
        ready('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
        ready('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
        ready('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
        ready('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
      ],
      addresses: [
        { type: 'InternalIP', address: nodeIp(index) },
        { type: 'Hostname', address: cfg.name },
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        architecture: 'amd64',
        bootID: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
        containerRuntimeVersion: CONTAINER_RUNTIME,
        kernelVersion: KERNEL_VERSION,
        kubeProxyVersion: KUBERNETES_VERSION,
        kubeletVersion: KUBERNETES_VERSION,
        machineID: `${(index + 1).toString(16).padStart(32, '0')}`,
        operatingSystem: 'linux',
        osImage: OS_IMAGE,
        systemUUID: `00000000-0000-4000-8000-${String(index + 1).padStart(12, '0')}`,
      },
    },
  };
}

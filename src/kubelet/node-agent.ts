/**
 * One node's kubelet: whether it is running, the images on the node, the pod IPs it hands out from
 * the node's podCIDR (the CNI's host-local allocator: the next free address after the last one
 * given, from .2, wrapping around), and a worker per pod.
 */
import type { ImageCatalog } from './images.ts';
import { ImagePuller } from './image-puller.ts';
import type { PodWorker } from './pod-worker.ts';

export class NodeAgent {
  up = true;
  readonly puller: ImagePuller;
  readonly workers = new Map<string, PodWorker>();
  private prefix: string;
  private lastHost = 1;
  private ipsByKey = new Map<string, number>();
  private usedHosts = new Set<number>();

  constructor(
    readonly name: string,
    podCIDR: string,
    readonly hostIP: string,
    catalog: ImageCatalog,
  ) {
    this.prefix = podCIDR.split('.').slice(0, 3).join('.');
    this.puller = new ImagePuller(catalog);
  }

  allocateIp(key: string): string {
    const existing = this.ipsByKey.get(key);
    if (existing !== undefined) return `${this.prefix}.${existing}`;
    for (let i = 0; i < 253; i++) {
      const host = ((this.lastHost - 1 + i) % 253) + 2;
      if (this.usedHosts.has(host)) continue;
      this.usedHosts.add(host);
      this.ipsByKey.set(key, host);
      this.lastHost = host;
      return `${this.prefix}.${host}`;
    }
    throw new Error(`node ${this.name} has no free pod IP in ${this.prefix}.0/24`);
  }

  releaseIp(key: string): void {
    const host = this.ipsByKey.get(key);
    if (host === undefined) return;
    this.ipsByKey.delete(key);
    this.usedHosts.delete(host);
  }
}

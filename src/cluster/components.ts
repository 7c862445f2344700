/**
 * The cluster's moving parts, registered with the controller manager in a fixed order so that
 * every run reacts in the same order.
 */
import { DeploymentController } from '../controllers/deployment/deployment-controller.ts';
import { createEndpointControllers } from '../controllers/endpoints/index.ts';
import { GarbageCollector } from '../controllers/garbage-collector.ts';
import { NamespaceController } from '../controllers/namespace.ts';
import { ReplicaSetController } from '../controllers/replicaset/replica-set.ts';
import { JobController } from '../controllers/job/job-controller.ts';
import { CronJobController } from '../controllers/cronjob/cronjob-controller.ts';
import { TtlAfterFinishedController } from '../controllers/ttl-after-finished.ts';
import { StatefulSetController } from '../controllers/statefulset/statefulset-controller.ts';
import { DaemonSetController } from '../controllers/daemonset/daemonset-controller.ts';
import { createVolumeControllers } from '../controllers/volume/index.ts';
import { RootCaPublisher } from '../controllers/root-ca-publisher.ts';
import { ServiceAccountController } from '../controllers/serviceaccount.ts';
import { NodeLifecycleController } from '../controllers/nodelifecycle/node-lifecycle.ts';
import { TaintEvictionController } from '../controllers/nodelifecycle/taint-eviction.ts';
import { PodGarbageCollector } from '../controllers/podgc.ts';
import { Kubelet } from '../kubelet/kubelet.ts';
import type { ContainerRuntimeApi } from '../kubelet/runtime-api.ts';
import { Scheduler } from '../scheduler/scheduler.ts';
import { StaticPodManager } from '../kubelet/static-pods.ts';
import type { Cluster } from './cluster.ts';
import { NodeManager } from './node-manager.ts';
import { NodeLeases } from './node-leases.ts';

export interface Components {
  nodes: NodeManager;
  scheduler: Scheduler;
  kubelet: Kubelet;
  /** What `kubectl logs` and `kubectl exec` call. */
  runtime: ContainerRuntimeApi;
  staticPods: StaticPodManager;
  /** The kubelets' node leases (kube-node-lease). */
  leases: NodeLeases;
}

export function registerComponents(cluster: Cluster): Components {
  const { store, api, clock, events, controllers } = cluster;
  controllers.register(new NamespaceController(store, api));
  controllers.register(new ServiceAccountController(store, api));
  controllers.register(new RootCaPublisher(store, api, cluster.seed));
  controllers.register(new GarbageCollector(store, api));
  controllers.register(new DeploymentController(store, api, clock, events));
  controllers.register(new ReplicaSetController(store, api, clock, events));
  controllers.register(new JobController(store, api, clock, events, controllers));
  controllers.register(new CronJobController(store, api, clock, events, controllers));
  controllers.register(new TtlAfterFinishedController(store, api, clock));
  controllers.register(new StatefulSetController(store, api, clock, events));
  controllers.register(new DaemonSetController(store, api, clock, events));
  for (const c of createVolumeControllers({ store, api, clock, events, seed: cluster.seed })) controllers.register(c);
  for (const c of createEndpointControllers({ store, api, events })) controllers.register(c);
  const leases = new NodeLeases(clock);
  controllers.register(new NodeLifecycleController(store, api, clock, events, leases));
  controllers.register(new TaintEvictionController(store, api, clock, events));
  controllers.register(new PodGarbageCollector(store, api, clock));
  const scheduler = new Scheduler(store, api, clock, events, cluster.random.scheduler);
  controllers.register(scheduler);
  const kubelet = new Kubelet({ store, api, clock, events, catalog: cluster.images, failures: cluster.random.failures, network: cluster.random.network, controllers });
  controllers.register(kubelet);
  const staticPods = new StaticPodManager({ store, api, clock, events, catalog: cluster.images, failures: cluster.random.failures, controllers, kubelet });
  const nodes = new NodeManager(cluster, kubelet, staticPods, leases);
  return { nodes, scheduler, kubelet, runtime: kubelet, staticPods, leases };
}

/**
 * Service endpoints: the Endpoints controller, the EndpointSlice controller, the mirroring of
 * hand-written Endpoints into slices, and the API server's reconciler of the `kubernetes`
 * Service's endpoints, created together in registration order.
 */
import type { ObjectStore } from '../../api/store.ts';
import type { ApiServer } from '../../apiserver/apiserver.ts';
import type { EventRecorder } from '../../events/recorder.ts';
import type { Controller } from '../runtime.ts';
import { ApiServerEndpointsReconciler } from './apiserver-endpoints.ts';
import { EndpointsController } from './endpoints-controller.ts';
import { EndpointSliceController } from './endpointslice-controller.ts';
import { EndpointSliceMirroringController } from './mirroring-controller.ts';

export { ApiServerEndpointsReconciler, apiServerAddresses, API_SERVER_PORT } from './apiserver-endpoints.ts';
export { EndpointsController } from './endpoints-controller.ts';
export { EndpointSliceController } from './endpointslice-controller.ts';
export { EndpointSliceMirroringController } from './mirroring-controller.ts';

export interface EndpointControllerDeps {
  store: ObjectStore;
  api: ApiServer;
  events: EventRecorder;
}

export function createEndpointControllers({ store, api, events }: EndpointControllerDeps): Controller[] {
  return [
    new EndpointsController(store, api, events),
    new EndpointSliceController(store, api, events),
    new EndpointSliceMirroringController(store, api),
    new ApiServerEndpointsReconciler(store, api),
  ];
}

/** discovery.k8s.io/v1 EndpointSlice schema. */
import { arr, bool, i32, obj, str, strMap, topLevel } from './dsl.ts';
import { ObjectMeta, ObjectReference } from './meta.ts';

const ForZone = obj('v1.ForZone', { name: str() });

export const EndpointSliceSchema = topLevel('v1.EndpointSlice', ObjectMeta, {
  addressType: str(),
  endpoints: arr(
    obj('v1.Endpoint', {
      addresses: arr(str()),
      conditions: obj('v1.EndpointConditions', { ready: bool(), serving: bool(), terminating: bool() }),
      hostname: str(),
      targetRef: ObjectReference,
      deprecatedTopology: strMap(),
      nodeName: str(),
      zone: str(),
      hints: obj('v1.EndpointHints', { forZones: arr(ForZone), forNodes: arr(obj('v1.ForNode', { name: str() })) }),
    }),
  ),
  ports: arr(obj('v1.EndpointPort', { name: str(), protocol: str(), port: i32(), appProtocol: str() })),
});

/** metav1 schemas: ObjectMeta, OwnerReference, LabelSelector, and the core ObjectReference. */
import { any, arr, bool, i64, obj, str, strMap, time } from './dsl.ts';

export const OwnerReference = obj('v1.OwnerReference', {
  apiVersion: str(),
  kind: str(),
  name: str(),
  uid: str(),
  controller: bool(),
  blockOwnerDeletion: bool(),
});

export const ObjectMeta = obj('v1.ObjectMeta', {
  name: str(),
  generateName: str(),
  namespace: str(),
  selfLink: str(),
  uid: str(),
  resourceVersion: str(),
  generation: i64(),
  creationTimestamp: time(),
  deletionTimestamp: time(),
  deletionGracePeriodSeconds: i64(),
  labels: strMap(),
  annotations: strMap(),
  ownerReferences: arr(OwnerReference),
  finalizers: arr(str()),
  managedFields: arr(any('v1.ManagedFieldsEntry')),
});

export const LabelSelectorRequirement = obj('v1.LabelSelectorRequirement', {
  key: str(),
  operator: str(),
  values: arr(str()),
});

export const LabelSelector = obj('v1.LabelSelector', {
  matchLabels: strMap(),
  matchExpressions: arr(LabelSelectorRequirement),
});

export const ObjectReference = obj('v1.ObjectReference', {
  kind: str(),
  namespace: str(),
  name: str(),
  uid: str(),
  apiVersion: str(),
  resourceVersion: str(),
  fieldPath: str(),
});

export const LocalObjectReference = obj('v1.LocalObjectReference', { name: str() });

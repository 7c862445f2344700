/**
 * The event recorder (client-go tools/record): writes core/v1 Event objects about an object, the
 * way `kubectl describe` and `kubectl get events` show them. An event identical to an earlier one
 * (same object, type, reason, message and source) is the same Event object with its count raised
 * and lastTimestamp moved, as the event correlator does. Events expire an hour after their last
 * occurrence (the API server's --event-ttl).
 */
import { rfc3339 } from '../api/duration.ts';
import type { KubeEvent, KubeObject } from '../api/types/index.ts';
import type { ApiServer } from '../apiserver/apiserver.ts';
import { ApiError } from '../apiserver/errors.ts';
import type { Clock } from '../sim/clock.ts';

export const EVENT_TTL_MS = 60 * 60 * 1000;

export interface EventSource {
  component: string;
  host?: string;
}

export type EventType = 'Normal' | 'Warning';

export class EventRecorder {
  private byIdentity = new Map<string, { namespace: string; name: string }>();
  /** Events with a pending expiry timer, and the identity each was recorded under. */
  private expiring = new Map<string, string>();
  private lastNano = 0n;

  constructor(
    private api: ApiServer,
    private clock: Clock,
  ) {}

  /** Records an event about `obj`; `fieldPath` names a container (`spec.containers{web}`). */
  event(obj: KubeObject, type: EventType, reason: string, message: string, source: EventSource, fieldPath?: string): void {
    const now = this.clock.now();
    const ts = rfc3339(now);
    const namespace = obj.metadata.namespace || 'default';
    const involved = {
      kind: obj.kind,
      namespace: obj.metadata.namespace,
      name: obj.metadata.name,
      uid: obj.metadata.uid,
      apiVersion: obj.apiVersion,
      resourceVersion: obj.metadata.resourceVersion,
      ...(fieldPath ? { fieldPath } : {}),
    };
    const identity = [obj.metadata.uid, obj.kind, namespace, obj.metadata.name, fieldPath ?? '', type, reason, message, source.component, source.host ?? ''].join('\u0000');
    const seen = this.byIdentity.get(identity);
    if (seen) {
      const existing = this.api.tryGet<KubeEvent>('Event', seen.namespace, seen.name);
      if (existing) {
        try {
          this.api.update({ ...existing, count: (existing.count ?? 1) + 1, lastTimestamp: ts } as KubeEvent);
        } catch (e) {
          if (!(e instanceof ApiError)) throw e;
        }
        return;
      }
    }
    const name = `${obj.metadata.name}.${this.nextNanoHex(now)}`;
    const ev: KubeEvent = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace },
      involvedObject: involved,
      reason,
      message,
      source: source.host ? { component: source.component, host: source.host } : { component: source.component },
      firstTimestamp: ts,
      lastTimestamp: ts,
      count: 1,
      type,
      eventTime: null,
      reportingComponent: source.component,
      reportingInstance: source.host ?? '',
    };
    // Events about objects in a namespace that is gone or going are dropped, as the API refuses them.
    const ns = this.api.tryGet('Namespace', '', namespace);
    if (!ns || ns.metadata.deletionTimestamp) return;
    try {
      this.api.create(ev);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      return;
    }
    this.byIdentity.set(identity, { namespace, name });
    this.expiring.set(`${namespace}/${name}`, identity);
    this.scheduleExpiry(namespace, name, this.clock.now() + EVENT_TTL_MS);
  }

  /** Unique, increasing nanosecond stamps: `<name>.<hex UnixNano>` as client-go names events. */
  private nextNanoHex(nowMs: number): string {
    let nano = BigInt(nowMs) * 1_000_000n;
    if (nano <= this.lastNano) nano = this.lastNano + 1n;
    this.lastNano = nano;
    return nano.toString(16);
  }

  /** One timer per event: at expiry it checks the last occurrence and waits again if it moved. */
  private scheduleExpiry(namespace: string, name: string, due: number): void {
    this.clock.at(due, () => {
      const ev = this.api.tryGet<KubeEvent>('Event', namespace, name);
      const key = `${namespace}/${name}`;
      const expires = ev ? Date.parse(ev.lastTimestamp ?? '') + EVENT_TTL_MS : 0;
      if (ev && expires > this.clock.now()) {
        this.scheduleExpiry(namespace, name, expires);
        return;
      }
      if (ev) this.api.delete('Event', namespace, name);
      const identity = this.expiring.get(key);
      if (identity !== undefined) this.byIdentity.delete(identity);
      this.expiring.delete(key);
    });
  }
}

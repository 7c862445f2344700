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
import type { Clock, TimerId } from '../sim/clock.ts';
import { DueQueue } from '../sim/due-queue.ts';

export const EVENT_TTL_MS = 60 * 60 * 1000;

export interface EventSource {
  component: string;
  host?: string;
}

export type EventType = 'Normal' | 'Warning';

interface Expiry {
  due: number;
  namespace: string;
  name: string;
  /** The involved object's key in byObject. */
  objectId: string;
}

export class EventRecorder {
  /** Names of the live events about each object (by uid), to find an identical one to count up. */
  private byObject = new Map<string, string[]>();
  /** Events waiting to expire: one clock timer for the earliest instead of one per event. */
  private expiry = new DueQueue<Expiry>();
  private timer: { id: TimerId; due: number } | undefined;
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
    const objectId = obj.metadata.uid || `${obj.kind}/${namespace}/${obj.metadata.name}`;
    const same = this.find(objectId, namespace, (ev) =>
      ev.type === type && ev.reason === reason && ev.message === message && ev.involvedObject.kind === obj.kind && ev.involvedObject.name === obj.metadata.name &&
      (ev.involvedObject.fieldPath ?? '') === (fieldPath ?? '') && ev.source?.component === source.component && (ev.source?.host ?? '') === (source.host ?? ''),
    );
    if (same) {
      try {
        this.api.update({ ...same, count: (same.count ?? 1) + 1, lastTimestamp: ts } as KubeEvent);
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
      }
      return;
    }
    const name = `${obj.metadata.name}.${this.nextNanoHex(now)}`;
    const ev: KubeEvent = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace },
      involvedObject: {
        kind: obj.kind,
        namespace: obj.metadata.namespace,
        name: obj.metadata.name,
        uid: obj.metadata.uid,
        apiVersion: obj.apiVersion,
        resourceVersion: obj.metadata.resourceVersion,
        ...(fieldPath ? { fieldPath } : {}),
      },
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
    const names = this.byObject.get(objectId);
    if (names) names.push(name);
    else this.byObject.set(objectId, [name]);
    this.expireAt(now + EVENT_TTL_MS, namespace, name, objectId);
  }

  /** The live event about an object that `same` accepts (forgetting the names of expired ones). */
  private find(objectId: string, namespace: string, same: (ev: KubeEvent) => boolean): KubeEvent | undefined {
    const names = this.byObject.get(objectId);
    if (!names) return undefined;
    for (const name of names) {
      const ev = this.api.tryGet<KubeEvent>('Event', namespace, name);
      if (ev && same(ev)) return ev;
    }
    return undefined;
  }

  /** Unique, increasing nanosecond stamps: `<name>.<hex UnixNano>` as client-go names events. */
  private nextNanoHex(nowMs: number): string {
    let nano = BigInt(nowMs) * 1_000_000n;
    if (nano <= this.lastNano) nano = this.lastNano + 1n;
    this.lastNano = nano;
    return nano.toString(16);
  }

  private expireAt(due: number, namespace: string, name: string, objectId: string): void {
    this.expiry.push({ due, namespace, name, objectId });
    this.arm();
  }

  /** Keeps one clock timer, at the earliest expiry. */
  private arm(): void {
    const head = this.expiry.peek();
    if (!head || (this.timer && this.timer.due <= head.due)) return;
    if (this.timer) this.clock.cancel(this.timer.id);
    const due = head.due;
    this.timer = { id: this.clock.at(due, () => this.expire()), due };
  }

  /** At expiry an event whose last occurrence moved waits again; the others are deleted. */
  private expire(): void {
    this.timer = undefined;
    const now = this.clock.now();
    for (let head = this.expiry.peek(); head && head.due <= now; head = this.expiry.peek()) {
      this.expiry.pop();
      const ev = this.api.tryGet<KubeEvent>('Event', head.namespace, head.name);
      const expires = ev ? Date.parse(ev.lastTimestamp ?? '') + EVENT_TTL_MS : 0;
      if (expires > now) {
        this.expiry.push({ ...head, due: expires });
        continue;
      }
      if (ev) this.api.delete('Event', head.namespace, head.name);
      this.forget(head.objectId, head.name);
    }
    this.arm();
  }

  private forget(objectId: string, name: string): void {
    const names = this.byObject.get(objectId);
    if (!names) return;
    const rest = names.filter((n) => n !== name);
    if (rest.length) this.byObject.set(objectId, rest);
    else this.byObject.delete(objectId);
  }
}

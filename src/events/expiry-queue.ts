/**
 * Events waiting to expire, earliest first (a binary min-heap by due time, then arrival order):
 * the recorder keeps one clock timer for the head instead of one per event, so 750,000 events
 * cost a small record each.
 */
export interface Expiry {
  due: number;
  seq: number;
  namespace: string;
  name: string;
  /** The involved object's id in the recorder. */
  objectId: string;
}

export class ExpiryQueue {
  private heap: Expiry[] = [];
  private seq = 0;

  get size(): number {
    return this.heap.length;
  }

  peek(): Expiry | undefined {
    return this.heap[0];
  }

  push(due: number, namespace: string, name: string, objectId: string): void {
    const h = this.heap;
    h.push({ due, seq: ++this.seq, namespace, name, objectId });
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!before(h[i], h[p])) break;
      [h[i], h[p]] = [h[p], h[i]];
      i = p;
    }
  }

  pop(): Expiry | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (h.length > 0 && last) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && before(h[l], h[m])) m = l;
        if (r < h.length && before(h[r], h[m])) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m], h[i]];
        i = m;
      }
    }
    return top;
  }
}

function before(a: Expiry, b: Expiry): boolean {
  return a.due < b.due || (a.due === b.due && a.seq < b.seq);
}

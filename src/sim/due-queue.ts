/**
 * Items ordered by due time, then by arrival (a binary min-heap): the clock's timers and the event
 * recorder's expiries. Equal due times come out in the order they went in, which keeps playback
 * deterministic.
 *
 *   push(a@5), push(b@3), push(c@5) → pop b, a, c
 */
export interface Due {
  due: number;
}

interface Entry<T> {
  item: T;
  due: number;
  seq: number;
}

export class DueQueue<T extends Due> {
  private heap: Entry<T>[] = [];
  private seq = 0;

  get size(): number {
    return this.heap.length;
  }

  peek(): T | undefined {
    return this.heap[0]?.item;
  }

  push(item: T): void {
    const h = this.heap;
    h.push({ item, due: item.due, seq: ++this.seq });
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!before(h[i], h[p])) break;
      [h[i], h[p]] = [h[p], h[i]];
      i = p;
    }
  }

  pop(): T | undefined {
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
    return top?.item;
  }
}

function before<T>(a: Entry<T>, b: Entry<T>): boolean {
  return a.due < b.due || (a.due === b.due && a.seq < b.seq);
}

/** A growable ring buffer: O(1) push and shift, with ordered insertion and removal by index. */

/** A double-ended FIFO over a power-of-two ring; grows by doubling, never shrinks. */
export class RingQueue<T> {
  private buf: (T | undefined)[];
  private head: number;
  private mask: number;
  /** Number of items. */
  length: number;

  constructor(capacity = 16) {
    let size = 4;
    while (size < capacity) size *= 2;
    this.buf = new Array(size).fill(undefined);
    this.head = 0;
    this.mask = size - 1;
    this.length = 0;
  }

  /** The item at position `i` (0 is the oldest). */
  get(i: number): T {
    return this.buf[(this.head + i) & this.mask] as T;
  }

  /** Appends an item. */
  push(item: T): void {
    if (this.length > this.mask) this.grow();
    this.buf[(this.head + this.length) & this.mask] = item;
    this.length++;
  }

  /** Removes and returns the oldest item (undefined when empty). */
  shift(): T | undefined {
    if (this.length === 0) return undefined;
    const item = this.buf[this.head];
    this.buf[this.head] = undefined;
    this.head = (this.head + 1) & this.mask;
    this.length--;
    return item;
  }

  /** Inserts an item at position `i`, moving later items back. */
  insertAt(i: number, item: T): void {
    if (this.length > this.mask) this.grow();
    for (let j = this.length; j > i; j--) {
      this.buf[(this.head + j) & this.mask] = this.buf[(this.head + j - 1) & this.mask];
    }
    this.buf[(this.head + i) & this.mask] = item;
    this.length++;
  }

  /** Removes the item at position `i`, moving later items forward. */
  removeAt(i: number): void {
    for (let j = i; j < this.length - 1; j++) {
      this.buf[(this.head + j) & this.mask] = this.buf[(this.head + j + 1) & this.mask];
    }
    this.buf[(this.head + this.length - 1) & this.mask] = undefined;
    this.length--;
  }

  /** Position of `item`, or -1. */
  indexOf(item: T): number {
    for (let i = 0; i < this.length; i++)
      if (this.buf[(this.head + i) & this.mask] === item) return i;
    return -1;
  }

  /** The items, oldest first, as a new array. */
  toArray(): T[] {
    const out: T[] = [];
    for (let i = 0; i < this.length; i++) out.push(this.buf[(this.head + i) & this.mask] as T);
    return out;
  }

  private grow(): void {
    const size = this.buf.length;
    const next: (T | undefined)[] = new Array(size * 2).fill(undefined);
    for (let i = 0; i < this.length; i++) next[i] = this.buf[(this.head + i) & this.mask];
    this.buf = next;
    this.head = 0;
    this.mask = size * 2 - 1;
  }
}

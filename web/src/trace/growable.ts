/** Append-only typed arrays that double when full, for building trace indexes fast. */

type Typed = Float64Array | Float32Array | Uint32Array;

/** A typed array that grows by doubling; `make` allocates the backing array. */
class Growable<A extends Typed> {
  data: A;
  length = 0;
  constructor(
    private readonly make: (size: number) => A,
    capacity: number,
  ) {
    this.data = make(capacity);
  }
  push(value: number): void {
    if (this.length === this.data.length) {
      const next = this.make(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }
  /** A trimmed copy holding exactly `length` values. */
  toArray(): A {
    return this.data.slice(0, this.length) as A;
  }
}

/** A growable Float64Array. */
export class GrowF64 extends Growable<Float64Array> {
  constructor(capacity = 1024) {
    super((n) => new Float64Array(n), capacity);
  }
}

/** A growable Float32Array. */
export class GrowF32 extends Growable<Float32Array> {
  constructor(capacity = 1024) {
    super((n) => new Float32Array(n), capacity);
  }
}

/** A growable Uint32Array. */
export class GrowU32 extends Growable<Uint32Array> {
  constructor(capacity = 1024) {
    super((n) => new Uint32Array(n), capacity);
  }
}

// A refilling bucket (TOKEN §5), the twin of the EVM RateLimit library: at most `capacity` may
// pass at once, and what passed comes back at `refillPerSecond`, by block time.
import { storageGet, storageSet } from "../assembly/host/storage";
import { concat, readU64, u64Bytes } from "../assembly/lib/bytes";
import { U256 } from "../assembly/lib/uint";

export class Bucket {
  constructor(
    public capacity: U256,
    public refillPerSecond: U256,
    /** What may pass as of `updatedAt`. */
    public available: U256,
    public updatedAt: u64,
  ) {}

  /** A bucket read from storage (an empty one, capacity 0, when absent). */
  static load(key: Uint8Array): Bucket {
    const value = storageGet(key);
    if (value === null) return new Bucket(new U256(), new U256(), new U256(), 0);
    return new Bucket(U256.fromBytes16(value, 0), U256.fromBytes16(value, 16), U256.fromBytes16(value, 32), readU64(value, 48));
  }

  /** Sets the limits and fills the bucket. */
  static configure(key: Uint8Array, capacity: U256, refillPerSecond: U256, now: u64): void {
    new Bucket(capacity, refillPerSecond, capacity, now).store(key);
  }

  store(key: Uint8Array): void {
    storageSet(key, concat([this.capacity.toBytes16(), this.refillPerSecond.toBytes16(), this.available.toBytes16(), u64Bytes(this.updatedAt)]));
  }

  /** What may pass at `now`. */
  current(now: u64): U256 {
    const elapsed = now > this.updatedAt ? now - this.updatedAt : 0;
    // elapsed < 2^64 and refill < 2^128: the product and the sum fit 256 bits.
    const refilled = this.available.add(U256.fromU64(elapsed).mul(this.refillPerSecond)!)!;
    return refilled.cmp(this.capacity) < 0 ? refilled : this.capacity;
  }

  /**
   * Takes `amount` if the bucket holds that much at `now` (and stores it under `key`); returns
   * what it held before (what may pass now): the caller compares to know whether it passed.
   */
  consume(key: Uint8Array, amount: U256, now: u64): U256 {
    const available = this.current(now);
    if (amount.cmp(available) > 0) return available;
    this.available = available.sub(amount);
    this.updatedAt = now;
    this.store(key);
    return available;
  }
}

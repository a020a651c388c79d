// CosmWasm's memory ABI: the host and the contract exchange bytes through Regions,
// `{ offset: u32, capacity: u32, length: u32 }` structs pointing at a buffer in the contract's
// memory. `allocate`/`deallocate` are the exports the host calls to make and free them.
//
// Memory comes from asc's stub runtime, a bump allocator that never frees. A real chain makes a
// fresh instance for each call, but an embedded VM may reuse one instance for many calls, so
// the whole heap is released when a new call starts: once a call has returned and the host has
// read its result, the next `allocate` (the host writing the next call's arguments) resets the
// heap. Nothing may therefore survive a call on the heap: no top-level `new` in any file
// (top-level values are constants or `memory.data` buffers).

/** Nesting depth of entry points running in this instance (a query may re-enter). */
let depth: i32 = 0;
/** Set when the outermost entry point returned: the heap is garbage from then on. */
let finished: bool = false;

/** Called first by every entry point. */
export function enterCall(): void {
  depth += 1;
}

/** Called by every entry point with its result Region, and by abort. */
export function leaveCall(): void {
  if (depth > 0) depth -= 1;
  if (depth == 0) finished = true;
}

/** Called by abort: the trap unwinds every entry point at once. */
export function abandonCalls(): void {
  depth = 0;
  finished = true;
}

@unmanaged
export class Region {
  offset: u32;
  capacity: u32;
  length: u32;
}

/** A new Region with a fresh buffer of `capacity` bytes, length 0. */
export function newRegion(capacity: u32): Region {
  const region = changetype<Region>(__alloc(offsetof<Region>()));
  region.offset = <u32>__alloc(capacity);
  region.capacity = capacity;
  region.length = 0;
  return region;
}

/** A Region holding a copy of `bytes`. */
export function regionOf(bytes: Uint8Array): Region {
  const region = newRegion(<u32>bytes.length);
  memory.copy(region.offset, bytes.dataStart, bytes.length);
  region.length = <u32>bytes.length;
  return region;
}

/** A copy of the bytes a Region holds (the host wrote them). */
export function bytesOf(ptr: u32): Uint8Array {
  const region = changetype<Region>(ptr);
  const bytes = new Uint8Array(region.length);
  memory.copy(bytes.dataStart, region.offset, region.length);
  return bytes;
}

export function allocate(size: u32): u32 {
  if (finished) {
    finished = false;
    __reset();
  }
  return changetype<u32>(newRegion(size));
}

export function deallocate(ptr: u32): void {
  // Bump allocator: memory is released as a whole when the next call starts.
}

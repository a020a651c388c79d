// Building long strings in linear memory.
//
// asc compiles `Array<string>#join` (at --shrinkLevel ≥ 1, as scripts/buildWasm.ts builds) into a
// loop of `result += part`, which copies the whole result at every part. With the stub runtime's
// bump allocator nothing is freed within a call, so that is quadratic memory: the hex of a
// 2 KiB message took 16 MiB and a 32 KiB body ran the VM out of memory. Every join goes
// through `joinStrings`, and long byte strings are written as ASCII bytes and decoded once.

/** `parts` joined with `separator`, in one allocation. */
export function joinStrings(parts: Array<string>, separator: string = ""): string {
  const count = parts.length;
  if (count == 0) return "";
  const sepBytes = <usize>separator.length << 1;
  // Each part is in memory, so the total is below 2^32 bytes.
  let total: usize = sepBytes * <usize>(count - 1);
  for (let i = 0; i < count; i++) total += <usize>parts[i].length << 1;
  const out = changetype<string>(__new(total, idof<string>()));
  let offset = changetype<usize>(out);
  for (let i = 0; i < count; i++) {
    if (i > 0 && sepBytes > 0) {
      memory.copy(offset, changetype<usize>(separator), sepBytes);
      offset += sepBytes;
    }
    const part = parts[i];
    const bytes = <usize>part.length << 1;
    memory.copy(offset, changetype<usize>(part), bytes);
    offset += bytes;
  }
  return out;
}

/** The string of ASCII `bytes` (each below 0x80), in one allocation. */
export function asciiString(bytes: Uint8Array): string {
  const length = bytes.length;
  const out = changetype<string>(__new(<usize>length << 1, idof<string>()));
  const start = changetype<usize>(out);
  for (let i = 0; i < length; i++) store<u16>(start + (<usize>i << 1), <u16>bytes[i]);
  return out;
}

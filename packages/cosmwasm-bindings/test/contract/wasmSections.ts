// A small WebAssembly binary reader for the static checks: sections, imports, exports, memories,
// function local counts, and every instruction's opcode (to find non-MVP ones). Covers the
// instruction set asc emits with the features the build leaves enabled.

export type Import = { module: string; name: string; kind: number }
export type Export = { name: string; kind: number; index: number }
export type Limits = { initial: number; maximum: number | undefined }
export type Opcode = { function: number; opcode: string }
export type WasmModule = {
  sectionIds: number[]
  imports: Import[]
  exports: Export[]
  memories: Limits[]
  tables: Limits[]
  /** Declared locals per function body (parameters excluded). */
  locals: number[]
  /** Parameter counts per function type, by type index. */
  typeParams: number[]
  typeResults: number[]
  functionTypes: number[]
  /** Instructions outside the MVP: 0xfc-prefixed (bulk memory, nontrapping f2i), sign-extension, … */
  nonMvpOpcodes: Opcode[]
  /** Whether any f32/f64 value type or instruction appears. */
  usesFloats: boolean
  passiveDataSegments: number
}

class Reader {
  pos = 0
  constructor(readonly bytes: Uint8Array) {}
  byte(): number {
    const b = this.bytes[this.pos++]
    if (b === undefined) throw new Error('unexpected end of wasm')
    return b
  }
  u32(): number {
    let result = 0
    let shift = 0
    for (;;) {
      const b = this.byte()
      result += (b & 0x7f) * 2 ** shift
      if ((b & 0x80) === 0) return result
      shift += 7
    }
  }
  /** Skips a signed LEB128 (i32/i64 immediates). */
  skipLeb(): void {
    while (this.byte() & 0x80) {}
  }
  name(): string {
    const length = this.u32()
    const text = new TextDecoder().decode(this.bytes.subarray(this.pos, this.pos + length))
    this.pos += length
    return text
  }
  limits(): Limits {
    const flags = this.byte()
    const initial = this.u32()
    return { initial, maximum: flags & 1 ? this.u32() : undefined }
  }
}

const FLOAT_TYPES = new Set([0x7d, 0x7c])
// MVP opcodes with a memarg (align, offset).
const isMemory = (op: number) => op >= 0x28 && op <= 0x3e
// MVP numeric opcodes on floats (f32/f64 arithmetic, comparisons, conversions).
const isFloatOp = (op: number) =>
  (op >= 0x5b && op <= 0x66) ||
  (op >= 0x8b && op <= 0xa6) ||
  (op >= 0xa8 && op <= 0xbf && op !== 0xac && op !== 0xad && op !== 0xa7)

function readCode(r: Reader, end: number, fn: number, module: WasmModule): void {
  while (r.pos < end) {
    const op = r.byte()
    if (op === 0x02 || op === 0x03 || op === 0x04) {
      const type = r.byte()
      if (type !== 0x40 && !(type >= 0x7b && type <= 0x7f)) {
        r.pos--
        r.skipLeb()
      }
      if (FLOAT_TYPES.has(type)) module.usesFloats = true
    } else if (op === 0x0c || op === 0x0d || op === 0x10 || (op >= 0x20 && op <= 0x24)) r.u32()
    else if (op === 0x0e) {
      const count = r.u32()
      for (let i = 0; i <= count; i++) r.u32()
    } else if (op === 0x11) {
      r.u32()
      r.u32()
    } else if (isMemory(op)) {
      r.u32()
      r.u32()
      if ((op >= 0x2a && op <= 0x2b) || op === 0x38 || op === 0x39) module.usesFloats = true
    } else if (op === 0x3f || op === 0x40) r.byte()
    else if (op === 0x41 || op === 0x42) r.skipLeb()
    else if (op === 0x43) {
      r.pos += 4
      module.usesFloats = true
    } else if (op === 0x44) {
      r.pos += 8
      module.usesFloats = true
    } else if (op === 0x1c) {
      module.nonMvpOpcodes.push({ function: fn, opcode: 'select t' })
      const n = r.u32()
      r.pos += n
    } else if (op >= 0xc0 && op <= 0xc4)
      module.nonMvpOpcodes.push({ function: fn, opcode: `sign-extension 0x${op.toString(16)}` })
    else if (op === 0xfc) {
      const sub = r.u32()
      module.nonMvpOpcodes.push({
        function: fn,
        opcode: `0xfc ${sub} (${sub < 8 ? 'nontrapping f2i' : 'bulk memory'})`,
      })
      return // immediates vary; the function is already flagged
    } else if (op === 0xfd || op === 0xfe || op === 0xd0 || op === 0xd1 || op === 0xd2) {
      module.nonMvpOpcodes.push({ function: fn, opcode: `0x${op.toString(16)}` })
      return
    } else if (isFloatOp(op)) module.usesFloats = true
    // Every other MVP opcode has no immediate.
  }
}

export function parseWasm(bytes: Uint8Array): WasmModule {
  const r = new Reader(bytes)
  // Magic `\0asm` and version 1, fixed-width.
  const header = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]
  if (header.some((b, i) => bytes[i] !== b)) throw new Error('not a wasm module')
  r.pos = 8
  const module: WasmModule = {
    sectionIds: [],
    imports: [],
    exports: [],
    memories: [],
    tables: [],
    locals: [],
    typeParams: [],
    typeResults: [],
    functionTypes: [],
    nonMvpOpcodes: [],
    usesFloats: false,
    passiveDataSegments: 0,
  }
  while (r.pos < bytes.length) {
    const id = r.byte()
    const size = r.u32()
    const end = r.pos + size
    module.sectionIds.push(id)
    if (id === 1) {
      for (let n = r.u32(), i = 0; i < n; i++) {
        r.byte() // 0x60
        const params = r.u32()
        for (let p = 0; p < params; p++) if (FLOAT_TYPES.has(r.byte())) module.usesFloats = true
        const results = r.u32()
        for (let p = 0; p < results; p++) if (FLOAT_TYPES.has(r.byte())) module.usesFloats = true
        module.typeParams.push(params)
        module.typeResults.push(results)
      }
    } else if (id === 2) {
      for (let n = r.u32(), i = 0; i < n; i++) {
        const imp = { module: r.name(), name: r.name(), kind: r.byte() }
        module.imports.push(imp)
        if (imp.kind === 0) r.u32()
        else if (imp.kind === 1) {
          r.byte()
          r.limits()
        } else if (imp.kind === 2) module.memories.push(r.limits())
        else {
          r.byte()
          r.byte()
        }
      }
    } else if (id === 3) {
      for (let n = r.u32(), i = 0; i < n; i++) module.functionTypes.push(r.u32())
    } else if (id === 4) {
      for (let n = r.u32(), i = 0; i < n; i++) {
        r.byte()
        module.tables.push(r.limits())
      }
    } else if (id === 5) {
      for (let n = r.u32(), i = 0; i < n; i++) module.memories.push(r.limits())
    } else if (id === 7) {
      for (let n = r.u32(), i = 0; i < n; i++)
        module.exports.push({ name: r.name(), kind: r.byte(), index: r.u32() })
    } else if (id === 10) {
      for (let n = r.u32(), i = 0; i < n; i++) {
        const bodySize = r.u32()
        const bodyEnd = r.pos + bodySize
        let locals = 0
        for (let groups = r.u32(), g = 0; g < groups; g++) {
          locals += r.u32()
          if (FLOAT_TYPES.has(r.byte())) module.usesFloats = true
        }
        module.locals.push(locals)
        readCode(r, bodyEnd, i, module)
        r.pos = bodyEnd
      }
    } else if (id === 11) {
      for (let n = r.u32(), i = 0; i < n; i++) {
        const flags = r.u32()
        if (flags === 1) module.passiveDataSegments++
        if (flags === 2) r.u32()
        if (flags !== 1) {
          // Offset expression: one constant instruction, then `end`.
          r.byte()
          r.skipLeb()
          r.byte()
        }
        const length = r.u32()
        r.pos += length
      }
    }
    r.pos = end
  }
  return module
}

// The built contracts against the static checks a real CosmWasm VM runs before it accepts code
// (cosmwasm-vm's check_wasm). Each assertion names the cosmwasm-vm rule it mirrors.
import { readFileSync } from 'node:fs'
import { wasmPath } from '@ferry/cosmwasm-bindings/harness'
import { describe, expect, it } from 'vitest'
import { parseWasm } from './wasmSections.ts'

// cosmwasm-vm 2.x `compatibility.rs` SUPPORTED_IMPORTS (without the BLS12-381/secp256r1 ones,
// which need newer chains).
const SUPPORTED_IMPORTS = new Set([
  'env.abort',
  'env.db_read',
  'env.db_write',
  'env.db_remove',
  'env.db_scan',
  'env.db_next',
  'env.db_next_key',
  'env.db_next_value',
  'env.addr_validate',
  'env.addr_canonicalize',
  'env.addr_humanize',
  'env.secp256k1_verify',
  'env.secp256k1_recover_pubkey',
  'env.ed25519_verify',
  'env.ed25519_batch_verify',
  'env.debug',
  'env.query_chain',
])
const SECTION_START = 8
const SECTION_DATA_COUNT = 12

for (const [name, entryPoints] of [
  ['endpoint', ['instantiate', 'execute', 'query', 'reply', 'migrate']],
  ['test-recipient', ['instantiate', 'execute', 'query']],
  ['ping-pong', ['instantiate', 'execute', 'query']],
  ['ica-router', ['instantiate', 'execute', 'query', 'reply']],
  ['ica-factory', ['instantiate', 'execute', 'query']],
  ['ica-account', ['instantiate', 'execute', 'query', 'reply']],
  ['token-bridge', ['instantiate', 'execute', 'query']],
  ['codec-probe', ['instantiate', 'query']],
] as const) {
  describe(`${name}.wasm static checks`, () => {
    const bytes = readFileSync(wasmPath(name))
    const wasm = parseWasm(bytes)
    const exportNames = wasm.exports.map((e) => e.name)

    it("passes the host's own validation (WebAssembly.validate)", () => {
      // CAST: Node has the WebAssembly global; this package's TS config has no DOM lib to type it.
      const { WebAssembly: wasmApi } = globalThis as unknown as {
        WebAssembly: { validate(b: Uint8Array): boolean }
      }
      expect(wasmApi.validate(bytes)).toBe(true)
    })

    it('exports exactly one interface_version_*, and it is interface_version_8 (check_interface_version)', () => {
      expect(exportNames.filter((n) => n.startsWith('interface_version_'))).toEqual([
        'interface_version_8',
      ])
    })

    it('exports allocate and deallocate (check_wasm_exports REQUIRED_EXPORTS) and its entry points', () => {
      for (const required of ['allocate', 'deallocate', ...entryPoints])
        expect(exportNames).toContain(required)
    })

    it('imports only functions the VM provides, no hashing imports (check_wasm_imports SUPPORTED_IMPORTS)', () => {
      for (const imp of wasm.imports) {
        expect(imp.kind, `${imp.module}.${imp.name} must be a function`).toBe(0)
        expect(
          SUPPORTED_IMPORTS.has(`${imp.module}.${imp.name}`),
          `${imp.module}.${imp.name}`,
        ).toBe(true)
      }
      expect(wasm.imports.length).toBeLessThanOrEqual(100) // DEFAULT_MAX_IMPORTS
    })

    it('has one memory, not imported, with no maximum, initial ≤ 512 pages (check_wasm_memories)', () => {
      expect(wasm.memories).toHaveLength(1)
      expect(wasm.imports.some((i) => i.kind === 2)).toBe(false)
      expect(wasm.memories[0]?.maximum).toBeUndefined()
      expect(wasm.memories[0]?.initial).toBeLessThanOrEqual(512)
      expect(exportNames).toContain('memory')
    })

    it('has at most one table of ≤ 2,500 entries (check_wasm_tables)', () => {
      expect(wasm.tables.length).toBeLessThanOrEqual(1)
      for (const t of wasm.tables) expect(t.initial).toBeLessThanOrEqual(2500)
    })

    it('has no start section: it would run without gas metering (entry points call start)', () => {
      expect(wasm.sectionIds).not.toContain(SECTION_START)
      expect(exportNames).not.toContain('_start')
    })

    it('uses no bulk-memory, sign-extension, non-trapping f2i or other post-MVP instruction (parsed_wasm.rs validator features)', () => {
      expect(wasm.nonMvpOpcodes).toEqual([])
      expect(wasm.sectionIds).not.toContain(SECTION_DATA_COUNT)
      expect(wasm.passiveDataSegments).toBe(0)
    })

    it('exports and imports no globals (mutable-globals disabled)', () => {
      expect(wasm.exports.filter((e) => e.kind === 3)).toEqual([])
      expect(wasm.imports.filter((i) => i.kind === 3)).toEqual([])
    })

    it('uses no floats (non-deterministic across hosts; nothing here needs them)', () => {
      expect(wasm.usesFloats).toBe(false)
    })

    it('keeps ≤ 100 locals and ≤ 100 params per function, one result at most (check_wasm_functions)', () => {
      const worst = Math.max(...wasm.locals)
      expect(worst).toBeLessThanOrEqual(100)
      for (const type of wasm.functionTypes) {
        expect(wasm.typeParams[type]).toBeLessThanOrEqual(100) // DEFAULT_MAX_FUNCTION_PARAMS
        expect(wasm.typeResults[type]).toBeLessThanOrEqual(1) // DEFAULT_MAX_FUNCTION_RESULTS
      }
      expect(wasm.functionTypes.length).toBeLessThanOrEqual(20_000) // DEFAULT_MAX_FUNCTIONS
    })
  })
}

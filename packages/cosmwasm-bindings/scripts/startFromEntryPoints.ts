// asc transform: makes every exported function run the module's start function first.
//
// CosmWasm runs a wasm start section with zero gas and rejects such contracts on some chains, so
// the build passes `--exportStart` (no start section). Then nothing would initialise the globals
// (the allocator's heap offset among them). asc's start function is idempotent (it checks a
// `~started` flag), so calling it at the top of each export is safe and cheap; each export is
// replaced by a wrapper `<name>~entry` that calls `~start`, then the original.
import type { Transform } from 'assemblyscript/transform'

type Binaryen = Transform['binaryen']
type Module = Parameters<NonNullable<Transform['afterCompile']>>[0]

/** The wasm name of asc's start function, as `--exportStart` leaves it. */
const START = '~start'

export class StartFromEntryPoints {
  // Assigned by asc when it instantiates the transform class.
  declare binaryen: Binaryen

  afterCompile(module: Module): void {
    const binaryen = this.binaryen
    if (module.getFunction(START) === 0) return
    const count = module.getNumExports()
    const exports: { name: string; value: string }[] = []
    const startExports: string[] = []
    for (let i = 0; i < count; i++) {
      const info = binaryen.getExportInfo(module.getExportByIndex(i))
      if (info.kind !== binaryen.ExternalFunction) continue
      if (info.value === START) startExports.push(info.name)
      else exports.push({ name: info.name, value: info.value })
    }
    // The host must not see the start function: the entry points run it.
    for (const name of startExports) module.removeExport(name)
    for (const { name, value } of exports) {
      const fn = binaryen.getFunctionInfo(module.getFunction(value))
      const params = binaryen.expandType(fn.params)
      const args = params.map((type: number, i: number) => module.local.get(i, type))
      const call = module.call(value, args, fn.results)
      const body = module.block(null, [module.call(START, [], binaryen.none), call], fn.results)
      module.addFunction(`${value}~entry`, fn.params, fn.results, [], body)
      module.removeExport(name)
      module.addFunctionExport(`${value}~entry`, name)
    }
  }
}

import { setFlagsFromString } from 'node:v8'

/**
 * Has V8 run WebAssembly on its baseline compiler (Liftoff) only, for the whole process, from the
 * next module compiled on. The `ferry` CLI calls it first thing, because of the embedded PGlite
 * store: by default V8 also recompiles the functions that run hot with its optimising compiler
 * (TurboFan), on worker threads, and for PGlite's 9 MB module that left about 50 MB in those
 * threads' malloc arenas, with 40–50 MB more for a moment while one of its large functions
 * compiled, at times mid-run. On Liftoff code PGlite's CPU-bound queries run 15–35% slower (a
 * scan of 100,000 rows 80 ms instead of 60), small beside a relayer's chain round trips.
 *
 * Not called by the library itself: V8's flags belong to the process, and a program embedding the
 * relayer (or running other WebAssembly) decides for itself. V8 files the flag under testing; it
 * changes which compiler runs, not what the code does.
 *
 * @example
 * ```ts
 * import { useBaselineWasmCompiler } from '@ferry/relayer'
 *
 * useBaselineWasmCompiler() // before the store opens
 * const store = await openStore('file:./ferry-data')
 * ```
 */
export function useBaselineWasmCompiler(): void {
  setFlagsFromString('--liftoff-only')
}

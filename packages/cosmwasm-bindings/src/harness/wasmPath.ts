import { join } from 'node:path'

// src/harness or dist/harness: the package's folder is two levels up either way.
const packageRoot = join(import.meta.dirname, '..', '..')

/**
 * The path of a contract the package builds into `build/` (`endpoint`, `test-recipient`, the
 * interchain account contracts `ica-router`, `ica-factory` and `ica-account`, `token-bridge`; in the workspace
 * also `ping-pong` and `codec-probe`, which are not published).
 *
 * @example
 * const code = readFileSync(wasmPath('endpoint'))
 */
export function wasmPath(name: string): string {
  return join(packageRoot, 'build', `${name}.wasm`)
}

import { readFile } from 'node:fs/promises'
import type { EmbeddedChain } from '../embedded/createEmbeddedChain.js'

/** A contract this package builds into `build/<name>.wasm` and exports as `./<name>.wasm`. */
export type PackageContract = 'endpoint' | 'test-recipient'

const stored = new WeakMap<EmbeddedChain, Map<PackageContract, Promise<number>>>()

/**
 * The code id of the package's `contract` on `chain`: stored by `sender` the first time, the
 * same id after (a failed store is tried again next time). Reads the wasm from the package's
 * `build/` (`src/testing` and `dist/testing` are both two levels below it).
 *
 * @example
 * const codeId = await storeCodeOnce(chain, owner, 'endpoint')
 */
export function storeCodeOnce(
  chain: EmbeddedChain,
  sender: string,
  contract: PackageContract,
): Promise<number> {
  const codes = stored.get(chain) ?? new Map<PackageContract, Promise<number>>()
  stored.set(chain, codes)
  const known = codes.get(contract)
  if (known !== undefined) return known
  const codeId = readFile(new URL(`../../build/${contract}.wasm`, import.meta.url)).then((wasm) =>
    chain.storeCode(sender, wasm),
  )
  codes.set(contract, codeId)
  codeId.catch(() => codes.delete(contract))
  return codeId
}

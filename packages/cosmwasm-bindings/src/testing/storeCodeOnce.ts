import { readFile } from 'node:fs/promises'
import type { CosmWasmDeployer } from './types.js'

/** A contract this package builds into `build/<name>.wasm` and exports as `./<name>.wasm`. */
export type PackageContract =
  | 'endpoint'
  | 'test-recipient'
  | 'ica-router'
  | 'ica-factory'
  | 'ica-account'
  | 'token-bridge'
  | 'htlc'

const stored = new WeakMap<CosmWasmDeployer, Map<PackageContract, Promise<number>>>()

/**
 * The code id of the package's `contract` through `deployer`: stored by `sender` the first time,
 * the same id after (a failed store is tried again next time). Remembered per deployer object
 * (an embedded chain, or one `deployerFromSigningClient`), which stands for its chain. Reads the
 * wasm from the package's `build/` (`src/testing` and `dist/testing` are both two levels below it).
 *
 * @example
 * const codeId = await storeCodeOnce(chain, owner, 'endpoint')
 */
export function storeCodeOnce(
  deployer: CosmWasmDeployer,
  sender: string,
  contract: PackageContract,
): Promise<number> {
  const codes = stored.get(deployer) ?? new Map<PackageContract, Promise<number>>()
  stored.set(deployer, codes)
  const known = codes.get(contract)
  if (known !== undefined) return known
  const codeId = readFile(new URL(`../../build/${contract}.wasm`, import.meta.url)).then((wasm) =>
    deployer.storeCode(sender, wasm),
  )
  codes.set(contract, codeId)
  codeId.catch(() => codes.delete(contract))
  return codeId
}

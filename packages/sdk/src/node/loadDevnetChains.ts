import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import {
  type DevnetChainsParameters,
  type DevnetChainsReturnType,
  devnetChains,
} from '../devnet/devnetChains.js'

export type LoadDevnetChainsParameters = Omit<DevnetChainsParameters, 'source'> & {
  /** The devnet file. Default `.devnet/devnet.json` in the working directory. */
  path?: string | undefined
}

/**
 * Reads a running devnet's file (`pnpm devnet` writes `.devnet/devnet.json`) into client
 * parameters: its reachable chains, the relayer API and the validators. Node only
 * (`@ferry/sdk/node`); in a browser, fetch the file and pass it to `devnetChains`.
 *
 * @example
 * import { createFerryClient } from '@ferry/sdk'
 * import { loadDevnetChains } from '@ferry/sdk/node'
 * const client = createFerryClient(await loadDevnetChains({ account }))
 */
export async function loadDevnetChains({
  path = '.devnet/devnet.json',
  ...parameters
}: LoadDevnetChainsParameters = {}): Promise<DevnetChainsReturnType> {
  const source = resolve(path)
  return devnetChains(JSON.parse(await readFile(source, 'utf8')), { ...parameters, source })
}

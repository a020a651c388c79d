// What the examples' script entries share: a client for the devnet `pnpm devnet` runs, read from
// its file, signing as a funded Hardhat account, and its EVM chains' test recipient apps.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { createFerryClient, type DevnetFile, devnetChains, type FerryClient } from '@ferry/sdk'
import { HARDHAT_KEYS } from '@ferry/testkit'
import type { Hex } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'

export type ConnectDevnetReturnType = {
  client: FerryClient
  /** The test recipient app on the EVM chain `name` (the devnet file's `apps.testRecipient`). */
  recipientOn(name: string): Hex
  /** The counter to call remotely on the EVM chain `name` (`apps.remoteCallTarget`). */
  counterOn(name: string): Hex
}

/**
 * A client for a running devnet, from `FERRY_DEVNET_FILE` (default: the repository's
 * `.devnet/devnet.json`, which `pnpm devnet` writes), signing with `FERRY_EXAMPLE_KEY` (default
 * Hardhat's account #3), and where the devnet's test recipients are.
 *
 * @example
 * const { client, recipientOn } = await connectDevnet()
 * await sendAndTrack(client, { from: 'evm-a', to: 'evm-b', recipient: recipientOn('evm-b'), text: 'hi' })
 */
export async function connectDevnet(): Promise<ConnectDevnetReturnType> {
  const path = process.env.FERRY_DEVNET_FILE ?? join(import.meta.dirname, '../.devnet/devnet.json')
  // CAST: an environment variable is a string; privateKeyToAccount rejects one that is no key.
  const key = (process.env.FERRY_EXAMPLE_KEY ?? HARDHAT_KEYS[3]) as Hex
  const json: unknown = JSON.parse(await readFile(path, 'utf8'))
  const client = createFerryClient(
    devnetChains(json, { account: privateKeyToAccount(key), source: path }),
  )
  // CAST: devnetChains just checked the file's shape.
  const file = json as DevnetFile
  const appOn = (name: string, app: string): Hex => {
    const chain = file.chains.find((candidate) => candidate.name === name)
    const address = chain?.kind === 'evm' ? chain.apps[app] : undefined
    if (!address?.startsWith('0x')) throw new Error(`the devnet has no EVM ${app} on ${name}`)
    // CAST: an EVM app's address, its prefix checked just above.
    return address as Hex
  }
  const recipientOn = (name: string) => appOn(name, 'testRecipient')
  const counterOn = (name: string) => appOn(name, 'remoteCallTarget')
  return { client, recipientOn, counterOn }
}

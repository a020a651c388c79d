// Self-relay over the devnet with its relayer (and so its API) stopped: getMessage says why a
// message waits and what helps, and relayMessage delivers it from a user's own wallet or
// executor, with a proof built from the validators and the origin's events alone.

import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fromEmbeddedChain } from '@ferry/cosmwasm-bindings'
import {
  AlreadyDeliveredError,
  bech32ToBytes32,
  createFerryClient,
  evmAddressToBytes32,
  type FerryChain,
  getMessage,
  MessageStatus,
  MissingSignerError,
  relayMessage,
} from '@ferry/sdk'
import { HARDHAT_KEYS, TEST_COSMWASM_ACCOUNTS } from '@ferry/testkit'
import { pino } from 'pino'
import { createWalletClient, type Hex, http } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { type Devnet, startDevnet } from '../../src/startDevnet.js'
import {
  evmChain,
  ferryChains,
  sendFromEvm,
  testRecipient,
  validatorsOf,
  wasmChain,
} from './sdkWorld.js'

let devnet: Devnet
beforeAll(async () => {
  devnet = await startDevnet({
    logger: pino({ level: 'silent' }),
    apiPort: 0,
    dir: mkdtempSync(join(tmpdir(), 'ferry-sdk-relay-')),
    blockTimeMs: 300,
  })
  await devnet.stopRelayer()
})
afterAll(async () => {
  await devnet?.stop()
})

/** A funded Hardhat account that is neither the deployer nor a relayer. */
const user = privateKeyToAccount(HARDHAT_KEYS[3])

/** The devnet's chains with the user's signers on them; the API URL of the stopped relayer. */
function userClient({ signers = true } = {}) {
  const chains = ferryChains(devnet).map((chain): FerryChain => {
    if (!signers) return chain
    if (chain.kind === 'evm') {
      const rpcUrl = evmChain(devnet, chain.name).rpcUrl
      const walletClient = createWalletClient({
        account: user,
        chain: evmChain(devnet, chain.name).wallet.chain,
        transport: http(rpcUrl),
      })
      return { ...chain, walletClient }
    }
    const node = wasmChain(devnet).node
    if (node.type !== 'embedded') throw new Error('embedded chain expected')
    return { ...chain, executor: fromEmbeddedChain(node.chain, TEST_COSMWASM_ACCOUNTS.user) }
  })
  return createFerryClient({ chains, apiUrl: devnet.file.apiUrl, validators: validatorsOf(devnet) })
}

/** Polls getMessage until it recommends self-relay; returns every state type seen. */
async function untilRelayAdvised(id: Hex): Promise<string[]> {
  const seen: string[] = []
  for (const deadline = Date.now() + 60_000; Date.now() < deadline; ) {
    const state = await getMessage(userClient(), { id })
    if (seen.at(-1) !== state.type) seen.push(state.type)
    if (state.recovery?.action === 'relayMessage') return seen
    await new Promise((resolve) => setTimeout(resolve, 300))
  }
  throw new Error(`never advised to relay: ${seen.join(', ')}`)
}

test('with no relayer, getMessage advises self-relay and relayMessage delivers EVM → EVM from a user wallet', async () => {
  const [a, b] = [evmChain(devnet, 'evm-a'), evmChain(devnet, 'evm-b')]
  const id = await sendFromEvm(a, {
    destination: b.domain,
    // CAST: EVM test recipients are addresses
    recipient: evmAddressToBytes32(testRecipient(b) as Hex),
    body: 'ok:self-relayed',
  })
  const seen = await untilRelayAdvised(id)
  expect(seen.at(-1)).toBe('in_flight')
  for (const type of seen)
    expect(['pending_finality', 'waiting_signatures', 'in_flight']).toContain(type)

  await expect(relayMessage(userClient({ signers: false }), { id })).rejects.toBeInstanceOf(
    MissingSignerError,
  )
  const { transactionHash, status } = await relayMessage(userClient(), { id })
  expect(status).toBe(MessageStatus.Executed)
  const receipt = await b.client.getTransactionReceipt({ hash: transactionHash as Hex })
  expect(receipt.from.toLowerCase()).toBe(user.address.toLowerCase())
  expect(await getMessage(userClient(), { id })).toMatchObject({ type: 'executed' })
  await expect(relayMessage(userClient(), { id })).rejects.toBeInstanceOf(AlreadyDeliveredError)
})

test('relayMessage delivers EVM → CosmWasm through the user’s executor', async () => {
  const [a, wasm] = [evmChain(devnet, 'evm-a'), wasmChain(devnet)]
  const id = await sendFromEvm(a, {
    destination: wasm.domain,
    recipient: bech32ToBytes32(testRecipient(wasm)),
    body: 'ok:self-relayed to wasm',
  })
  await untilRelayAdvised(id)
  const { status } = await relayMessage(userClient(), { id })
  expect(status).toBe(MessageStatus.Executed)
})

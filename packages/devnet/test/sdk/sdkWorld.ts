// What the SDK's devnet tests share: the devnet's chains as Ferry chains, its validators, and
// senders that go through the contracts directly (viem, the bindings), not the SDK.

import { fromEmbeddedChain, send } from '@ferry/cosmwasm-bindings'
import { viaTestRecipient } from '@ferry/cosmwasm-bindings/testing'
import { endpointAbi, testRecipientAbi } from '@ferry/evm-contracts'
import { defineFerryChain, devnetChains, type FerryChain } from '@ferry/sdk'
import { createCosmWasmEmbeddedSource } from '@ferry/sdk/cosmwasm'
import {
  type CosmWasmTestChain,
  type EvmTestChain,
  HARDHAT_KEYS,
  TEST_COSMWASM_ACCOUNTS,
} from '@ferry/testkit'
import { createWalletClient, type Hex, http, parseEventLogs, stringToHex } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import type { Devnet } from '../../src/startDevnet.js'

export function evmChain(devnet: Devnet, name: string): EvmTestChain {
  const chain = devnet.chains.find((c) => c.name === name)
  if (chain?.kind !== 'evm') throw new Error(`no EVM chain ${name}`)
  return chain
}

export function wasmChain(devnet: Devnet): CosmWasmTestChain {
  const chain = devnet.chains.find((c) => c.kind === 'cosmwasm')
  if (chain?.kind !== 'cosmwasm' || chain.node.type !== 'embedded')
    throw new Error('no embedded CosmWasm chain')
  return chain
}

/** Every devnet chain as the SDK declares it (the embedded chain read in-process). */
export function ferryChains(devnet: Devnet): FerryChain[] {
  return devnet.chains.map((chain) => {
    if (chain.kind === 'evm')
      return defineFerryChain({
        kind: 'evm',
        name: chain.name,
        domain: chain.domain,
        endpoint: chain.endpoint,
        rpcUrls: [chain.rpcUrl],
        interchainAccountRouter: chain.apps.interchainAccounts?.router,
      })
    if (chain.node.type !== 'embedded') throw new Error('the SDK tests run the embedded chain')
    return defineFerryChain({
      kind: 'cosmwasm',
      name: chain.name,
      domain: chain.domain,
      endpoint: chain.endpoint,
      bech32Prefix: 'wasm',
      source: createCosmWasmEmbeddedSource({ chain: chain.node.chain }),
      interchainAccountRouter: chain.apps.interchainAccounts?.router,
    })
  })
}

/** A funded Hardhat account that is neither the deployer nor a relayer. */
export const user = privateKeyToAccount(HARDHAT_KEYS[3])

/** The devnet's chains with the user's signers on them: its wallet on EVM, its executor on CosmWasm. */
export function userChains(devnet: Devnet): FerryChain[] {
  return ferryChains(devnet).map((chain): FerryChain => {
    if (chain.kind === 'evm') {
      const { rpcUrl, wallet } = evmChain(devnet, chain.name)
      const walletClient = createWalletClient({
        account: user,
        chain: wallet.chain,
        transport: http(rpcUrl),
      })
      return { ...chain, walletClient }
    }
    const { node } = wasmChain(devnet)
    if (node.type !== 'embedded') throw new Error('embedded chain expected')
    return { ...chain, executor: fromEmbeddedChain(node.chain, TEST_COSMWASM_ACCOUNTS.user) }
  })
}

/** Origin domain → its validators' URLs, as the SDK reads them from the devnet file. */
export function validatorsOf(devnet: Devnet): Record<number, readonly string[]> {
  return devnetChains(devnet.file).validators ?? {}
}

export function testRecipient(chain: EvmTestChain | CosmWasmTestChain): string {
  const [recipient] = chain.apps.testRecipients
  if (recipient === undefined) throw new Error(`no test recipient on ${chain.name}`)
  return recipient
}

/** Sends `body` from `from`'s test recipient with the deployer's wallet; returns the id. */
export async function sendFromEvm(
  from: EvmTestChain,
  {
    destination,
    recipient,
    body,
    ackGasLimit = 0,
  }: { destination: number; recipient: Hex; body: string; ackGasLimit?: number },
): Promise<Hex> {
  const data = stringToHex(body)
  const fee = await from.client.readContract({
    address: from.endpoint,
    abi: endpointAbi,
    functionName: 'quote',
    args: [destination, BigInt((data.length - 2) / 2), 300_000, ackGasLimit],
  })
  if (!from.wallet.account) throw new Error('no deployer account')
  const hash = await from.wallet.writeContract({
    // CAST: EVM test recipients are 20-byte addresses
    address: testRecipient(from) as Hex,
    abi: testRecipientAbi,
    functionName: 'sendVia',
    args: [from.endpoint, destination, recipient, data, 300_000, ackGasLimit, 0n],
    value: fee,
    account: from.wallet.account,
    chain: from.wallet.chain,
  })
  const receipt = await from.client.waitForTransactionReceipt({ hash })
  const [log] = parseEventLogs({ abi: endpointAbi, logs: receipt.logs, eventName: 'MessageSent' })
  if (!log) throw new Error('no MessageSent')
  return log.args.id
}

/** Sends `body` from the CosmWasm chain's test recipient as the test user; returns the id. */
export async function sendFromWasm(
  wasm: CosmWasmTestChain,
  {
    destination,
    recipient,
    body,
    ackGasLimit = 0,
  }: { destination: number; recipient: Hex; body: string; ackGasLimit?: number },
): Promise<Hex> {
  const { id } = await send(viaTestRecipient(wasm.executor, testRecipient(wasm)), {
    contract: wasm.endpoint,
    sender: TEST_COSMWASM_ACCOUNTS.user,
    destination,
    recipient,
    body: stringToHex(body),
    gasLimit: 300_000,
    ackGasLimit,
  })
  return id
}

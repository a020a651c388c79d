import { type ChainLogger, EvmChainConfigError, type EvmChainReader } from '@ferry/sdk'
import { callRpc } from '@ferry/sdk/internal'
import type { Address, Hex, LocalAccount } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import type { ChainSubmitter, TransactionJournal } from '../types.js'
import type { EvmContext } from './context.js'
import type { EvmGasPolicy } from './feeStrategy.js'
import { createNonceManager } from './nonceManager.js'
import { recoverJournal } from './recoverJournal.js'
import { submitCall } from './submitCall.js'

export type CreateEvmChainSubmitterParameters = {
  /** The chain's reader (`createEvmChainReader` of `@ferry/sdk`): its client carries every call. */
  reader: EvmChainReader
  /** The relayer's key on this chain: it pays for and signs every transaction. Never logged. */
  privateKey: Hex
  /** Where transactions are recorded before they are broadcast (the relayer's store). */
  journal: TransactionJournal
  gas: EvmGasPolicy
  /** pino-like logger; silent when absent. */
  logger?: ChainLogger | undefined
  /** How often receipts are polled while a transaction is pending. Default: the reader client's polling interval. */
  pollingIntervalMs?: number | undefined
}

/** An EVM chain's submitter, with the address its key signs as. */
export type EvmChainSubmitter = ChainSubmitter & { readonly kind: 'evm'; readonly signer: Address }

const silent: ChainLogger = { debug() {}, info() {}, warn() {}, error() {} }

/**
 * The {@link ChainSubmitter} of an EVM chain: `reader`'s reads, and endpoint calls submitted
 * with its own nonce manager, local signing, a journal written before every broadcast, EIP-1559
 * fees under a cap, and replacement of stuck transactions, all through the reader's client.
 *
 * @example
 * const reader = createEvmChainReader({ domain: 1, endpoint: '0x…', rpcUrls: ['https://rpc-a.example', 'https://rpc-b.example'] })
 * const chain = createEvmChainSubmitter({
 *   reader,
 *   privateKey: process.env.RELAYER_KEY,
 *   journal: store,
 *   gas: { maxFeePerGas: parseGwei('200'), bumpPercent: 20, stuckAfterMs: 60_000 },
 *   logger: pino().child({ module: 'evm', domain: 1 }),
 * })
 * await chain.recover()
 * const receipt = await chain.submit({ type: 'retry', message, gasLimit: 200_000 }, { gasFloor: 300_000n, messageIds: [id] })
 */
export function createEvmChainSubmitter(
  parameters: CreateEvmChainSubmitterParameters,
): EvmChainSubmitter {
  const { reader, journal, gas, logger = silent } = parameters
  const { domain, client } = reader
  const problem = checkGas(gas)
  if (problem) throw new EvmChainConfigError({ domain, problem })
  const account = accountOf(domain, parameters.privateKey)
  let chainId: Promise<number> | undefined
  const ctx: EvmContext = {
    domain,
    endpoint: reader.endpointAddress,
    client,
    account,
    journal,
    gas,
    logger,
    pollingIntervalMs: parameters.pollingIntervalMs ?? client.pollingInterval,
    chainId: () => {
      chainId ??= callRpc({ domain }, 'eth_chainId', () => client.getChainId()).catch(
        (error: unknown) => {
          chainId = undefined // ask again next time
          throw error
        },
      )
      return chainId
    },
  }
  const nonces = createNonceManager(ctx)

  return {
    ...reader,
    signer: account.address,

    getSignerBalance(signal) {
      return callRpc(
        ctx,
        'eth_getBalance',
        () => client.getBalance({ address: account.address }),
        signal,
      )
    },

    submit(call, options) {
      return submitCall(ctx, nonces, call, options)
    },

    recover(signal) {
      return recoverJournal(ctx, nonces, signal)
    },
  }
}

function checkGas(gas: EvmGasPolicy): string | undefined {
  if (!(gas.bumpPercent >= 10))
    return `gas.bumpPercent is ${gas.bumpPercent}; nodes need 10 or more`
  if (gas.maxFeePerGas <= 0n) return 'gas.maxFeePerGas must be positive'
  if (!(gas.stuckAfterMs > 0)) return 'gas.stuckAfterMs must be positive'
  if (gas.estimateMultiplier !== undefined && !(gas.estimateMultiplier >= 1))
    return 'gas.estimateMultiplier must be at least 1'
  return undefined
}

function accountOf(domain: number, privateKey: Hex): LocalAccount {
  try {
    return privateKeyToAccount(privateKey)
  } catch {
    // The underlying error may quote the key: it is not passed on.
    throw new EvmChainConfigError({ domain, problem: 'privateKey is not a valid secp256k1 key' })
  }
}

import { type CosmWasmExecutor, deliverBatch, retry, timeout } from '@ferry/cosmwasm-bindings'
import type { ChainLogger, CosmWasmChainReader } from '@ferry/sdk'
import { abortable, unwrapRpcError } from '@ferry/sdk/internal'
import type { CallReceipt, ChainSubmitter, EndpointCall } from '../types.js'
import { CallRejectedError } from './errors.js'
import { toAdapterError } from './toAdapterError.js'
import { toDeliveryOutcomes } from './toDeliveryOutcomes.js'
import type { CosmWasmWriter } from './writer.js'

export type CreateCosmWasmChainSubmitterParameters = {
  /** The chain's reader (`createCosmWasmChainReader` of `@ferry/sdk`). */
  reader: CosmWasmChainReader
  /** Signs and sends: `createCosmWasmRpcWriter` (over the reader's RPC source) or `createCosmWasmEmbeddedWriter`. */
  writer: CosmWasmWriter
  /** pino-like logger; silent when absent. */
  logger?: ChainLogger | undefined
}

export type CosmWasmChainSubmitter = ChainSubmitter & {
  readonly kind: 'cosmwasm'
  /** The relayer's account (bech32). */
  readonly sender: string
  /** Releases RPC connections, the reader's and the writer's. */
  close(): void
}

/**
 * A Ferry CosmWasm chain as the relayer writes to it (`ChainSubmitter`): `reader`'s reads, and
 * `submit` of `deliverBatch`, `retry` and `timeout` through `writer`, one transaction at a time
 * (the account sequence is read from the chain for each), with gas
 * `max(simulated × gasAdjustment, gasFloor)`. Outcomes come from the endpoint's events. A call
 * the chain refuses before inclusion throws `CallRejectedError` (its `cause` the endpoint's
 * error class); one included but failed (a node's non-zero code, e.g. out of gas) resolves with
 * a `reverted` receipt; an unreachable node throws `RpcError`. An aborted `signal` stops a write
 * not yet started; a broadcast transaction is always waited for.
 *
 * `recover()` returns `[]`: this submitter keeps no transaction journal. A node assigns account
 * sequences (no nonce to reserve, no fee bump, nothing stuck to replace) and a write resolves
 * only once included, so what a crash can leave is a transaction whose receipt was not
 * recorded; the relayer puts its messages back to `ready` at start, and the destination's
 * inbound nonce and message status then show whether it landed.
 *
 * @example
 * const source = createCosmWasmRpcSource({ domain: 7001, rpcUrls: ['http://127.0.0.1:26657'] })
 * const reader = createCosmWasmChainReader({ domain: 7001, endpoint, source })
 * const writer = await createCosmWasmRpcWriter({ domain: 7001, source, signer: await createSigner(mnemonic, 'wasm'), gasPrice: '0.025stake' })
 * const chain = createCosmWasmChainSubmitter({ reader, writer, logger })
 */
export function createCosmWasmChainSubmitter({
  reader,
  writer,
  logger: log,
}: CreateCosmWasmChainSubmitterParameters): CosmWasmChainSubmitter {
  const { domain, contract } = reader

  async function send(call: EndpointCall, executor: CosmWasmExecutor) {
    switch (call.type) {
      case 'deliverBatch':
        return deliverBatch(executor, { contract, messages: call.messages, proofs: call.proofs })
      case 'retry':
        return retry(executor, { contract, message: call.message, gasLimit: call.gasLimit })
      case 'timeout':
        return timeout(executor, { contract, message: call.message })
      case 'setL1FeeConfig':
        // PROTOCOL §9: the CosmWasm endpoint has no L1 fee parameters (yet).
        throw new CallRejectedError({
          call: call.type,
          domain,
          cause: new Error('the CosmWasm endpoint has no setL1FeeConfig'),
        })
    }
  }

  return {
    ...reader,
    sender: writer.sender,

    getSignerBalance: async (signal) => {
      signal?.throwIfAborted()
      try {
        return await abortable(writer.getBalance(signal), signal)
      } catch (error) {
        throw unwrapRpcError(error)
      }
    },

    async submit(call, { gasFloor, messageIds, signal }) {
      const { result, outcome } = await writer
        .write(gasFloor, (executor) => send(call, executor), signal)
        .catch((error: unknown) => {
          throw toAdapterError(error, { call: call.type, domain })
        })
      const receipt: CallReceipt = {
        transactionHash: outcome.transactionHash,
        blockNumber: BigInt(outcome.height),
        status: outcome.failure === undefined ? 'success' : 'reverted',
        outcomes: toDeliveryOutcomes(result.events),
        gasUsed: outcome.gasUsed,
        // CometBFT chains post no data to another chain.
        l1Fee: 0n,
      }
      if (outcome.failure !== undefined)
        log?.warn(
          { call: call.type, tx: receipt.transactionHash, ...outcome.failure },
          'transaction failed on chain',
        )
      else
        log?.debug(
          { call: call.type, tx: receipt.transactionHash, messages: messageIds.length },
          'submitted',
        )
      return receipt
    },

    // No journal to replay; see the function's documentation.
    recover: async () => [],

    close: () => {
      writer.close()
      reader.close()
    },
  }
}

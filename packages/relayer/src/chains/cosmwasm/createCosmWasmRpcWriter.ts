import { SigningCosmWasmClient } from '@cosmjs/cosmwasm-stargate'
import { toUtf8 } from '@cosmjs/encoding'
import type { EncodeObject, OfflineDirectSigner } from '@cosmjs/proto-signing'
import { calculateFee, GasPrice, TimeoutError } from '@cosmjs/stargate'
import type { CometClient } from '@cosmjs/tendermint-rpc'
import type { CosmWasmExecutor } from '@ferry/cosmwasm-bindings'
import { RpcError } from '@ferry/sdk'
import type { CosmWasmRpcConnection, CosmWasmRpcSource } from '@ferry/sdk/cosmwasm'
import { MsgExecuteContract } from 'cosmjs-types/cosmwasm/wasm/v1/tx'
import type { CosmWasmWriter, WriterOutcome } from './writer.js'

export type CreateCosmWasmRpcWriterParameters = {
  domain: number
  /** The reader's RPC source: writes go through its connections and URL failover. */
  source: CosmWasmRpcSource
  signer: OfflineDirectSigner
  /** Gas price of each transaction, e.g. `'0.025stake'`; its denom is the balance read. */
  gasPrice: string
  /** Gas limit = simulated gas × this, at least the call's floor. Default 1.4. */
  gasAdjustment?: number | undefined
  /** How often to look for a broadcast transaction's inclusion. Default 500 ms. */
  broadcastPollIntervalMs?: number | undefined
  /** How long to wait for it before giving up with `RpcError`. Default 60 s. */
  broadcastTimeoutMs?: number | undefined
}

const EXECUTE = '/cosmwasm.wasm.v1.MsgExecuteContract'

/**
 * Writes to a wasmd node through an RPC source's connections (a `CosmWasmWriter`), signed by
 * `signer`: simulated, then broadcast with gas `max(simulated × gasAdjustment, gasFloor)`, one
 * at a time (the account sequence is read from the chain for each). A URL that cannot be
 * reached is skipped for the next, as the source's reads do.
 *
 * @example
 * const writer = await createCosmWasmRpcWriter({ domain: 7001, source, signer, gasPrice: '0.025stake' })
 */
export async function createCosmWasmRpcWriter({
  domain,
  source,
  signer,
  gasPrice,
  gasAdjustment = 1.4,
  broadcastPollIntervalMs = 500,
  broadcastTimeoutMs = 60_000,
}: CreateCosmWasmRpcWriterParameters): Promise<CosmWasmWriter> {
  const [account] = await signer.getAccounts()
  if (account === undefined) throw new Error('The signer has no account.')
  const sender = account.address
  const price = GasPrice.fromString(gasPrice)
  const signingClients = new WeakMap<CometClient, SigningCosmWasmClient>()
  let queue: Promise<unknown> = Promise.resolve()

  /** The signing client over `connection`'s CometBFT client, made once per connection. */
  function signingOn({ comet }: CosmWasmRpcConnection): SigningCosmWasmClient {
    let signing = signingClients.get(comet)
    if (signing === undefined) {
      signing = SigningCosmWasmClient.createWithSigner(comet, signer, {
        broadcastPollIntervalMs,
        broadcastTimeoutMs,
      })
      signingClients.set(comet, signing)
    }
    return signing
  }

  function writer(gasFloor: bigint, record: (outcome: WriterOutcome) => void): CosmWasmExecutor {
    return {
      sender,
      query: source.reader().query,
      execute: (from, contract, msg, funds = []) => {
        const message: EncodeObject = {
          typeUrl: EXECUTE,
          value: MsgExecuteContract.fromPartial({
            sender: from,
            contract,
            msg: toUtf8(JSON.stringify(msg)),
            funds: [...funds],
          }),
        }
        return source.request('submit', async (connection): Promise<WriterOutcome> => {
          const signing = signingOn(connection)
          const simulated = await signing.simulate(from, [message], '')
          const gas = BigInt(Math.ceil(simulated * gasAdjustment))
          const limit = gas > gasFloor ? gas : gasFloor
          let result: Awaited<ReturnType<SigningCosmWasmClient['signAndBroadcast']>>
          try {
            result = await signing.signAndBroadcast(
              from,
              [message],
              calculateFee(Number(limit), price),
              '',
            )
          } catch (error) {
            // Broadcast, then not seen in time: it may yet be included, so no other URL may resend it.
            if (error instanceof TimeoutError)
              throw new RpcError({ method: 'broadcast_tx_sync', domain, cause: error })
            throw error
          }
          const outcome: WriterOutcome = {
            transactionHash: result.transactionHash,
            height: result.height,
            events: result.events,
            gasUsed: result.gasUsed,
            ...(result.code === 0
              ? {}
              : { failure: { code: result.code, log: result.rawLog ?? '' } }),
          }
          record(outcome)
          return outcome
        })
      },
    }
  }

  return {
    sender,
    write(gasFloor, write, signal) {
      const run = queue.then(async () => {
        signal?.throwIfAborted()
        let outcome: WriterOutcome | undefined
        const result = await write(
          writer(gasFloor, (recorded) => {
            outcome = recorded
          }),
        )
        if (outcome === undefined) throw new Error('The write executed nothing.')
        return { result, outcome }
      })
      queue = run.catch(() => {})
      return run
    },
    getBalance: (signal) =>
      source.request(
        'getBalance',
        async (connection) =>
          BigInt((await signingOn(connection).getBalance(sender, price.denom)).amount),
        signal,
      ),
    close() {},
  }
}

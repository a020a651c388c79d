import { decodeRemoteResults, type RemoteCallKind } from '@ferry/protocol'
import type { Hex } from 'viem'
import type { FerryClient } from '../../client/createFerryClient.js'
import { RemoteResultCountError } from '../../errors/RemoteResultCountError.js'
import type { CosmWasmRemoteCall, CosmWasmRemoteRead } from '../../remote/cosmwasmTypes.js'
import { decodeEvmResults } from '../../remote/decodeEvmResults.js'
import { encodeCosmWasmItems } from '../../remote/encodeCosmWasmItems.js'
import { encodeEvmCalls } from '../../remote/encodeEvmCalls.js'
import type { AnyEvmRemoteCall } from '../../remote/types.js'
import { type AwaitRemoteResultOptions, awaitRemoteResult } from './awaitRemoteResult.js'
import { sendRemoteBatch } from './sendRemoteBatch.js'

type CosmWasmItem = CosmWasmRemoteCall<unknown> | CosmWasmRemoteRead<unknown>

/**
 * What `callRemote` and `readRemote` share, past their types: encodes the calls for the
 * destination's kind (EVM calldata from each ABI; CosmWasm JSON), sends the batch through the
 * origin's router, and returns the message with a `result()` that decodes each call's result
 * the same way.
 *
 * @example
 * const call = await sendRemote(client, { from, to, calls, gasLimit, kind: 'read', action: 'readRemote' })
 */
export async function sendRemote(
  client: FerryClient,
  parameters: {
    from: number | string
    to: number | string
    calls: readonly unknown[]
    gasLimit: number
    ackGasLimit?: number | undefined
    deadline?: bigint | undefined
    maxFee?: bigint | undefined
    kind: RemoteCallKind
    action: string
  },
) {
  const origin = client.chain(parameters.from)
  const destination = client.chain(parameters.to)
  const { kind, gasLimit, ackGasLimit = 0, deadline = 0n, maxFee, action } = parameters
  let encoded: { evmCalls?: ReturnType<typeof encodeEvmCalls>; payload?: Hex }
  let decode: (result: Hex) => unknown
  let abis: (readonly unknown[] | undefined)[] = []
  if (destination.kind === 'evm') {
    // CAST: the action's parameter types made these typed EVM calls.
    const calls = parameters.calls as readonly AnyEvmRemoteCall[]
    encoded = { evmCalls: encodeEvmCalls(calls as never) }
    abis = calls.map(({ abi }) => abi)
    decode = (result) => decodeEvmResults(calls as never, result)
  } else {
    // CAST: the action's parameter types made these CosmWasm calls or reads.
    const items = parameters.calls as readonly CosmWasmItem[]
    encoded = { payload: encodeCosmWasmItems(kind, items) }
    decode = (result) => {
      const results = decodeRemoteResults(result)
      if (results.length !== items.length)
        throw new RemoteResultCountError({ calls: items.length, results: results.length })
      return results.map((data, i) => items[i]?.decode?.(data) ?? data)
    }
  }
  const sent = await sendRemoteBatch(client, {
    origin,
    destination,
    kind,
    ...encoded,
    gasLimit,
    ackGasLimit,
    deadline,
    maxFee,
    action,
  })
  return {
    id: sent.id,
    transactionHash: sent.transactionHash,
    feePaid: sent.feePaid,
    result: (options?: AwaitRemoteResultOptions) =>
      awaitRemoteResult(
        client,
        { id: sent.id, origin: origin.domain, destinationKind: destination.kind, abis, decode },
        options,
      ),
  }
}

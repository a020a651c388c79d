import type { InvalidBytes32Error } from '@ferry/protocol'
import { base64 } from '@scure/base'
import { bytesToHex, type Hex } from 'viem'
import type { CosmWasmExecutor, EndpointQueryParameters } from '../client/types.js'
import type { EndpointError } from '../errors/endpointError.js'
import { toBytes32 } from '../internal/bytes.js'
import { queryEndpoint } from '../internal/executeEndpoint.js'

export type RemoteResultParameters = EndpointQueryParameters & {
  /** The id `callRemote` returned. */
  id: Hex
}
export type RemoteResultReturnType = {
  /** Who called; null for an id this router sent no call with an ack for. */
  owner: string | null
  /** 0 while the ack has not come back, then the call's final status: 1 Executed, 3 TimedOut. */
  status: number
  /** Executed: `abi.encode(bytes[])` (`decodeRemoteResults` from `@ferry/protocol`); TimedOut: the last failure, if any. */
  result: Hex
}
export type RemoteResultErrorType = EndpointError | InvalidBytes32Error

/**
 * What came back for a remote call that asked for an ack, as the router stored it.
 *
 * @example
 * ```ts
 * const { status, result } = await remoteResult(executor, { contract: router, id })
 * if (status === 1) console.log(decodeRemoteResults(result))
 * ```
 */
export async function remoteResult(
  executor: CosmWasmExecutor,
  parameters: RemoteResultParameters,
): Promise<RemoteResultReturnType> {
  const answer = await queryEndpoint<{ owner: string | null; status: number; result: string }>(
    executor,
    parameters.contract,
    { remote_result: { id: toBytes32(parameters.id, 'id') } },
  )
  return {
    owner: answer.owner,
    status: answer.status,
    result: bytesToHex(base64.decode(answer.result)),
  }
}

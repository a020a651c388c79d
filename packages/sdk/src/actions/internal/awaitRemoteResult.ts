import { interchainAccountRouterAbi } from '@ferry/evm-contracts'
import { type Abi, decodeErrorResult, type Hex } from 'viem'
import type { FerryClient } from '../../client/createFerryClient.js'
import { RemoteCallFailedError } from '../../errors/RemoteCallFailedError.js'
import { waitForMessage } from '../waitForMessage.js'

export type AwaitRemoteResultOptions = {
  /** Reject with `WaitTimeoutError` after this long. */
  timeoutMs?: number | undefined
  /** Without a relayer API: how often to poll the chains. */
  pollIntervalMs?: number | undefined
  signal?: AbortSignal | undefined
}

/**
 * Waits for a remote-call batch to reach its destination (`waitForMessage` until `delivered`)
 * and returns `decode(result)` when it executed; otherwise throws `RemoteCallFailedError` with
 * the failing call's index and revert, decoded: on EVM from the router's
 * `InterchainAccountRouterCallFailed(index, reason)`, the reason with `abis[index]`; on CosmWasm
 * from the router's error text.
 *
 * @example
 * const results = await awaitRemoteResult(client, { id, origin, destinationKind: 'evm', abis, decode }, { timeoutMs: 60_000 })
 */
export async function awaitRemoteResult<result>(
  client: FerryClient,
  {
    id,
    origin,
    destinationKind,
    abis,
    decode,
  }: {
    id: Hex
    origin: number
    destinationKind: 'evm' | 'cosmwasm'
    /** Each call's ABI (EVM destinations), to decode a failing call's revert. */
    abis: readonly (readonly unknown[] | undefined)[]
    decode: (result: Hex) => result
  },
  options: AwaitRemoteResultOptions = {},
): Promise<result> {
  const state = await waitForMessage(client, { id, origin, until: 'delivered', ...options })
  if (state.type === 'executed') return decode(state.result ?? '0x')
  if (state.type !== 'failed' && state.type !== 'timed_out' && state.type !== 'retries_exhausted')
    throw new Error(`waitForMessage returned ${state.type} for a delivered message`)
  const failure =
    state.result === undefined || state.result === '0x'
      ? {}
      : destinationKind === 'evm'
        ? evmFailure(state.result, abis)
        : // Loaded here so that an app on EVM chains alone never loads the CosmWasm bindings.
          (await import('./cosmwasm/toCosmWasmRemoteFailure.js')).toCosmWasmRemoteFailure(
            state.result,
          )
  return Promise.reject(
    new RemoteCallFailedError({
      id,
      state: state.type,
      ...failure,
      retryable: state.type === 'failed' ? state.retryable : state.type === 'retries_exhausted',
      recovery: state.recovery,
    }),
  )
}

/** The EVM router's `InterchainAccountRouterCallFailed(index, reason)`, the reason decoded. */
function evmFailure(result: Hex, abis: readonly (readonly unknown[] | undefined)[]) {
  try {
    const { errorName, args } = decodeErrorResult({ abi: interchainAccountRouterAbi, data: result })
    if (errorName !== 'InterchainAccountRouterCallFailed') return { reason: { errorName, args } }
    const [index, raw] = args
    return { index: Number(index), reason: revertOf(raw, abis[Number(index)]) }
  } catch {
    return { reason: result }
  }
}

/** A call's revert data: its ABI's custom error, `Error(string)`'s text, or the raw bytes. */
function revertOf(data: Hex, abi: readonly unknown[] | undefined) {
  try {
    // CAST: the call's ABI, as the caller typed it.
    const { errorName, args = [] } = decodeErrorResult({ abi: (abi ?? []) as Abi, data })
    return errorName === 'Error' && typeof args[0] === 'string' ? args[0] : { errorName, args }
  } catch {
    return data
  }
}

import { endpointAbi, multisigVerifierAbi } from '@ferry/evm-contracts'
import { BaseError as FerryBaseError } from '@ferry/protocol'
import { abortable, isRevert, toRpcError } from '@ferry/sdk/internal'
import { decodeErrorResult, type Hex, isHex } from 'viem'
import type { EndpointCall } from '../types.js'
import type { EvmContext } from './context.js'
import { GasEstimateRevertedError } from './errors.js'

/** Errors a delivery can revert with: the endpoint's and the multisig verifier's. */
const deliveryErrors = [...endpointAbi, ...multisigVerifierAbi].filter(
  (item) => item.type === 'error',
)

/**
 * The gas limit for `call`. With the policy's `limit: 'bound'` (the default) and a
 * `gasBound`, that bound, once an `eth_call` at it succeeds: the transaction then succeeds with
 * it on the same state. Otherwise (or when that simulation fails) `eth_estimateGas` ×
 * `estimateMultiplier` (default 1.2), at least `gasFloor` (the messages' gas limits plus
 * overhead, which a node's estimate can undershoot when a handler fails cheaply). A revert
 * throws {@link GasEstimateRevertedError} with the decoded custom error name when the revert
 * data matches; an unreachable node throws `RpcError`.
 *
 * @example
 * const gas = await estimateCallGas(ctx, call, data, { gasFloor, gasBound }, signal)
 */
export async function estimateCallGas(
  ctx: EvmContext,
  call: EndpointCall,
  data: Hex,
  { gasFloor, gasBound }: { gasFloor: bigint; gasBound?: bigint | undefined },
  signal?: AbortSignal,
): Promise<bigint> {
  const request = { account: ctx.account.address, to: ctx.endpoint, data }
  if ((ctx.gas.limit ?? 'bound') === 'bound' && gasBound !== undefined) {
    const limit = gasBound > gasFloor ? gasBound : gasFloor
    if (await succeedsWith(ctx, request, limit, signal)) return limit
  }
  let estimate: bigint
  try {
    estimate = await abortable(ctx.client.estimateGas(request), signal)
  } catch (error) {
    if (signal?.aborted || error instanceof FerryBaseError || !(error instanceof Error)) throw error
    if (!isRevert(error)) throw toRpcError(ctx, 'eth_estimateGas', error)
    const decoded = decodeRevert(error)
    throw new GasEstimateRevertedError({
      call: call.type,
      domain: ctx.domain,
      errorName: decoded?.errorName,
      errorArgs: decoded?.args,
      cause: error,
    })
  }
  const multiplier = ctx.gas.estimateMultiplier ?? 1.2
  const scaled = (estimate * BigInt(Math.round(multiplier * 1_000))) / 1_000n
  return scaled > gasFloor ? scaled : gasFloor
}

/**
 * Whether `request` runs through when given `gas`. Any failure is `false`, the node's wording of
 * it aside (a revert, running out of gas, no answer): the estimate that follows tells "needs more
 * gas" from a real revert, which it reports with the decoded error, and from an unreachable node.
 */
async function succeedsWith(
  ctx: EvmContext,
  request: { account: Hex; to: Hex; data: Hex },
  gas: bigint,
  signal?: AbortSignal,
): Promise<boolean> {
  try {
    await abortable(ctx.client.call({ ...request, gas }), signal)
    return true
  } catch (error) {
    if (signal?.aborted) throw error
    return false
  }
}

/** The custom error in the revert data found along `error`'s cause chain, if it decodes. */
function decodeRevert(
  error: Error,
): { errorName: string; args: readonly unknown[] | undefined } | undefined {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    const data = 'data' in e ? e.data : undefined
    // Nodes put revert data as hex at `data` (or `data.data` in older wrappers).
    const hex = typeof data === 'object' && data !== null && 'data' in data ? data.data : data
    if (typeof hex !== 'string' || !isHex(hex) || hex.length < 10) continue
    try {
      const decoded = decodeErrorResult({ abi: deliveryErrors, data: hex })
      return { errorName: decoded.errorName, args: decoded.args }
    } catch {
      // Not one of ours (a handler's error bubbling through a custom verifier): keep looking.
    }
  }
  return undefined
}

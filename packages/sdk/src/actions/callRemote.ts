import type { AbiStateMutability, Hex } from 'viem'
import type { ChainOf, ChainRef, FerryClient } from '../client/createFerryClient.js'
import type { FerryChain } from '../client/defineFerryChain.js'
import type { EndpointRevertedError } from '../errors/EndpointRevertedError.js'
import type { MaxFeeExceededError } from '../errors/MaxFeeExceededError.js'
import type { MissingSignerError } from '../errors/MissingSignerError.js'
import type { NoInterchainAccountRouterError } from '../errors/NoInterchainAccountRouterError.js'
import type { RemoteCallFailedError } from '../errors/RemoteCallFailedError.js'
import type { CosmWasmRemoteCall, CosmWasmRemoteResults } from '../remote/cosmwasmTypes.js'
import type { EvmRemoteCalls, EvmRemoteResults } from '../remote/types.js'
import type { AwaitRemoteResultOptions } from './internal/awaitRemoteResult.js'
import { sendRemote } from './internal/sendRemote.js'

export type CallRemoteParameters<
  chains extends readonly FerryChain[] = readonly FerryChain[],
  from extends ChainRef<chains> = ChainRef<chains>,
  to extends ChainRef<chains> = ChainRef<chains>,
  calls extends readonly unknown[] = readonly unknown[],
> = {
  /** The origin chain; its signer owns the account that makes the calls on `to`. */
  from: from
  /** The destination chain. */
  to: to
  /**
   * The batch, run atomically by the caller's account on `to`: on an EVM chain
   * `{ address, abi, functionName, args, value? }` per call, typed from its ABI (value from the
   * account's balance there); on a CosmWasm chain `{ contract, msg, funds?, decode? }`.
   */
  calls: RemoteCallsFor<ChainOf<chains, to>, calls, AbiStateMutability, CosmWasmRemoteCall<unknown>>
  /** Gas for the batch on `to` (its first use also deploys the account: add ~80k on EVM). */
  gasLimit: number
  /** Gas to bring the results back to the origin's router (its callbacks); 0 (default) none. */
  ackGasLimit?: number | undefined
  /** Unix seconds on `to` after which the batch can be timed out; 0n (default) never. */
  deadline?: bigint | undefined
  /** Refuse to send (`MaxFeeExceededError`) when the router's quote is above this. */
  maxFee?: bigint | undefined
}

/**
 * The call list `chain` takes: typed EVM calls, CosmWasm `item`s, or either when the client's
 * chains are not literal types (one kind is then not known at compile time).
 */
export type RemoteCallsFor<
  chain extends FerryChain,
  calls extends readonly unknown[],
  mutability extends AbiStateMutability,
  item,
> = [chain] extends [{ kind: 'evm' }]
  ? EvmRemoteCalls<calls, mutability>
  : [chain] extends [{ kind: 'cosmwasm' }]
    ? calls & readonly item[]
    : EvmRemoteCalls<calls, mutability> | (calls & readonly item[])

/**
 * Each call's result on `chain`: the function's return type (EVM), `decode`'s or hex (CosmWasm);
 * when the chain's kind is not known at compile time, told by the calls' shape (EVM calls have
 * an `abi`).
 */
export type RemoteResultsOf<chain extends FerryChain, calls extends readonly unknown[]> = [
  chain,
] extends [{ kind: 'evm' }]
  ? EvmRemoteResults<calls>
  : [chain] extends [{ kind: 'cosmwasm' }]
    ? CosmWasmRemoteResults<calls>
    : calls extends readonly { abi: unknown }[]
      ? EvmRemoteResults<calls>
      : CosmWasmRemoteResults<calls>

export type CallRemoteReturnType<results = readonly unknown[]> = {
  /** The message id: track it like any message (`getMessage`, `watchMessage`). */
  id: Hex
  /** The origin transaction. */
  transactionHash: string
  /** What the origin endpoint kept as the fee. */
  feePaid: bigint
  /**
   * Waits for the batch to run on the destination and resolves to each call's result, typed;
   * rejects with `RemoteCallFailedError` (which call, why, and the recovery) when it did not.
   */
  result(options?: AwaitRemoteResultOptions): Promise<results>
}

export type CallRemoteErrorType =
  | NoInterchainAccountRouterError
  | MissingSignerError
  | MaxFeeExceededError
  | EndpointRevertedError
  | RemoteCallFailedError
  | Error

/**
 * Calls contracts on another chain through the caller's interchain account there
 * (spec/apps/interchain-accounts.md), and gets each call's result back typed: the origin's
 * router sends the batch (its owner is the `from` chain's signer, never a parameter), the
 * destination's router runs it atomically through the account (one per origin and owner, at an
 * address `getInterchainAccount` predicts), and `result()` decodes what the calls returned.
 *
 * @example
 * const call = await callRemote(client, {
 *   from: 'evm-a',
 *   to: 'evm-b',
 *   calls: [
 *     { address: counter, abi: counterAbi, functionName: 'increment', args: [5n] },
 *     { address: counter, abi: counterAbi, functionName: 'count' },
 *   ],
 *   gasLimit: 300_000,
 * })
 * const [incremented, count] = await call.result() // [bigint, bigint]
 */
export async function callRemote<
  const chains extends readonly FerryChain[],
  from extends ChainRef<chains>,
  to extends ChainRef<chains>,
  const calls extends readonly unknown[],
>(
  client: FerryClient<chains>,
  parameters: CallRemoteParameters<chains, from, to, calls>,
): Promise<CallRemoteReturnType<RemoteResultsOf<ChainOf<chains, to>, calls>>> {
  // CAST: the results' type follows the calls' (RemoteResultsOf), which sendRemote decodes.
  return sendRemote(client, { ...parameters, kind: 'call', action: 'callRemote' }) as never
}

import type { ChainOf, ChainRef, FerryClient } from '../client/createFerryClient.js'
import type { FerryChain } from '../client/defineFerryChain.js'
import type { CosmWasmRemoteRead } from '../remote/cosmwasmTypes.js'
import type {
  CallRemoteErrorType,
  CallRemoteParameters,
  CallRemoteReturnType,
  RemoteCallsFor,
  RemoteResultsOf,
} from './callRemote.js'
import { sendRemote } from './internal/sendRemote.js'

export type ReadRemoteParameters<
  chains extends readonly FerryChain[] = readonly FerryChain[],
  from extends ChainRef<chains> = ChainRef<chains>,
  to extends ChainRef<chains> = ChainRef<chains>,
  calls extends readonly unknown[] = readonly unknown[],
> = Omit<CallRemoteParameters<chains, from, to, calls>, 'calls'> & {
  /**
   * The reads, run by the destination's router at the delivery block (no account): on an EVM
   * chain `{ address, abi, functionName, args }` of `view` or `pure` functions, typed from the
   * ABI; on a CosmWasm chain smart queries `{ contract, query, decode? }`.
   */
  calls: RemoteCallsFor<ChainOf<chains, to>, calls, 'view' | 'pure', CosmWasmRemoteRead<unknown>>
}

export type ReadRemoteReturnType<results = readonly unknown[]> = CallRemoteReturnType<results>

export type ReadRemoteErrorType = CallRemoteErrorType

/**
 * Reads contracts on another chain, at the block the batch is delivered in, and gets the values
 * back typed: like `callRemote`, through the origin's interchain-account router, but the
 * destination's router makes static calls (EVM) or smart queries (CosmWasm) itself, no account
 * involved, and only view functions compile.
 *
 * @example
 * const read = await readRemote(client, {
 *   from: 'evm-a',
 *   to: 'evm-b',
 *   calls: [{ address: token, abi: erc20Abi, functionName: 'balanceOf', args: [holder] }],
 *   gasLimit: 200_000,
 * })
 * const [balance] = await read.result() // [bigint]
 */
export async function readRemote<
  const chains extends readonly FerryChain[],
  from extends ChainRef<chains>,
  to extends ChainRef<chains>,
  const calls extends readonly unknown[],
>(
  client: FerryClient<chains>,
  parameters: ReadRemoteParameters<chains, from, to, calls>,
): Promise<ReadRemoteReturnType<RemoteResultsOf<ChainOf<chains, to>, calls>>> {
  // CAST: the results' type follows the calls' (RemoteResultsOf), which sendRemote decodes.
  return sendRemote(client, { ...parameters, kind: 'read', action: 'readRemote' }) as never
}

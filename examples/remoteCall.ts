// #region readme
import { callRemote, type FerryClient, RemoteCallFailedError, readRemote } from '@ferry/sdk'
import { type Hex, parseAbi } from 'viem'

const counterAbi = parseAbi([
  'function increment(uint256 by) returns (uint256)',
  'function count() view returns (uint256)',
])

export type RemoteCountParameters = {
  /** The chain to call from; the client's signer on it owns the account that calls. */
  from: string | number
  /** The chain the counter is on. */
  to: string | number
  counter: Hex
}

/**
 * Increments a counter on another chain through the caller's interchain account there, then
 * reads it remotely; both results come back typed from the ABI (`bigint`).
 *
 * @example
 * const { incremented, read } = await remoteCount(client, { from: 'evm-a', to: 'evm-b', counter })
 */
export async function remoteCount(
  client: FerryClient,
  { from, to, counter }: RemoteCountParameters,
): Promise<{ incremented: bigint; read: bigint }> {
  const call = await callRemote(client, {
    from,
    to,
    calls: [{ address: counter, abi: counterAbi, functionName: 'increment', args: [2n] }],
    gasLimit: 500_000, // the first call also deploys the account
  })
  let incremented: bigint
  try {
    ;[incremented] = await call.result({ timeoutMs: 120_000 })
  } catch (error) {
    // Nothing of the batch stuck: which call reverted, why, and what to do.
    if (error instanceof RemoteCallFailedError)
      console.log(error.index, error.reason, error.recovery)
    throw error
  }
  const read = await readRemote(client, {
    from,
    to,
    calls: [{ address: counter, abi: counterAbi, functionName: 'count' }],
    gasLimit: 200_000,
  })
  const [count] = await read.result({ timeoutMs: 120_000 })
  console.log(`incremented to ${incremented}; read back ${count}`)
  return { incremented, read: count }
}
// #endregion readme

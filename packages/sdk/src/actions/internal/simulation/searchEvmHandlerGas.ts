import { type Address, type Hex, hexToBytes, type PublicClient } from 'viem'
import { isRevert } from '../../../chains/evm/isRevert.js'

/** How nodes word a call that ran out of gas (geth `out of gas`, EDR `ran out of gas`). */
export const OUT_OF_GAS = /out of gas/i

/** Gas a transaction pays before its first opcode (EIP-2028 calldata costs, EIP-7623 floor). */
function intrinsicGas(data: Hex): { intrinsic: bigint; floor: bigint } {
  let zeros = 0n
  let nonZeros = 0n
  for (const byte of hexToBytes(data))
    if (byte === 0) zeros += 1n
    else nonZeros += 1n
  return {
    intrinsic: 21_000n + 4n * zeros + 16n * nonZeros,
    floor: 21_000n + 10n * (zeros + 4n * nonZeros),
  }
}

/**
 * The smallest gas limit with which the handler call `data` (from the endpoint to `recipient`)
 * returns on the state after `block`, searched between `failing` (known to run out) and `cap`:
 * doubling up to the first limit that succeeds, then bisecting to the gas. Each probe is an
 * `eth_call` of the handler alone, sent from the endpoint's address with `limit` gas left once
 * the transaction's intrinsic cost is paid: what `retry(message, limit)` hands it. Undefined
 * when even `cap` runs out.
 */
export async function searchEvmHandlerGas(
  client: PublicClient,
  {
    endpoint,
    recipient,
    data,
    block,
    failing,
    cap,
  }: {
    endpoint: Address
    recipient: Address
    data: Hex
    block: bigint
    failing: number
    cap: number
  },
): Promise<number | undefined> {
  const { intrinsic, floor } = intrinsicGas(data)
  const succeeds = async (limit: number) => {
    const gas = BigInt(limit) + intrinsic
    try {
      await client.call({
        account: endpoint,
        to: recipient,
        data,
        // Under the EIP-7623 floor a transaction is invalid: only tiny handlers get more here.
        gas: gas > floor ? gas : floor,
        blockNumber: block,
      })
      return true
    } catch (error) {
      // Running out (or reverting for want of gas) is an answer; an unreachable node is not.
      if (error instanceof Error && (isRevert(error) || OUT_OF_GAS.test(error.message)))
        return false
      throw error
    }
  }
  let low = failing
  let high = Math.min(Math.max(failing * 2, 21_000), cap)
  while (!(await succeeds(high))) {
    if (high >= cap) return undefined
    low = high
    high = Math.min(high * 2, cap)
  }
  // Invariant: `low` runs out of gas, `high` returns.
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2)
    if (await succeeds(middle)) high = middle
    else low = middle
  }
  return high
}

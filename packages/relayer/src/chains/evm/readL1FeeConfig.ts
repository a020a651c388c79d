import { endpointAbi } from '@ferry/evm-contracts'
import type { L1FeeConfig } from '@ferry/protocol'
import type { EvmReadContext } from '@ferry/sdk'
import { callRpc } from '@ferry/sdk/internal'

/**
 * The L1 data fee parameters the endpoint holds for `domain` (PROTOCOL §9; all zero for a domain
 * without an L1 data fee).
 *
 * @example
 * const current = await readL1FeeConfig(reader, 10)
 */
export async function readL1FeeConfig(
  ctx: Pick<EvmReadContext, 'domain' | 'client'> & { endpointAddress: EvmReadContext['endpoint'] },
  domain: number,
  signal?: AbortSignal,
): Promise<L1FeeConfig> {
  const config = await callRpc(
    ctx,
    'l1FeeConfig',
    () =>
      ctx.client.readContract({
        address: ctx.endpointAddress,
        abi: endpointAbi,
        functionName: 'l1FeeConfig',
        args: [domain],
      }),
    signal,
  )
  return { ...config }
}

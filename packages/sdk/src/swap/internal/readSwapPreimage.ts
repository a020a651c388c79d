import { hashedTimelockAbi } from '@ferry/evm-contracts'
import { type Hex, parseEventLogs } from 'viem'
import { toEvmEndpointRevertedError } from '../../actions/internal/toEvmEndpointRevertedError.js'
import type { CosmWasmChainReader } from '../../chains/cosmwasm/createCosmWasmChainReader.js'
import type { FerryClient } from '../../client/createFerryClient.js'
import type { FerryChain } from '../../client/defineFerryChain.js'
import { getEvmHtlc } from './readSwapLock.js'

/**
 * The preimage a claimed lock was claimed with, from its `Claimed` event (CosmWasm
 * `wasm-htlc_claimed`), searched from the chain's deployment block; undefined when not found.
 *
 * @example
 * const preimage = await readSwapPreimage(client, chain, lockId)
 */
export async function readSwapPreimage(
  client: FerryClient<readonly FerryChain[]>,
  chain: FerryChain,
  lockId: Hex,
): Promise<Hex | undefined> {
  const reader = client.reader(chain)
  if (chain.kind === 'evm' && reader.kind === 'evm') {
    try {
      const logs = await reader.client.getContractEvents({
        address: getEvmHtlc(chain, 'watchSwap'),
        abi: hashedTimelockAbi,
        eventName: 'Claimed',
        args: { id: lockId },
        fromBlock: chain.deploymentBlock ?? 0n,
      })
      const [claimed] = parseEventLogs({ abi: hashedTimelockAbi, eventName: 'Claimed', logs })
      return claimed?.args.preimage
    } catch (error) {
      throw toEvmEndpointRevertedError(chain.name, error)
    }
  }
  if (chain.kind !== 'cosmwasm' || chain.htlc === undefined) return undefined
  // CAST: a CosmWasm chain's reader is a CosmWasm reader.
  const { source } = reader as CosmWasmChainReader
  const head = await source.getHead()
  const transactions = await source.searchEvents({
    contract: chain.htlc,
    eventType: 'wasm-htlc_claimed',
    fromHeight: chain.deploymentHeight ?? 1n,
    toHeight: head.number,
  })
  for (const { events } of transactions)
    for (const { attributes } of events) {
      const value = (key: string) => attributes.find((a) => a.key === key)?.value
      // CAST: the HTLC emits ids and preimages as 0x-prefixed hex.
      if (value('id')?.toLowerCase() === lockId.toLowerCase()) return value('preimage') as Hex
    }
  return undefined
}

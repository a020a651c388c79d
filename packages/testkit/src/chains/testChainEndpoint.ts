import { bech32ToBytes32, evmAddressToBytes32 } from '@ferry/protocol'
import type { Hex } from 'viem'
import type { TestChain } from './startTestChain.js'

/**
 * A test chain's endpoint as bytes32 (PROTOCOL §2), as other chains name it.
 *
 * @example
 * expect(checkpoint.originEndpoint).toBe(testChainEndpoint(evm))
 */
export function testChainEndpoint(chain: TestChain): Hex {
  return chain.kind === 'evm'
    ? evmAddressToBytes32(chain.endpoint)
    : bech32ToBytes32(chain.endpoint)
}

import { endpointAbi } from '@ferry/evm-contracts'
import { encodeFunctionData, type Hex } from 'viem'
import type { EndpointCall } from '../types.js'

/**
 * The endpoint calldata of `call`.
 *
 * @example
 * const data = encodeCall({ type: 'retry', message, gasLimit: 200_000 })
 */
export function encodeCall(call: EndpointCall): Hex {
  switch (call.type) {
    case 'deliverBatch':
      return encodeFunctionData({
        abi: endpointAbi,
        functionName: 'deliverBatch',
        args: [call.messages, call.proofs],
      })
    case 'retry':
      return encodeFunctionData({
        abi: endpointAbi,
        functionName: 'retry',
        args: [call.message, call.gasLimit],
      })
    case 'timeout':
      return encodeFunctionData({ abi: endpointAbi, functionName: 'timeout', args: [call.message] })
    case 'setL1FeeConfig':
      return encodeFunctionData({
        abi: endpointAbi,
        functionName: 'setL1FeeConfig',
        args: [call.domain, call.config],
      })
  }
}

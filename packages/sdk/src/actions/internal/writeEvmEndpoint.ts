import { endpointAbi } from '@ferry/evm-contracts'
import type { ContractFunctionArgs, ContractFunctionName, Hash, TransactionReceipt } from 'viem'
import type { EvmChainReader } from '../../chains/evm/createEvmChainReader.js'
import type { FerryEvmChain } from '../../client/defineFerryChain.js'
import { writeEvmContract } from './writeEvmContract.js'

type WriteName = ContractFunctionName<typeof endpointAbi, 'nonpayable' | 'payable'>

/**
 * Calls `functionName` on the chain's endpoint as its wallet, typed by the endpoint's ABI
 * (`writeEvmContract`: simulated first, refusals as `EndpointRevertedError`, a mined revert as
 * `TransactionRevertedError`).
 *
 * @example
 * const receipt = await writeEvmEndpoint(chain, reader, 'retry', { functionName: 'retry', args: [message, 300_000] })
 */
export async function writeEvmEndpoint<functionName extends WriteName>(
  chain: FerryEvmChain,
  reader: EvmChainReader,
  {
    functionName,
    args,
    value,
  }: {
    functionName: functionName
    args: ContractFunctionArgs<typeof endpointAbi, 'nonpayable' | 'payable', functionName>
    value?: bigint | undefined
  },
): Promise<TransactionReceipt & { transactionHash: Hash }> {
  return writeEvmContract(chain, reader, {
    address: chain.endpoint,
    abi: endpointAbi,
    functionName,
    // CAST: checked against the endpoint's ABI by the constraint above.
    args: args as readonly unknown[],
    value,
  })
}

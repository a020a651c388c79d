import { endpointAbi } from '@ferry/evm-contracts'
import type { ContractFunctionArgs, ContractFunctionName, Hash, TransactionReceipt } from 'viem'
import type { EvmChainReader } from '../../chains/evm/createEvmChainReader.js'
import type { FerryEvmChain } from '../../client/defineFerryChain.js'
import { TransactionRevertedError } from '../../errors/TransactionRevertedError.js'
import { getEvmSigner } from './getEvmSigner.js'
import { toEvmEndpointRevertedError } from './toEvmEndpointRevertedError.js'

type WriteName = ContractFunctionName<typeof endpointAbi, 'nonpayable' | 'payable'>

/**
 * Calls `functionName` on the chain's endpoint as its wallet: simulates it first through the
 * chain's reader (so a refusal is decoded before anything is signed), signs and sends it, waits
 * for the receipt and returns it. Refusals throw `EndpointRevertedError`; a transaction that
 * passed the simulation but reverted when mined, `TransactionRevertedError`.
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
  const { wallet, account } = getEvmSigner(chain, functionName)
  let hash: Hash
  try {
    // CAST: viem cannot relate the generic name to its args and payability; the constraint on
    // `args` above is what makes each call site checked.
    const { request } = await reader.client.simulateContract({
      address: chain.endpoint,
      abi: endpointAbi,
      functionName,
      args,
      account,
      ...(value === undefined ? {} : { value }),
    } as never)
    hash = await wallet.writeContract({ ...request, account, chain: wallet.chain ?? null })
  } catch (error) {
    throw toEvmEndpointRevertedError(chain.name, error)
  }
  const receipt = await reader.client.waitForTransactionReceipt({ hash })
  if (receipt.status !== 'success')
    throw new TransactionRevertedError({ chain: chain.name, transactionHash: hash })
  return receipt
}

import type { Abi, Address, Hash, TransactionReceipt } from 'viem'
import type { EvmChainReader } from '../../chains/evm/createEvmChainReader.js'
import type { FerryEvmChain } from '../../client/defineFerryChain.js'
import { TransactionRevertedError } from '../../errors/TransactionRevertedError.js'
import { getEvmSigner } from './getEvmSigner.js'
import { toEvmEndpointRevertedError } from './toEvmEndpointRevertedError.js'

/**
 * Calls `functionName` on a Ferry contract of the chain (its endpoint, an app such as the
 * interchain-account router) as the chain's wallet: simulates it first through the chain's
 * reader (so a refusal is decoded with `abi`, which names every error the call can revert with,
 * before anything is signed), signs and sends it, waits for the receipt and returns it. Refusals
 * throw `EndpointRevertedError`; a transaction that passed the simulation but reverted when
 * mined, `TransactionRevertedError`. Callers type the call (`writeEvmEndpoint`).
 *
 * @example
 * const receipt = await writeEvmContract(chain, reader, { address: router, abi, functionName: 'callRemote', args, value })
 */
export async function writeEvmContract(
  chain: FerryEvmChain,
  reader: EvmChainReader,
  {
    address,
    abi,
    functionName,
    args,
    value,
  }: {
    address: Address
    abi: Abi
    functionName: string
    args: readonly unknown[]
    value?: bigint | undefined
  },
): Promise<TransactionReceipt & { transactionHash: Hash }> {
  const { wallet, account } = getEvmSigner(chain, functionName)
  let hash: Hash
  try {
    // CAST: the caller's types checked name, arguments and payability against its ABI.
    const { request } = await reader.client.simulateContract({
      address,
      abi,
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

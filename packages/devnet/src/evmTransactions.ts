// What the devnet's demo does on an EVM chain as the test deployer: send a transaction and check
// it succeeded, and read the Ferry message it sent.
import { endpointAbi } from '@ferry/evm-contracts'
import type { EvmTestChain } from '@ferry/testkit'
import { type Hex, parseEventLogs, type TransactionReceipt } from 'viem'

/** The chain's deployer account, which the demo sends and pays with. */
export function deployerOf(chain: EvmTestChain) {
  if (!chain.wallet.account) throw new Error('devnet demo: the deployer wallet has no account')
  return chain.wallet.account
}

/** The receipt of `sent`, once mined; throws naming `what` if it reverted. */
export async function confirm(
  chain: EvmTestChain,
  what: string,
  sent: Promise<Hex>,
): Promise<TransactionReceipt> {
  const receipt = await chain.client.waitForTransactionReceipt({ hash: await sent })
  if (receipt.status !== 'success')
    throw new Error(`devnet demo: ${what} reverted on ${chain.name}`)
  return receipt
}

/** The id of the one Ferry message the endpoint sent in `receipt`. */
export function sentMessageId(receipt: TransactionReceipt): Hex {
  const [log] = parseEventLogs({ abi: endpointAbi, eventName: 'MessageSent', logs: receipt.logs })
  if (!log) throw new Error('devnet demo: no MessageSent')
  return log.args.id
}

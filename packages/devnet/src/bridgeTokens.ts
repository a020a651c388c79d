import { collateralTokenBridgeAbi } from '@ferry/evm-contracts'
import { evmAddressToBytes32 } from '@ferry/protocol'
import type { EvmTestChain, EvmTestTokenBridge } from '@ferry/testkit'
import { erc20Abi } from 'viem'
import { confirm, deployerOf, sentMessageId } from './evmTransactions.js'
import type { DemoMessage, MessageFollower } from './followMessages.js'
import { tokenBalance } from './tokens.js'

/** Balances around a token transfer, each in its own token's base units. */
export type TokenTransferBalances = {
  /** The sender's token on the origin. */
  sender: bigint
  /** The recipient's token on the destination. */
  recipient: bigint
}

export type TokenTransfer = {
  /** The origin bridge's `quoteTransfer`: what is taken, what arrives, the dust left. */
  quote: { fee: bigint; sent: bigint; amountReceived: bigint; dust: bigint }
  /** The Ferry message, as the relayer's API reports it once executed. */
  message: DemoMessage
  before: TokenTransferBalances
  after: TokenTransferBalances
}

/**
 * Sends `amount` (origin units) with the Ferry token bridge of `from` (`transferRemote`, paying
 * its quote) from the deployer to the same address on `to`, and follows the message through the
 * relayer's API until executed. A collateral bridge is approved first (it pulls the tokens); a
 * synthetic one burns. What does not scale to a whole unit of the destination token (the dust)
 * stays with the sender. Returns the quote and the balances before and after.
 *
 * @example
 * const there = await bridgeTokens({ from: evmA, to: evmB, amount: 10n ** 18n, follow })
 */
export async function bridgeTokens({
  from,
  to,
  amount,
  follow,
}: {
  from: EvmTestChain
  to: EvmTestChain
  amount: bigint
  follow: MessageFollower
}): Promise<TokenTransfer> {
  const [origin, destination] = [bridgeOf(from), bridgeOf(to)]
  const account = deployerOf(from)
  const write = { account, chain: from.wallet.chain } as const
  const balances = async (): Promise<TokenTransferBalances> => ({
    sender: await tokenBalance(from, origin.token, account.address),
    recipient: await tokenBalance(to, destination.token, account.address),
  })
  const before = await balances()
  const [fee, sent, amountReceived, dust] = await from.client.readContract({
    address: origin.bridge,
    abi: collateralTokenBridgeAbi,
    functionName: 'quoteTransfer',
    args: [to.domain, amount],
  })
  if (origin.kind === 'collateral')
    await confirm(
      from,
      'approve',
      from.wallet.writeContract({
        address: origin.token,
        abi: erc20Abi,
        functionName: 'approve',
        args: [origin.bridge, sent],
        ...write,
      }),
    )
  const receipt = await confirm(
    from,
    'transferRemote',
    from.wallet.writeContract({
      // Both kinds share TokenBridge's transferRemote.
      address: origin.bridge,
      abi: collateralTokenBridgeAbi,
      functionName: 'transferRemote',
      args: [to.domain, evmAddressToBytes32(account.address), amount],
      value: fee,
      ...write,
    }),
  )
  const message = await follow.executed(sentMessageId(receipt))
  return { quote: { fee, sent, amountReceived, dust }, message, before, after: await balances() }
}

/** The chain's Ferry token bridge, which the devnet deploys on every EVM chain. */
function bridgeOf(chain: EvmTestChain): EvmTestTokenBridge {
  const bridge = chain.apps.tokenBridge
  if (bridge === undefined) throw new Error(`devnet: ${chain.name} has no token bridge`)
  return bridge
}

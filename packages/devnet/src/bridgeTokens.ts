import { quoteTransfer, transferRemote } from '@ferry/cosmwasm-bindings'
import { collateralTokenBridgeAbi } from '@ferry/evm-contracts'
import { bech32ToBytes32, evmAddressToBytes32 } from '@ferry/protocol'
import {
  type CosmWasmTestChain,
  type EvmTestChain,
  type EvmTestTokenBridge,
  TEST_COSMWASM_ACCOUNTS,
} from '@ferry/testkit'
import { erc20Abi, type Hex } from 'viem'
import { confirm, deployerOf, sentMessageId } from './evmTransactions.js'
import type { DemoMessage, MessageFollower } from './followMessages.js'
import { bankBalance, tokenBalance } from './tokens.js'

/**
 * One end of a token route: a chain, its Ferry token bridge and what it locks or mints. The
 * tokens move between the demo's accounts: the deployer on an EVM chain, the test user on the
 * CosmWasm chain (whose bank denom a native bridge locks).
 */
export type TokenEnd = EvmTokenEnd | CosmWasmTokenEnd

/** An EVM chain's bridge of an ERC-20 (locked or minted). */
export type EvmTokenEnd = { chain: EvmTestChain } & EvmTestTokenBridge

/** A CosmWasm chain's native bridge of a bank denom (locked). */
export type CosmWasmTokenEnd = { chain: CosmWasmTestChain; bridge: string; denom: string }

/** Balances around a token transfer, each in its own token's base units. */
export type TokenTransferBalances = {
  /** The sender's token on the origin. */
  sender: bigint
  /** The recipient's token on the destination. */
  recipient: bigint
}

export type TokenTransfer = {
  /**
   * The origin bridge's quote: the Ferry fee (the origin's native token), what is taken, what
   * arrives, the dust left with the sender.
   */
  quote: { fee: bigint; sent: bigint; amountReceived: bigint; dust: bigint }
  /** The Ferry message, as the relayer's API reports it once executed. */
  message: DemoMessage
  before: TokenTransferBalances
  after: TokenTransferBalances
}

/**
 * Sends `amount` (origin units) through the Ferry token bridge at `from` to the demo's account
 * at `to`, paying the quoted fee, and follows the message through the relayer's API until
 * executed. On EVM a collateral bridge is approved first (it pulls the ERC-20), a synthetic one
 * burns; on CosmWasm a native bridge takes the denom sent with the call. What does not scale to
 * a whole unit of the destination token (the dust) stays with the sender. Returns the quote and
 * both balances before and after.
 *
 * @example
 * const there = await bridgeTokens({ from: evmTokenEnd(evmA), to: evmTokenEnd(evmB), amount: 10n ** 18n, follow })
 */
export async function bridgeTokens({
  from,
  to,
  amount,
  follow,
}: {
  from: TokenEnd
  to: TokenEnd
  amount: bigint
  follow: MessageFollower
}): Promise<TokenTransfer> {
  const balances = async (): Promise<TokenTransferBalances> => ({
    sender: await balanceAt(from),
    recipient: await balanceAt(to),
  })
  const before = await balances()
  const { quote, id } = await send(from, to.chain.domain, holderAt(to), amount)
  const message = await follow.executed(id)
  return { quote, message, before, after: await balances() }
}

/** The end of the route at an EVM chain's own token bridge (`startTestChain`'s `tokenBridge`). */
export function evmTokenEnd(chain: EvmTestChain): EvmTokenEnd {
  const bridge = chain.apps.tokenBridge
  if (bridge === undefined) throw new Error(`devnet: ${chain.name} has no token bridge`)
  return { chain, ...bridge }
}

/** The account whose tokens move at `end`, as 32 bytes (PROTOCOL §2). */
function holderAt(end: TokenEnd): Hex {
  return end.chain.kind === 'evm'
    ? evmAddressToBytes32(deployerOf(end.chain).address)
    : bech32ToBytes32(TEST_COSMWASM_ACCOUNTS.user)
}

function balanceAt(end: TokenEnd): Promise<bigint> {
  if ('denom' in end) return bankBalance(end.chain, TEST_COSMWASM_ACCOUNTS.user, end.denom)
  return tokenBalance(end.chain, end.token, deployerOf(end.chain).address)
}

/** Quotes and sends the transfer from `from`'s account; the Ferry message's id. */
async function send(
  from: TokenEnd,
  destination: number,
  recipient: Hex,
  amount: bigint,
): Promise<Pick<TokenTransfer, 'quote'> & { id: Hex }> {
  if ('denom' in from) {
    const { executor } = from.chain
    const contract = from.bridge
    const { fee, sent, amountReceived, dust } = await quoteTransfer(executor, {
      contract,
      destination,
      amount,
    })
    const { id } = await transferRemote(executor, {
      contract,
      sender: TEST_COSMWASM_ACCOUNTS.user,
      destination,
      recipient,
      amount,
    })
    return { quote: { fee: fee.amount, sent, amountReceived, dust }, id }
  }
  const { chain } = from
  const write = { account: deployerOf(chain), chain: chain.wallet.chain } as const
  const [fee, sent, amountReceived, dust] = await chain.client.readContract({
    address: from.bridge,
    abi: collateralTokenBridgeAbi,
    functionName: 'quoteTransfer',
    args: [destination, amount],
  })
  if (from.kind === 'collateral')
    await confirm(
      chain,
      'approve',
      chain.wallet.writeContract({
        address: from.token,
        abi: erc20Abi,
        functionName: 'approve',
        args: [from.bridge, sent],
        ...write,
      }),
    )
  const receipt = await confirm(
    chain,
    'transferRemote',
    chain.wallet.writeContract({
      // Both kinds share TokenBridge's transferRemote.
      address: from.bridge,
      abi: collateralTokenBridgeAbi,
      functionName: 'transferRemote',
      args: [destination, recipient, amount],
      value: fee,
      ...write,
    }),
  )
  return { quote: { fee, sent, amountReceived, dust }, id: sentMessageId(receipt) }
}

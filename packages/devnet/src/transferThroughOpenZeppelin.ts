import { ferryGatewayAbi, ozBridgeERC20Abi } from '@ferry/evm-contracts'
import type { EvmTestChain } from '@ferry/testkit'
import { erc20Abi, type Hex, isAddressEqual, parseEventLogs } from 'viem'
import type { OpenZeppelinBridge } from './deployOpenZeppelinBridge.js'
import { confirm, deployerOf, sentMessageId } from './evmTransactions.js'
import type { DemoMessage, MessageFollower } from './followMessages.js'
import { interopAddressOn } from './interopAddressOn.js'
import { mintTestToken, tokenBalance } from './tokens.js'

/** Balances around an OpenZeppelin transfer, in the tokens' base units. */
export type OpenZeppelinBalances = {
  /** The sender's token on the home chain. */
  sender: bigint
  /** What `BridgeERC20` holds locked on the home chain. */
  locked: bigint
  /** The recipient's `ERC20Crosschain` on the remote chain. */
  recipient: bigint
  /** `ERC20Crosschain`'s total supply. */
  supply: bigint
}

export type OpenZeppelinTransfer = {
  /** The gateway's id of the parked send, which `payPending` paid. */
  sendId: Hex
  /** The Ferry message, as the relayer's API reports it once executed. */
  message: DemoMessage
  before: OpenZeppelinBalances
  after: OpenZeppelinBalances
}

/**
 * Moves `amount` of the home token with OpenZeppelin's `BridgeERC20.crosschainTransfer` from the
 * deployer on `home` to the same address on `remote`, through the relayer service: the deployer
 * is minted `amount` (the test token mints to anyone) and approves the bridge; the bridge's send
 * pays no fee, so the gateway parks it with a non-zero `sendId`, and the deployer pays it with
 * `payPending` (spec/apps/erc7786-gateway.md §5); then the message is followed through the
 * relayer's API until executed. Returns the balances before (after the mint) and after.
 *
 * @example
 * const { before, after } = await transferThroughOpenZeppelin({ home, remote, openZeppelin, amount: 400n, follow })
 */
export async function transferThroughOpenZeppelin({
  home,
  remote,
  openZeppelin,
  amount,
  follow,
}: {
  home: EvmTestChain
  remote: EvmTestChain
  openZeppelin: OpenZeppelinBridge
  amount: bigint
  follow: MessageFollower
}): Promise<OpenZeppelinTransfer> {
  const gateway = home.apps.gateway
  if (gateway === undefined) throw new Error(`devnet: ${home.name} has no ERC-7786 gateway`)
  const account = deployerOf(home)
  const { bridgeERC20, token, erc20Crosschain } = openZeppelin
  const write = { account, chain: home.wallet.chain } as const
  await mintTestToken(home, token, amount)
  await confirm(
    home,
    'approve',
    home.wallet.writeContract({
      address: token,
      abi: erc20Abi,
      functionName: 'approve',
      args: [bridgeERC20, amount],
      ...write,
    }),
  )
  const balances = async (): Promise<OpenZeppelinBalances> => ({
    sender: await tokenBalance(home, token, account.address),
    locked: await tokenBalance(home, token, bridgeERC20),
    recipient: await tokenBalance(remote, erc20Crosschain, account.address),
    supply: await remote.client.readContract({
      address: erc20Crosschain,
      abi: erc20Abi,
      functionName: 'totalSupply',
    }),
  })
  const before = await balances()

  const sent = await confirm(
    home,
    'crosschainTransfer',
    home.wallet.writeContract({
      address: bridgeERC20,
      abi: ozBridgeERC20Abi,
      functionName: 'crosschainTransfer',
      args: [await interopAddressOn(home, remote.domain, account.address), amount],
      ...write,
    }),
  )
  // The gateway's ERC-7786 MessageSent holds what payPending must repeat.
  const [parked] = parseEventLogs({
    abi: ferryGatewayAbi,
    eventName: 'MessageSent',
    logs: sent.logs.filter((log) => isAddressEqual(log.address, gateway)),
  })
  if (!parked || BigInt(parked.args.sendId) === 0n)
    throw new Error('devnet demo: the gateway parked no message for BridgeERC20')
  const { sendId, recipient, payload, attributes } = parked.args
  const fee = await home.client.readContract({
    address: gateway,
    abi: ferryGatewayAbi,
    functionName: 'quoteMessage',
    args: [recipient, payload, attributes],
  })
  const paid = await confirm(
    home,
    'payPending',
    home.wallet.writeContract({
      address: gateway,
      abi: ferryGatewayAbi,
      functionName: 'payPending',
      // The sender is the bridge: it called sendMessage.
      args: [sendId, bridgeERC20, recipient, payload, attributes],
      value: fee,
      ...write,
    }),
  )
  const message = await follow.executed(sentMessageId(paid))
  return { sendId, message, before, after: await balances() }
}

// #region readme
import {
  AllowanceTooLowError,
  type FerryClient,
  getTransfer,
  quoteTransfer,
  TransferRateLimitedError,
  transferToken,
  waitForMessage,
} from '@ferry/sdk'

export type MoveTokensParameters = {
  /** The chain the tokens leave; the client's signer on it sends them. */
  from: string | number
  to: string | number
  /** An EVM address, bech32, or an ERC-7930 address naming `to`. */
  recipient: string
  /** In the origin token's smallest units. */
  amount: bigint
  /** The origin's token bridge, when its chain is defined without `tokenBridge`. */
  bridge?: string | undefined
}

/**
 * Moves tokens to another chain: says what will arrive and what dust stays, sends, waits until
 * the destination's bridge credited the recipient, and returns the transfer as it arrived.
 *
 * @example
 * const { amount } = await moveTokens(client, { from: 'evm-a', to: 'evm-b', recipient, amount: 10n ** 18n })
 */
export async function moveTokens(
  client: FerryClient,
  { from, to, recipient, amount, bridge }: MoveTokensParameters,
) {
  const quote = await quoteTransfer(client, { origin: from, destination: to, amount, bridge })
  console.log(
    `${quote.amountReceived} arrive (destination units), ${quote.dust} stays with you, fee ${quote.fee}`,
  )
  let sent: Awaited<ReturnType<typeof transferToken>>
  try {
    sent = await transferToken(client, { origin: from, destination: to, recipient, amount, bridge })
  } catch (error) {
    // Refused on the origin, before anything was signed: nothing is stuck.
    if (error instanceof AllowanceTooLowError)
      console.log(`approve ${error.spender} for ${error.needed} of ${error.token} first`)
    if (error instanceof TransferRateLimitedError)
      console.log(`at most ${error.available} may leave now`)
    throw error
  }
  const state = await waitForMessage(client, { id: sent.id, until: 'final', timeoutMs: 120_000 })
  if (state.type !== 'executed') throw new Error(`the transfer ended ${state.type}`)
  const { transfer } = await getTransfer(client, { id: sent.id, origin: from })
  if (transfer === undefined) throw new Error('the transfer’s message is not found')
  return transfer // { recipient, amount, sender, bridges }, the amount in the destination's units
}
// #endregion readme

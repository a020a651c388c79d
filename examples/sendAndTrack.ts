// #region readme
import { type FerryClient, type MessageState, quote, send, waitForMessage } from '@ferry/sdk'
import { type Hex, stringToHex } from 'viem'

export type SendAndTrackParameters = {
  /** The origin EVM chain (name or domain); the client's wallet on it sends and pays. */
  from: string | number
  /** The destination chain (name or domain). */
  to: string | number
  /** The app that receives the message on `to`. */
  recipient: Hex
  /** What to send: the app's body, as UTF-8. */
  text: string
}

/**
 * Quotes a message, sends it, and waits until it is final on its destination (live over the
 * relayer API's event stream when the client has an `apiUrl`, by polling the chains otherwise).
 *
 * @example
 * const state = await sendAndTrack(client, { from: 'evm-a', to: 'evm-b', recipient, text: 'hello' })
 */
export async function sendAndTrack(
  client: FerryClient,
  { from, to, recipient, text }: SendAndTrackParameters,
): Promise<MessageState> {
  const body = stringToHex(text)
  const gasLimit = 200_000
  const { fee, breakdown } = await quote(client, { from, to, body, gasLimit })
  console.log(`quote: ${fee} wei (base ${breakdown.baseFee}, gas ${breakdown.gasFee})`)

  // Refused before signing if the fee rose above twice the quote; what is not kept is refunded.
  const sent = await send(client, { from, to, recipient, body, gasLimit, maxFee: fee * 2n })
  console.log(`sent ${sent.id} in ${sent.transactionHash}, fee kept ${sent.feePaid} wei`)

  const state = await waitForMessage(client, { id: sent.id, origin: from, timeoutMs: 120_000 })
  if (state.type === 'executed') console.log(`executed on ${state.destination}: ${state.result}`)
  else console.log(`settled as ${state.type}`)
  return state
}
// #endregion readme

// `node sendAndTrack.ts` against `pnpm devnet`.
if (import.meta.main) {
  const { connectDevnet } = await import('./connectDevnet.ts')
  const { client, recipientOn } = await connectDevnet()
  await sendAndTrack(client, {
    from: 'evm-a',
    to: 'evm-b',
    recipient: recipientOn('evm-b'),
    text: 'hello from sendAndTrack',
  })
}

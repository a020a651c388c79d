// #region readme
import {
  AlreadyDeliveredError,
  type FerryClient,
  getMessage,
  type MessageState,
  relayMessage,
  send,
} from '@ferry/sdk'
import { type Hex, stringToHex } from 'viem'

export type SelfRelayParameters = {
  /** The origin EVM chain (name or domain); the client's wallet on it sends and pays. */
  from: string | number
  /** The destination chain (name or domain); the client's signer on it delivers. */
  to: string | number
  /** The app that receives the message on `to`. */
  recipient: Hex
  /** What to send: the app's body, as UTF-8. */
  text: string
}

export type SelfRelayReturnType = {
  /** The message's state once delivered. */
  state: MessageState
  /** The delivery we made; undefined when someone else (a relayer) delivered it first. */
  transactionHash: string | undefined
}

/**
 * Sends a message and delivers it with our own signer on the destination, no relayer needed:
 * asks `getMessage` why the message waits until delivering it ourselves is what helps, then
 * `relayMessage` (the proof comes from the relayer API if it is up, else from the validators).
 *
 * @example
 * const { state, transactionHash } = await selfRelay(client, { from: 'evm-a', to: 'evm-b', recipient, text: 'hi' })
 */
export async function selfRelay(
  client: FerryClient,
  { from, to, recipient, text }: SelfRelayParameters,
): Promise<SelfRelayReturnType> {
  const sent = await send(client, {
    from,
    to,
    recipient,
    body: stringToHex(text),
    gasLimit: 200_000,
  })
  const id = sent.id
  console.log(`sent ${id}`)

  // "Not yet" (final, then signed by the validators) until the state's recovery says to relay.
  let last = ''
  for (const deadline = Date.now() + 120_000; ; ) {
    const state = await getMessage(client, { id, origin: from })
    if (state.type !== last)
      console.log(`${state.type}, recovery: ${state.recovery?.action ?? '-'}`)
    last = state.type
    if (state.type === 'executed') return { state, transactionHash: undefined }
    if (state.recovery?.action === 'relayMessage') break
    if (Date.now() > deadline) throw new Error(`${id} still ${state.type} after 2 minutes`)
    await new Promise((resolve) => setTimeout(resolve, 500))
  }

  try {
    const { transactionHash } = await relayMessage(client, { id, origin: from })
    console.log(`delivered it ourselves in ${transactionHash}`)
    return { state: await getMessage(client, { id, origin: from }), transactionHash }
  } catch (error) {
    // A relayer got there between our getMessage and our delivery: nothing left to do.
    if (!(error instanceof AlreadyDeliveredError)) throw error
    return { state: await getMessage(client, { id, origin: from }), transactionHash: undefined }
  }
}
// #endregion readme

// `node selfRelay.ts` against `pnpm devnet` (whose relayer may well deliver it first).
if (import.meta.main) {
  const { connectDevnet } = await import('./connectDevnet.ts')
  const { client, recipientOn } = await connectDevnet()
  await selfRelay(client, {
    from: 'evm-a',
    to: 'evm-b',
    recipient: recipientOn('evm-b'),
    text: 'hello from selfRelay',
  })
}

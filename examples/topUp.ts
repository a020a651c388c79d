// #region readme
import {
  addFee,
  type FerryClient,
  getMessage,
  type MessageState,
  send,
  waitForMessage,
} from '@ferry/sdk'
import { type Hex, stringToHex } from 'viem'

export type TopUpParameters = {
  /** The origin EVM chain (name or domain); the client's wallet on it sends and tops up. */
  from: string | number
  /** The destination chain (name or domain). */
  to: string | number
  /** The app that receives the message on `to`. */
  recipient: Hex
  /** What to send: the app's body, as UTF-8. */
  text: string
  /** What to add, in wei, when the relayer does not say how much is missing. */
  amount: bigint
}

export type TopUpReturnType = {
  /** The message's final state. */
  state: MessageState
  /** What we added; 0n when the relayer delivered it for its fee. */
  added: bigint
}

/**
 * Sends a message paying the endpoint's fee, which a relayer may find too little: `getMessage`
 * then says `underpaid`, and `addFee` tops the fee up on the origin, after which the relayer
 * delivers it.
 *
 * @example
 * const { state, added } = await topUp(client, { from: 'evm-b', to: 'evm-a', recipient, text: 'hi', amount: parseEther('1') })
 */
export async function topUp(
  client: FerryClient,
  { from, to, recipient, text, amount }: TopUpParameters,
): Promise<TopUpReturnType> {
  const sent = await send(client, {
    from,
    to,
    recipient,
    body: stringToHex(text),
    gasLimit: 200_000,
  })
  console.log(`sent ${sent.id}, fee ${sent.feePaid} wei`)

  let added = 0n
  for (const deadline = Date.now() + 120_000; ; ) {
    const state = await getMessage(client, { id: sent.id, origin: from })
    if (state.type === 'executed') break // delivered for its fee: nothing to add
    if (state.type === 'underpaid') {
      const { amount: paid, transactionHash } = await addFee(client, {
        message: sent,
        amount: state.missing ?? amount,
      })
      console.log(`underpaid: added ${paid} wei in ${transactionHash}`)
      added = paid
      break
    }
    if (Date.now() > deadline) throw new Error(`${sent.id} still ${state.type} after 2 minutes`)
    await new Promise((resolve) => setTimeout(resolve, 500))
  }

  const state = await waitForMessage(client, { id: sent.id, origin: from, timeoutMs: 120_000 })
  console.log(`${state.type} on ${'destination' in state ? state.destination : '?'}`)
  return { state, added }
}
// #endregion readme

// `node topUp.ts` against `pnpm devnet` (which has no fee policy: it delivers at once).
if (import.meta.main) {
  const { connectDevnet } = await import('./connectDevnet.ts')
  const { client, recipientOn } = await connectDevnet()
  await topUp(client, {
    from: 'evm-b',
    to: 'evm-a',
    recipient: recipientOn('evm-a'),
    text: 'hello from topUp',
    amount: 10n ** 15n,
  })
}

import type { Hash, Hex } from 'viem'
import { toHex } from 'viem'
import type { RpcError } from '../chains/errors.js'
import type { SentMessageEvent } from '../chains/types.js'
import type { ChainOf, ChainRef, FerryClient } from '../client/createFerryClient.js'
import type { FerryChain } from '../client/defineFerryChain.js'
import type { EndpointRevertedError } from '../errors/EndpointRevertedError.js'
import type { InvalidRecipientError } from '../errors/InvalidRecipientError.js'
import { MaxFeeExceededError } from '../errors/MaxFeeExceededError.js'
import type { MissingSignerError } from '../errors/MissingSignerError.js'
import type { TransactionRevertedError } from '../errors/TransactionRevertedError.js'
import type { UnknownChainError } from '../errors/UnknownChainError.js'
import { parseEvmReceipt } from './internal/parseEvmReceipt.js'
import { toRecipientBytes32 } from './internal/toRecipientBytes32.js'
import { writeEvmEndpoint } from './internal/writeEvmEndpoint.js'
import { quote } from './quote.js'

/**
 * A recipient on `chain`: on EVM a `0x` address (20 bytes) or 32-byte hex; on CosmWasm a
 * bech32 address with the chain's prefix or 32-byte hex.
 */
export type RecipientOf<chain extends FerryChain> = chain extends { kind: 'evm' } ? Hex : string

/** A transaction hash on `chain`: `0x` hex on EVM, upper-case hex (CometBFT's) on CosmWasm. */
export type TransactionHashOf<chain extends FerryChain> = chain extends { kind: 'evm' }
  ? Hash
  : string

export type SendParameters<
  chains extends readonly FerryChain[] = readonly FerryChain[],
  from extends ChainRef<chains> = ChainRef<chains>,
  to extends ChainRef<chains> = ChainRef<chains>,
> = {
  /** The origin chain (name or domain); its signer is the message's sender. */
  from: from
  /** The destination chain (name or domain). */
  to: to
  /** The app that receives the message on `to`; checked against `to`'s kind. */
  recipient: RecipientOf<ChainOf<chains, to>>
  /** The app's bytes, at most 65,536. */
  body: Hex | Uint8Array
  /** Gas the recipient's handler is given at least. */
  gasLimit: number
  /** Gas for the ack's handler back on the origin; 0 (the default) requests no ack. */
  ackGasLimit?: number | undefined
  /** Unix seconds, by `to`'s clock, after which the message can be timed out; 0n (default) never. */
  deadline?: bigint | undefined
  /** Refuse to send (`MaxFeeExceededError`) when the quote is above this; otherwise it is paid and the endpoint refunds the excess. */
  maxFee?: bigint | undefined
  /** Pay exactly this (the endpoint refunds what exceeds the fee); default `maxFee`, else the quote. */
  value?: bigint | undefined
}

export type SendReturnType<chain extends FerryChain = FerryChain> = Omit<
  SentMessageEvent,
  'transactionHash'
> & {
  transactionHash: TransactionHashOf<chain>
  /** The origin chain's name. */
  chain: chain['name']
  /** What the endpoint kept as the fee (it refunded the rest), in the origin's native base units. */
  feePaid: bigint
}

export type SendErrorType =
  | UnknownChainError
  | InvalidRecipientError
  | MaxFeeExceededError
  | MissingSignerError
  | EndpointRevertedError
  | TransactionRevertedError
  | RpcError

/**
 * Sends a message from the `from` chain's signer to `recipient` on `to` (PROTOCOL §4): checks the
 * recipient against `to`'s kind, quotes the fee and refuses above `maxFee` before signing
 * anything, then calls the origin endpoint's `send` (EVM: simulated, then written with the
 * chain's `walletClient`; CosmWasm: executed with the chain's `executor`) and returns the
 * message as the endpoint emitted it, decoded, with the fee it kept.
 *
 * Payment: `value` if given, else `maxFee` if given, else the quote. Both endpoints keep exactly
 * the fee current when the transaction runs and refund the rest to the sender in the same
 * transaction (EVM: a transfer; CosmWasm: a bank send in the response), so paying `maxFee`
 * keeps a fee raised between the quote and inclusion from failing the send.
 *
 * @example
 * const { id, message, transactionHash } = await send(client, {
 *   from: 'base',
 *   to: 'osmosis',
 *   recipient: 'osmo1…',
 *   body: '0x68656c6c6f',
 *   gasLimit: 200_000,
 *   maxFee: parseEther('0.001'),
 * })
 */
export async function send<
  const chains extends readonly FerryChain[],
  from extends ChainRef<chains>,
  to extends ChainRef<chains>,
>(
  client: FerryClient<chains>,
  parameters: SendParameters<chains, from, to>,
): Promise<SendReturnType<ChainOf<chains, from>>> {
  const origin: FerryChain = client.chain(parameters.from)
  const destination: FerryChain = client.chain(parameters.to)
  const { gasLimit, ackGasLimit = 0, deadline = 0n, maxFee } = parameters
  const recipient = toRecipientBytes32(destination, parameters.recipient)
  const body = typeof parameters.body === 'string' ? parameters.body : toHex(parameters.body)
  const quoted = await quote(client, {
    from: parameters.from,
    to: parameters.to,
    body,
    gasLimit,
    ackGasLimit,
  })
  if (maxFee !== undefined && quoted.fee > maxFee)
    throw new MaxFeeExceededError({ chain: origin.name, fee: quoted.fee, maxFee })
  const value = parameters.value ?? maxFee ?? quoted.fee

  let sent: SentMessageEvent | undefined
  if (origin.kind === 'evm') {
    const reader = client.reader(origin)
    const receipt = await writeEvmEndpoint(origin, reader, {
      functionName: 'send',
      args: [destination.domain, recipient, body, gasLimit, ackGasLimit, deadline],
      value,
    })
    sent = parseEvmReceipt(receipt, origin.endpoint).sent[0]
  } else {
    // Loaded here so that an app sending only from EVM chains never loads the CosmWasm bindings.
    const { sendOnCosmWasm } = await import('./internal/cosmwasm/sendOnCosmWasm.js')
    sent = await sendOnCosmWasm(client, origin, {
      destination: destination.domain,
      recipient,
      body,
      gasLimit,
      ackGasLimit,
      deadline,
      fee: { amount: value, denom: quoted.denom ?? '' },
    })
  }
  // A successful send always emits MessageSent (the CosmWasm bindings check it too).
  if (sent === undefined) throw new Error(`${origin.name}: the send emitted no MessageSent`)
  const feePaid = await client.reader(origin).getFeePaid(sent)
  // CAST: `origin` is the chain `from` names, whose kind decides the transaction hash's type.
  return { ...sent, chain: origin.name, feePaid } as SendReturnType<ChainOf<chains, from>>
}

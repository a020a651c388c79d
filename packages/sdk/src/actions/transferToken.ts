import { decodeTokenTransferBody, type TokenTransfer } from '@ferry/protocol'
import type { Address, Hex } from 'viem'
import type { SentMessageEvent } from '../chains/types.js'
import type { ChainRef, FerryClient } from '../client/createFerryClient.js'
import type { FerryChain } from '../client/defineFerryChain.js'
import type { AllowanceTooLowError } from '../errors/AllowanceTooLowError.js'
import type { EndpointRevertedError } from '../errors/EndpointRevertedError.js'
import type { InvalidRecipientError } from '../errors/InvalidRecipientError.js'
import { MaxFeeExceededError } from '../errors/MaxFeeExceededError.js'
import type { MissingSignerError } from '../errors/MissingSignerError.js'
import type { NoTokenBridgeError } from '../errors/NoTokenBridgeError.js'
import type { RecipientChainMismatchError } from '../errors/RecipientChainMismatchError.js'
import type { TokenBridgePausedError } from '../errors/TokenBridgePausedError.js'
import { TransferAmountTooSmallError } from '../errors/TransferAmountTooSmallError.js'
import type { TransferBalanceTooLowError } from '../errors/TransferBalanceTooLowError.js'
import type { TransferCollateralExceededError } from '../errors/TransferCollateralExceededError.js'
import { TransferRateLimitedError } from '../errors/TransferRateLimitedError.js'
import { evmTokenBridgeAbi } from '../tokenTransfer/evmTokenBridgeAbi.js'
import { tokenBridgeOf } from '../tokenTransfer/tokenBridgeOf.js'
import { toTokenTransferError } from '../tokenTransfer/toTokenTransferError.js'
import { toTransferRecipient } from '../tokenTransfer/toTransferRecipient.js'
import { parseEvmReceipt } from './internal/parseEvmReceipt.js'
import { writeEvmContract } from './internal/writeEvmContract.js'
import { type QuoteTransferReturnType, quoteTransfer } from './quoteTransfer.js'

export type TransferTokenParameters<chains extends readonly FerryChain[] = readonly FerryChain[]> =
  {
    /** The chain the tokens leave (name or domain); its signer sends them. */
    origin: ChainRef<chains>
    /** The chain they arrive on (name or domain). */
    destination: ChainRef<chains>
    /**
     * Who gets them on `destination`: an EVM address, a bech32 address with the destination's
     * prefix, 32-byte hex (PROTOCOL §2), or an ERC-7930 interoperable address, which must name
     * the destination chain.
     */
    recipient: string
    /** The amount, in the origin token's smallest units; the dust stays with the sender. */
    amount: bigint
    /** The origin's bridge; default: the origin chain's `tokenBridge`. */
    bridge?: string | undefined
    /** Refuse to send (`MaxFeeExceededError`) when the bridge's fee is above this. */
    maxFee?: bigint | undefined
  }

export type TransferTokenReturnType = Omit<QuoteTransferReturnType, 'available'> & {
  /** The message id: track it with `getTransfer`, `waitForMessage`, `watchMessage`. */
  id: Hex
  /** The origin transaction. */
  transactionHash: string
  /** The body the bridge sent, decoded: the recipient and sender as 32 bytes, the amount in the destination's units. */
  transfer: TokenTransfer
}

export type TransferTokenErrorType =
  | NoTokenBridgeError
  | InvalidRecipientError
  | RecipientChainMismatchError
  | MissingSignerError
  | MaxFeeExceededError
  | TransferAmountTooSmallError
  | TransferRateLimitedError
  | TokenBridgePausedError
  | TransferCollateralExceededError
  | AllowanceTooLowError
  | TransferBalanceTooLowError
  | EndpointRevertedError
  | Error

/**
 * Moves tokens to another chain through the origin's token bridge (spec/apps/token-bridge.md):
 * quotes (`quoteTransfer`), refuses on the origin before anything is signed what the bridge
 * would refuse (a transfer that is all dust, `TransferAmountTooSmallError`; one above the rate
 * limit's headroom, `TransferRateLimitedError`; and, from the simulation, a paused bridge,
 * missing collateral, allowance or balance, each a named error with a `recovery` hint), then
 * sends it with the quote's fee. A lock bridge takes the ERC-20 with `transferFrom`: approve it
 * first (`AllowanceTooLowError` says for how much). Returns the message id and the
 * transfer as the bridge encoded it; the dust never leaves the sender.
 *
 * @example
 * const { id, amountReceived } = await transferToken(client, {
 *   origin: 'evm-a',
 *   destination: 'evm-b',
 *   recipient: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
 *   amount: 10n ** 18n,
 * })
 * await waitForMessage(client, { id, until: 'executed' })
 */
export async function transferToken<const chains extends readonly FerryChain[]>(
  client: FerryClient<chains>,
  parameters: TransferTokenParameters<chains>,
): Promise<TransferTokenReturnType> {
  const origin: FerryChain = client.chain(parameters.origin)
  const destination: FerryChain = client.chain(parameters.destination)
  const bridge = tokenBridgeOf(origin, parameters.bridge, 'transferToken')
  const { amount, maxFee } = parameters
  const recipient = await toTransferRecipient(client, destination, parameters.recipient)
  const quote = await quoteTransfer(client, {
    origin: origin.name,
    destination: destination.name,
    amount,
    bridge,
  })
  if (quote.amountReceived === 0n)
    throw new TransferAmountTooSmallError({ chain: origin.name, amount })
  if (quote.available < quote.sent)
    throw new TransferRateLimitedError({
      chain: origin.name,
      amount: quote.sent,
      available: quote.available,
    })
  if (maxFee !== undefined && quote.fee > maxFee)
    throw new MaxFeeExceededError({ chain: origin.name, fee: quote.fee, maxFee })

  let sent: SentMessageEvent | undefined
  if (origin.kind === 'evm') {
    const reader = client.reader(origin)
    // CAST: an EVM chain's bridge is an address (FerryEvmChain types it so).
    const address = bridge as Address
    // Both kinds name their ERC-20 `token()`: the allowance error names it.
    const token = await reader.client.readContract({
      address,
      abi: evmTokenBridgeAbi,
      functionName: 'token',
    })
    try {
      const receipt = await writeEvmContract(origin, reader, {
        address,
        abi: evmTokenBridgeAbi,
        functionName: 'transferRemote',
        args: [destination.domain, recipient, amount],
        value: quote.fee,
      })
      sent = parseEvmReceipt(receipt, origin.endpoint).sent[0]
    } catch (error) {
      throw toTokenTransferError(error, { chain: origin.name, bridge, token, amount })
    }
  } else {
    // Loaded here so that an app on EVM chains alone never loads the CosmWasm bindings.
    const { transferOnCosmWasm } = await import('./internal/cosmwasm/transferOnCosmWasm.js')
    sent = await transferOnCosmWasm(client, origin, {
      bridge,
      destination: destination.domain,
      recipient,
      amount,
    })
  }
  if (sent === undefined)
    throw new Error(`${origin.name}: the bridge's transfer emitted no MessageSent`)
  const { fee, denom, sent: taken, amountReceived, dust } = quote
  return {
    id: sent.id,
    transactionHash: sent.transactionHash,
    fee,
    denom,
    sent: taken,
    amountReceived,
    dust,
    transfer: decodeTokenTransferBody(sent.message.body),
  }
}

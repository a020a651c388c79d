import { getChannelKey, MessageStatus } from '@ferry/protocol'
import type { Hex } from 'viem'
import type { ChainRef, FerryClient } from '../client/createFerryClient.js'
import type { FerryChain } from '../client/defineFerryChain.js'
import { AlreadyDeliveredError } from '../errors/AlreadyDeliveredError.js'
import type { EndpointRevertedError } from '../errors/EndpointRevertedError.js'
import { MessageNotFoundError } from '../errors/MessageNotFoundError.js'
import type { MissingSignerError } from '../errors/MissingSignerError.js'
import type { NotProvableError } from '../errors/NotProvableError.js'
import { getCosmWasmSigner } from './internal/getCosmWasmSigner.js'
import { getEvmSigner } from './internal/getEvmSigner.js'
import { readChannelGap } from './internal/readChannelGap.js'
import { readDeliveryProofs } from './internal/readDeliveryProofs.js'
import { readSentMessage } from './internal/readSentMessage.js'
import { writeEvmEndpoint } from './internal/writeEvmEndpoint.js'

export type RelayMessageParameters<chains extends readonly FerryChain[] = readonly FerryChain[]> = {
  /** The message id. */
  id: Hex
  /** Its origin chain (name or domain), when known: saves a search of every chain. */
  origin?: ChainRef<chains> | undefined
  signal?: AbortSignal | undefined
}

export type RelayMessageReturnType = {
  /** The destination transaction that delivered it. */
  transactionHash: string
  /** Its status on the destination after the delivery (Executed, Failed or TimedOut). */
  status: MessageStatus
  /**
   * The ids of the earlier messages of its channel that were still undelivered and went in the
   * same transaction, in nonce order (a channel is delivered in order); empty when there were none.
   */
  alsoDelivered: Hex[]
}

export type RelayMessageErrorType =
  | MessageNotFoundError
  | MissingSignerError
  | EndpointRevertedError
  | AlreadyDeliveredError
  | NotProvableError
  | Error

/**
 * Delivers a message yourself, with your own signer on its destination (an EVM chain's
 * `walletClient`, a CosmWasm chain's `executor`), no relayer needed: for a message the relayer
 * will not deliver (`underpaid`, `retries_exhausted`) or when there is none. The proof comes from
 * the relayer API's `/proof` when the client has a reachable API; otherwise it is built from the
 * origin's validators (`client.validators[origin]`: each signature recovered and checked against
 * the destination verifier's validator set and threshold) and the origin's tree, rebuilt from
 * its `MessageSent` events. A channel is delivered in order, so the earlier messages of its
 * channel that the destination has not delivered yet go first, in the same transaction
 * (`deliverBatch`; their ids in `alsoDelivered`): one call unblocks the whole channel, and the
 * signer pays for their handlers' gas too.
 *
 * @example
 * const state = await getMessage(client, { id })
 * if (state.recovery?.action === 'relayMessage') {
 *   const { transactionHash, status } = await relayMessage(client, { id })
 * }
 */
export async function relayMessage<const chains extends readonly FerryChain[]>(
  client: FerryClient<chains>,
  { id, origin, signal }: RelayMessageParameters<chains>,
): Promise<RelayMessageReturnType> {
  const { sent } = await readSentMessage(client, { id, origin, signal })
  if (!sent) throw new MessageNotFoundError({ id })
  const destination = client.chain(sent.destination)
  // Before any read: a missing signer is the caller's to fix, whatever the message's state.
  if (destination.kind === 'evm') getEvmSigner(destination, 'relayMessage')
  else getCosmWasmSigner(destination, 'relayMessage')
  const reader = client.reader(destination)
  const before = await reader.getMessageStatus(sent.encoded, signal)
  if (before !== MessageStatus.None) throw new AlreadyDeliveredError({ id, status: before })

  const inbound = await reader.getInboundNonce(getChannelKey(sent), signal)
  const batch = [...(await readChannelGap(client, { sent, inbound, signal })), sent]
  const proofs = await readDeliveryProofs(client, { messages: batch, destination, signal })
  const messages = batch.map(({ encoded }) => encoded)

  let transactionHash: string
  if (destination.kind === 'evm' && reader.kind === 'evm') {
    ;({ transactionHash } =
      batch.length === 1
        ? await writeEvmEndpoint(destination, reader, {
            functionName: 'deliver',
            args: [sent.encoded, proofs[0] ?? '0x'],
          })
        : await writeEvmEndpoint(destination, reader, {
            functionName: 'deliverBatch',
            args: [messages, proofs],
          }))
  } else {
    if (destination.kind !== 'cosmwasm') throw new Error('a chain’s reader is of its own kind')
    // Loaded here so that an app on EVM chains alone never loads the CosmWasm bindings.
    const { deliverOnCosmWasm } = await import('./internal/cosmwasm/deliverOnCosmWasm.js')
    ;({ transactionHash } = await deliverOnCosmWasm(destination, { messages, proofs }))
  }
  return {
    transactionHash,
    status: await reader.getMessageStatus(sent.encoded, signal),
    alsoDelivered: batch.slice(0, -1).map(({ id }) => id),
  }
}

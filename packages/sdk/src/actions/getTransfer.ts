import { decodeTokenTransferBody, type TokenTransfer } from '@ferry/protocol'
import type { Hex } from 'viem'
import type { ChainRef, FerryClient } from '../client/createFerryClient.js'
import type { FerryChain } from '../client/defineFerryChain.js'
import { NotATokenTransferError } from '../errors/NotATokenTransferError.js'
import { readMessageState } from './internal/readMessageState.js'
import type { MessageState } from './toMessageState.js'

export type GetTransferParameters<chains extends readonly FerryChain[] = readonly FerryChain[]> = {
  /** The transfer's message id (`transferToken` returns it). */
  id: Hex
  /** Its origin chain (name or domain), when known: saves a search of every chain. */
  origin?: ChainRef<chains> | undefined
  signal?: AbortSignal | undefined
}

export type GetTransferReturnType = {
  /** Where the message is (`getMessage`'s state): `executed` once the tokens arrived. */
  state: MessageState
  /** The transfer as its body says (TOKEN §2); undefined when the message is not found. */
  transfer:
    | (TokenTransfer & {
        /** The origin's bridge and the destination's, as the message's sender and recipient (32 bytes). */
        bridges: { origin: Hex; destination: Hex }
      })
    | undefined
}

/**
 * A token transfer's lifecycle and what it moves: `getMessage`'s state (executed, failed with
 * its reason and a retry hint, waiting…) and the message body decoded (recipient, amount in the
 * destination's units, sender; and both bridges). A message whose body is not a transfer throws
 * `NotATokenTransferError`. To wait for it, `waitForMessage` works on its id as on any message.
 *
 * @example
 * const { state, transfer } = await getTransfer(client, { id, origin: 'evm-a' })
 * if (state.type === 'executed') console.log(`${transfer?.amount} arrived`)
 */
export async function getTransfer<const chains extends readonly FerryChain[]>(
  client: FerryClient<chains>,
  parameters: GetTransferParameters<chains>,
): Promise<GetTransferReturnType> {
  const { state, sent } = await readMessageState(client, parameters)
  if (sent === undefined) return { state, transfer: undefined }
  let transfer: TokenTransfer
  try {
    transfer = decodeTokenTransferBody(sent.body)
  } catch (error) {
    throw new NotATokenTransferError({
      id: parameters.id,
      cause: error instanceof Error ? error : undefined,
    })
  }
  return {
    state,
    transfer: { ...transfer, bridges: { origin: sent.sender, destination: sent.recipient } },
  }
}

import { addFee as cosmwasmAddFee, config as cosmwasmConfig } from '@ferry/cosmwasm-bindings'
import type { Hex } from 'viem'
import type { RpcError } from '../chains/errors.js'
import type { ChainRef, FerryClient } from '../client/createFerryClient.js'
import type { FerryChain } from '../client/defineFerryChain.js'
import type { EndpointRevertedError } from '../errors/EndpointRevertedError.js'
import { MessageNotFoundError } from '../errors/MessageNotFoundError.js'
import type { MissingSignerError } from '../errors/MissingSignerError.js'
import type { TransactionRevertedError } from '../errors/TransactionRevertedError.js'
import type { UnknownChainError } from '../errors/UnknownChainError.js'
import { findSentMessage } from './findSentMessage.js'
import { getCosmWasmSigner } from './internal/getCosmWasmSigner.js'
import { parseEvmReceipt } from './internal/parseEvmReceipt.js'
import { resolveMessage } from './internal/resolveMessage.js'
import type { MessageInput } from './internal/toEncodedMessage.js'
import { toEndpointRevertedError } from './internal/toEndpointRevertedError.js'
import { writeEvmEndpoint } from './internal/writeEvmEndpoint.js'

/**
 * How much to top up, in the origin's native base units (wei; the CosmWasm endpoint's denom).
 * The extension point for amounts the SDK works out itself: the relayer API client adds
 * `'toPolicy'` (what the relayer's fee policy still asks for the message) to this union.
 */
export type AddFeeAmount = bigint

export type AddFeeParameters<chains extends readonly FerryChain[] = readonly FerryChain[]> = (
  | {
      /** The message, encoded, or as `send` / `getMessagesFromTransaction` returned it. */
      message: MessageInput
      id?: undefined
      chain?: undefined
    }
  | {
      /** The message's id; the SDK finds it among the origin's `MessageSent` events. */
      id: Hex
      /** The message's origin (name or domain). */
      chain: ChainRef<chains>
      message?: undefined
    }
) & {
  /** A positive amount; top-ups are not refunded (PROTOCOL §9). */
  amount: AddFeeAmount
}

export type AddFeeReturnType = {
  transactionHash: string
  /** The origin chain's name. */
  chain: string
  id: Hex
  /** What the endpoint's `FeeAdded` reports. */
  amount: bigint
}

export type AddFeeErrorType =
  | UnknownChainError
  | MessageNotFoundError
  | MissingSignerError
  | EndpointRevertedError
  | TransactionRevertedError
  | RpcError

/**
 * Tops up the fee of a message already sent (PROTOCOL §9), on its origin, for when its fee no
 * longer covers its delivery; anyone may pay, with the origin chain's signer. The endpoint
 * checks that it sent the message and that the amount is positive (`EndpointRevertedError`,
 * reason `message_not_sent`, `wrong_origin`, `zero_fee`), and emits `FeeAdded`, which relayers
 * add to the fee paid at send.
 *
 * Given only `id` and `chain`, the message is looked for in the origin's `MessageSent` events
 * from the chain's deployment block (`deploymentBlock` / `deploymentHeight`) to its head, which
 * is slow on a long chain: pass `message` when you have it.
 *
 * @example
 * const sent = await send(client, parameters)
 * await addFee(client, { message: sent, amount: parseEther('0.0005') })
 */
export async function addFee<const chains extends readonly FerryChain[]>(
  client: FerryClient<chains>,
  parameters: AddFeeParameters<chains>,
): Promise<AddFeeReturnType> {
  const { chain, encoded } =
    parameters.message === undefined
      ? await findMessage(client, parameters.chain, parameters.id)
      : resolveMessage(client, parameters.message, 'origin')
  const { amount } = parameters

  if (chain.kind === 'evm') {
    const receipt = await writeEvmEndpoint(chain, client.reader(chain), {
      functionName: 'addFee',
      args: [encoded],
      value: amount,
    })
    const added = parseEvmReceipt(receipt, chain.endpoint).logs.find(
      (log) => log.eventName === 'FeeAdded',
    )
    if (added?.eventName !== 'FeeAdded')
      throw new Error(`${chain.name}: addFee emitted no FeeAdded`)
    const { id, amount: paid } = added.args
    return { transactionHash: receipt.transactionHash, chain: chain.name, id, amount: paid }
  }
  const { executor } = getCosmWasmSigner(chain, 'addFee')
  try {
    const { denom } = await cosmwasmConfig(executor, { contract: chain.endpoint })
    const result = await cosmwasmAddFee(executor, {
      contract: chain.endpoint,
      message: encoded,
      fee: { amount, denom },
    })
    const { transactionHash, id, amount: paid } = result
    return { transactionHash, chain: chain.name, id, amount: paid }
  } catch (error) {
    throw toEndpointRevertedError(chain.name, error)
  }
}

/** The message `id` among `ref`'s sent messages, from its deployment to its head. */
async function findMessage(
  client: FerryClient<readonly FerryChain[]>,
  ref: string | number,
  id: Hex,
): Promise<{ chain: FerryChain; encoded: Hex }> {
  const found = await findSentMessage(client, { id, origin: ref })
  if (found === undefined) throw new MessageNotFoundError({ chain: client.chain(ref).name, id })
  return { chain: found.chain, encoded: found.event.encoded }
}

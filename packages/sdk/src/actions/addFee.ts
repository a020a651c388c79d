import { getMessageId } from '@ferry/protocol'
import type { Hex } from 'viem'
import type { RpcError } from '../chains/errors.js'
import type { ChainRef, FerryClient } from '../client/createFerryClient.js'
import type { FerryChain } from '../client/defineFerryChain.js'
import type { ApiRequestError } from '../errors/ApiRequestError.js'
import type { EndpointRevertedError } from '../errors/EndpointRevertedError.js'
import { MessageNotFoundError } from '../errors/MessageNotFoundError.js'
import type { MissingSignerError } from '../errors/MissingSignerError.js'
import type { NotUnderpaidError } from '../errors/NotUnderpaidError.js'
import type { TransactionRevertedError } from '../errors/TransactionRevertedError.js'
import type { UnknownChainError } from '../errors/UnknownChainError.js'
import { findSentMessage } from './findSentMessage.js'
import { parseEvmReceipt } from './internal/parseEvmReceipt.js'
import { readFeeShortfall } from './internal/readFeeShortfall.js'
import { resolveMessage } from './internal/resolveMessage.js'
import type { MessageInput } from './internal/toEncodedMessage.js'
import { writeEvmEndpoint } from './internal/writeEvmEndpoint.js'

/**
 * How much to top up: an amount in the origin's native base units (wei; the CosmWasm endpoint's
 * denom), or `'toPolicy'`, exactly what the relayer's fee policy still asks for the message (its
 * API's `underpaid.missing`: the client needs an `apiUrl`).
 */
export type AddFeeAmount = bigint | 'toPolicy'

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
  /** A positive amount, or `'toPolicy'`; top-ups are not refunded (PROTOCOL §9). */
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
  | ApiRequestError
  | NotUnderpaidError
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
 * With `amount: 'toPolicy'` it asks the client's relayer API what the relayer's fee policy still
 * asks of the message (`underpaid.missing`) and pays exactly that; the message then comes from
 * the API, with no search. It throws `ApiRequestError` (`no_api`) without an `apiUrl`, and
 * `NotUnderpaidError` when the relayer does not hold the message for its fee.
 *
 * @example
 * const sent = await send(client, parameters)
 * await addFee(client, { message: sent, amount: parseEther('0.0005') })
 * // Or exactly what the relayer's policy still asks:
 * await addFee(client, { id: sent.id, chain: 'evm-a', amount: 'toPolicy' })
 */
export async function addFee<const chains extends readonly FerryChain[]>(
  client: FerryClient<chains>,
  parameters: AddFeeParameters<chains>,
): Promise<AddFeeReturnType> {
  const { chain, encoded, amount } = await resolveTopUp(client, parameters)

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
  // Loaded here so that an app on EVM chains alone never loads the CosmWasm bindings.
  const { addFeeOnCosmWasm } = await import('./internal/cosmwasm/addFeeOnCosmWasm.js')
  return addFeeOnCosmWasm(chain, { encoded, amount })
}

/** The message to top up, on its origin, and by how much. */
async function resolveTopUp(
  client: FerryClient<readonly FerryChain[]>,
  parameters: AddFeeParameters<readonly FerryChain[]>,
): Promise<{ chain: FerryChain; encoded: Hex; amount: bigint }> {
  const { amount } = parameters
  if (amount !== 'toPolicy') {
    const { chain, encoded } =
      parameters.message === undefined
        ? await findMessage(client, parameters.chain, parameters.id)
        : resolveMessage(client, parameters.message, 'origin')
    return { chain, encoded, amount }
  }
  if (parameters.message !== undefined) {
    const { chain, encoded } = resolveMessage(client, parameters.message, 'origin')
    const { missing } = await readFeeShortfall(client, getMessageId(encoded))
    return { chain, encoded, amount: missing }
  }
  const { id } = parameters
  const chain = client.chain(parameters.chain)
  const { missing, origin, encoded } = await readFeeShortfall(client, id)
  // The API names the message's origin: a caller who named another has the wrong id or chain.
  if (chain.domain !== origin) throw new MessageNotFoundError({ chain: chain.name, id })
  return { chain, encoded, amount: missing }
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

import { decodeMessage, type Message } from '@ferry/protocol'
import type { Hex } from 'viem'
import type { FerryClient } from '../../client/createFerryClient.js'
import type { FerryChain } from '../../client/defineFerryChain.js'
import { type MessageInput, toEncodedMessage } from './toEncodedMessage.js'

/**
 * A message given to a recovery action, decoded, with the client's chain on the `side` it acts
 * on: the origin (`addFee`) or the destination (`retryMessage`, `timeoutMessage`). A chain the
 * client was not created with throws `UnknownChainError`.
 *
 * @example
 * const { chain, message, encoded } = resolveMessage(client, input, 'destination')
 */
export function resolveMessage(
  client: FerryClient<readonly FerryChain[]>,
  input: MessageInput,
  side: 'origin' | 'destination',
): { chain: FerryChain; message: Message; encoded: Hex } {
  const encoded = toEncodedMessage(input)
  const message = decodeMessage(encoded)
  return { chain: client.chain(message[side]), message, encoded }
}

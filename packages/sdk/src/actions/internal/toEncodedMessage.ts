import type { Hex } from 'viem'

/** A message as actions take it: encoded, or what `send` and `getMessagesFromTransaction` return. */
export type MessageInput = Hex | { encoded: Hex }

/**
 * The encoded message of a `MessageInput`.
 *
 * @example
 * toEncodedMessage(await send(client, parameters)) // '0x01…'
 */
export function toEncodedMessage(message: MessageInput): Hex {
  return typeof message === 'string' ? message : message.encoded
}

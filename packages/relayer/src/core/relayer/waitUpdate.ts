import type { MessageUpdate, StoredMessage } from '../../store/types.js'

/**
 * The update that records why `message` waits, or none when it already waits for that reason
 * (and no new attempt time is set): a long wait is one log line, not thousands.
 *
 * @example
 * updates.push(...waitUpdate(message, 'waiting_channel_order', 'destination expects nonce 4'))
 */
export function waitUpdate(
  message: StoredMessage,
  reason: MessageUpdate['reason'],
  detail: string,
  nextAttemptAt: Date | null = null,
): MessageUpdate[] {
  if (message.reason === reason && nextAttemptAt === null) return []
  return [{ id: message.id, stage: message.stage, reason, detail, nextAttemptAt }]
}

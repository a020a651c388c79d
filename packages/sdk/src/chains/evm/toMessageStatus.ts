import { MessageStatus, UnknownStatusError } from '@ferry/protocol'

const statuses: readonly MessageStatus[] = Object.values(MessageStatus)

/**
 * A status byte read from the endpoint as a `MessageStatus`; throws `UnknownStatusError` for any
 * other value (not a Ferry endpoint, or a newer protocol).
 *
 * @example
 * toMessageStatus(2) // MessageStatus.Failed
 */
export function toMessageStatus(value: number): MessageStatus {
  const status = statuses.find((known) => known === value)
  if (status === undefined) throw new UnknownStatusError({ status: value })
  return status
}

import { MessageStatus } from '../constants.js'

const STATUSES: ReadonlySet<number> = new Set(Object.values(MessageStatus))

/** Whether `status` is one of `MessageStatus`. */
export function isMessageStatus(status: number): status is MessageStatus {
  return STATUSES.has(status)
}

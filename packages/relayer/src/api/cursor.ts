import type { Hex } from 'viem'
import { ApiError } from './errors.js'

/** What a cursor holds: where the next page of messages (`m`) or channels (`c`) starts. */
export type CursorValue = { k: 'm'; t: number; id: Hex } | { k: 'c'; ch: Hex }

const HEX32 = /^0x[0-9a-f]{64}$/

/**
 * An opaque page cursor: base64url of a small JSON object. Opaque so that clients pass it back
 * as they got it, and so the server may change what it holds.
 *
 * @example
 * ```ts
 * encodeCursor({ k: 'm', t: message.sentAt.getTime(), id: message.id })
 * ```
 */
export function encodeCursor(value: CursorValue): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url')
}

/**
 * The cursor of `kind` that `text` encodes; throws `ApiError` (400 `invalid_cursor`) for anything
 * else, however it is malformed.
 *
 * @example
 * ```ts
 * const { t, id } = decodeCursor(query.cursor, 'm')
 * ```
 */
export function decodeCursor<kind extends CursorValue['k']>(
  text: string,
  kind: kind,
): Extract<CursorValue, { k: kind }> {
  const value = parse(text)
  if (value?.k !== kind)
    throw new ApiError({
      status: 400,
      code: 'invalid_cursor',
      message: 'cursor is not one this list gave out; pass `nextCursor` back unchanged.',
    })
  // CAST: `parse` only returns well-formed cursors, and the kind was just checked
  return value as Extract<CursorValue, { k: kind }>
}

function parse(text: string): CursorValue | undefined {
  if (!/^[A-Za-z0-9_-]{1,512}$/.test(text)) return undefined
  let value: unknown
  try {
    value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'))
  } catch {
    return undefined
  }
  if (typeof value !== 'object' || value === null) return undefined
  const record: Record<string, unknown> = { ...value }
  if (
    record.k === 'm' &&
    typeof record.t === 'number' &&
    Number.isSafeInteger(record.t) &&
    record.t >= 0 &&
    record.t <= 8.64e15 &&
    typeof record.id === 'string' &&
    HEX32.test(record.id)
  )
    // CAST: the regex above proved it is 0x-prefixed hex
    return { k: 'm', t: record.t, id: record.id as Hex }
  if (record.k === 'c' && typeof record.ch === 'string' && HEX32.test(record.ch))
    // CAST: the regex above proved it is 0x-prefixed hex
    return { k: 'c', ch: record.ch as Hex }
  return undefined
}

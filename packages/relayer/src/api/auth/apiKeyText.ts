import { createHash, randomBytes } from 'node:crypto'

/** Every key starts with this, so a leaked one is recognisable (secret scanners, logs). */
export const apiKeyPrefix = 'ferry_'

// 32 random bytes in base64url: 43 characters.
const keyPattern = /^ferry_[A-Za-z0-9_-]{43}$/

/**
 * A new API key: `ferry_` and 32 random bytes in base64url. Shown once; only its hash is stored.
 *
 * @example
 * ```ts
 * generateApiKey() // 'ferry_q5…' (49 characters)
 * ```
 */
export function generateApiKey(): string {
  return `${apiKeyPrefix}${randomBytes(32).toString('base64url')}`
}

/** Whether `text` has the shape of a key this relayer makes (checked before any lookup). */
export function isApiKeyShaped(text: string): boolean {
  return keyPattern.test(text)
}

/** The sha256 of the key's text: what the store keeps and looks keys up by. */
export function hashApiKey(key: string): Uint8Array {
  return new Uint8Array(createHash('sha256').update(key, 'utf8').digest())
}

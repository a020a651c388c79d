import type { Outcome } from './Chain.js'
import { type ContractError, contractError } from './contractError.js'

/**
 * The error of a failed outcome: the endpoint's as `{ code, ...fields }`, any other as its text
 * ('' when it succeeded, so a matcher on it fails).
 *
 * @example
 * expect(errorOf(await chain.execute(USER, endpoint, { pause: {} }))).toMatchObject({ code: 'Unauthorized' })
 */
export function errorOf(out: Outcome): ContractError | string {
  return out.ok ? '' : contractError(out.error)
}

import { type FailureReason, failureReasons } from './failureReasons.js'

/**
 * What a dry run of a delivery or a retry concludes (the relayer's `ferry debug`, its
 * `/simulation` route, the SDK's `simulateDelivery`): `would_succeed`, or the failure reason
 * that stops it, from the one list of `failureReasons`, so a verdict and a recorded failure of
 * the same cause carry the same name on every chain kind.
 *
 * @example
 * ```ts
 * const verdict: DeliveryVerdict = 'handler_out_of_gas'
 * describeDeliveryVerdict(verdict) // 'The recipient’s handler ran out of its gas limit: …'
 * ```
 */
export type DeliveryVerdict = 'would_succeed' | FailureReason

/**
 * The one-line description of `verdict`, for people.
 *
 * @example
 * ```ts
 * describeDeliveryVerdict('would_succeed') // 'The delivery would succeed.'
 * ```
 */
export function describeDeliveryVerdict(verdict: DeliveryVerdict): string {
  return verdict === 'would_succeed'
    ? 'The delivery would succeed.'
    : failureReasons[verdict].description
}

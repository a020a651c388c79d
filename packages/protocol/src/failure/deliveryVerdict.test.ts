import { describe, expect, it } from 'vitest'
import { describeDeliveryVerdict } from './deliveryVerdict.js'
import { failureReasons } from './failureReasons.js'

describe('describeDeliveryVerdict', () => {
  it('describes success and every failure reason in one line', () => {
    expect(describeDeliveryVerdict('would_succeed')).toBe('The delivery would succeed.')
    expect(describeDeliveryVerdict('handler_out_of_gas')).toBe(
      failureReasons.handler_out_of_gas.description,
    )
  })
})

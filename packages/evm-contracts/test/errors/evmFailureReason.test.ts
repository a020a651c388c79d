import { failureReasons } from '@ferry/protocol'
import { describe, expect, it } from 'vitest'
import { EVM_FAILURE_REASONS, evmFailureReason } from '../../src/errors/evmFailureReason.ts'
import { endpointAbi, multisigVerifierAbi } from '../../src/index.ts'

const abiErrors = [...endpointAbi, ...multisigVerifierAbi]
  .filter((item) => item.type === 'error')
  .map((item) => item.name)

describe('evmFailureReason', () => {
  it('maps every custom error of the endpoint and verifier ABIs, and no other name', () => {
    expect(Object.keys(EVM_FAILURE_REASONS).sort()).toEqual([...new Set(abiErrors)].sort())
  })

  it('maps onto names of the protocol’s one list of failure reasons', () => {
    for (const reason of Object.values(EVM_FAILURE_REASONS))
      if (reason !== null) expect(Object.keys(failureReasons)).toContain(reason)
  })

  it('answers a reason for a message failure and undefined otherwise', () => {
    expect(evmFailureReason('EndpointNonceOutOfOrder')).toBe('nonce_out_of_order')
    expect(evmFailureReason('MultisigVerifierThresholdNotMet')).toBe('threshold_not_met')
    expect(evmFailureReason('EndpointNotFeeManager')).toBeUndefined()
    expect(evmFailureReason('toString')).toBeUndefined()
    expect(evmFailureReason('SomethingElse')).toBeUndefined()
  })
})

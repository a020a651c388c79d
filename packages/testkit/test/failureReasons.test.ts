import { COSMWASM_FAILURE_REASONS, cosmwasmFailureReason } from '@ferry/cosmwasm-bindings'
import { EVM_FAILURE_REASONS } from '@ferry/evm-contracts'
import { describe, expect, it } from 'vitest'

// The two endpoints fail the same problem with errors of different names: each maps its own
// onto the protocol's failure reasons, and this test, above both chain packages, pairs them.

const pascal = (code: string) =>
  code
    .split('_')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('')

describe('cosmwasmFailureReason beside evmFailureReason', () => {
  it('gives the EVM error of the same problem the same reason', () => {
    const evm: Record<string, string | null> = EVM_FAILURE_REASONS
    const pairs: [string, string][] = [
      ['unknown_origin', 'EndpointNoVerifier'],
      ['query_failed', 'EndpointVerifierNotContract'],
      ['paused', 'EnforcedPause'],
      ['reentrant_call', 'ReentrancyGuardReentrantCall'],
      ['tree_full', 'MerkleTreeFull'],
      ['message_too_short', 'MultisigVerifierMalformedMessage'],
      ['insufficient_fees', 'EndpointInsufficientFees'],
      ['unauthorized', 'OwnableUnauthorizedAccount'],
    ]
    // Same name on both sides (`nonce_out_of_order`, `EndpointNonceOutOfOrder`): same reason.
    for (const code of Object.keys(COSMWASM_FAILURE_REASONS))
      for (const name of [`Endpoint${pascal(code)}`, `MultisigVerifier${pascal(code)}`])
        if (name in evm) pairs.push([code, name])
    expect(pairs.length).toBeGreaterThan(40)
    for (const [code, name] of pairs)
      expect({ code, name, reason: cosmwasmFailureReason(code) ?? null }).toEqual({
        code,
        name,
        reason: evm[name],
      })
  })
})

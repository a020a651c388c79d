import { describe, expect, test } from 'vitest'
import { CallRejectedError } from '../../chains/cosmwasm/errors.js'
import {
  GasEstimateRevertedError,
  GasPriceAboveCapError,
  NonceConflictError,
  RpcError,
  TransactionRevertedError,
} from '../../chains/evm/errors.js'
import { classifyError, errorDetail } from './classifyError.js'

const cause = new Error('node said no')

/** `error` as a wrapper would hand it on: the adapter's error as the cause of another. */
const wrapped = (error: Error) => new Error('submitting failed', { cause: error })

describe('classifyError', () => {
  test.each([
    [
      'gas_estimate_reverted',
      new GasEstimateRevertedError({ call: 'deliverBatch', domain: 2, cause }),
    ],
    ['gas_estimate_reverted', new CallRejectedError({ call: 'deliverBatch', domain: 7, cause })],
    [
      'tx_reverted',
      new TransactionRevertedError({
        domain: 2,
        transactionHash: '0x01',
        blockNumber: 9n,
        gasUsed: 10n,
        gasLimit: 10n,
      }),
    ],
    ['gas_price_above_cap', new GasPriceAboveCapError({ domain: 2, required: 2n, cap: 1n })],
    [
      'nonce_conflict',
      new NonceConflictError({ domain: 2, sender: '0xabc', nonce: 4n, detail: 'taken' }),
    ],
    ['rpc_error', new RpcError({ method: 'eth_call', domain: 2, cause })],
    ['rpc_error', new Error('socket hang up')],
  ] as const)('%s for %o, also when wrapped', (reason, error) => {
    expect(classifyError(error)).toBe(reason)
    expect(classifyError(wrapped(error))).toBe(reason)
  })

  test('anything that is not an Error is an rpc_error', () => {
    expect(classifyError('boom')).toBe('rpc_error')
  })
})

describe('errorDetail', () => {
  test('a Ferry error’s short message; another error’s first line; anything else as text', () => {
    expect(errorDetail(new GasPriceAboveCapError({ domain: 2, required: 2n, cap: 1n }))).toBe(
      'Domain 2 needs 2 wei per gas, above the cap 1.',
    )
    expect(errorDetail(new Error('first\nsecond'))).toBe('first')
    expect(errorDetail(42)).toBe('42')
  })
})

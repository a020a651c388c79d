// Each adapter error the relayer can meet, read by the core's classifyError: adapters translate
// their errors into `chainFailure` data at their boundary, and this is where that is checked.

import { ChainIdMismatchError, EndpointReadRevertedError, RpcError } from '@ferry/sdk'
import { describe, expect, test } from 'vitest'
import { classifyError } from '../core/relayer/classifyError.js'
import { CallRejectedError } from './cosmwasm/errors.js'
import {
  GasEstimateRevertedError,
  GasPriceAboveCapError,
  NonceConflictError,
  TransactionRevertedError,
} from './evm/errors.js'

const cause = new Error('node said no')

describe('adapter errors carry the core’s ChainFailure', () => {
  test.each([
    [
      'gas_estimate_reverted',
      false,
      new GasEstimateRevertedError({ call: 'deliverBatch', domain: 2, cause }),
    ],
    [
      'gas_estimate_reverted',
      false,
      new CallRejectedError({ call: 'deliverBatch', domain: 7, cause }),
    ],
    [
      'tx_reverted',
      true,
      new TransactionRevertedError({
        domain: 2,
        transactionHash: '0x01',
        blockNumber: 9n,
        gasUsed: 10n,
        gasLimit: 10n,
      }),
    ],
    ['gas_price_above_cap', true, new GasPriceAboveCapError({ domain: 2, required: 2n, cap: 1n })],
    [
      'nonce_conflict',
      true,
      new NonceConflictError({ domain: 2, sender: '0xabc', nonce: 4n, detail: 'taken' }),
    ],
    ['rpc_error', true, new RpcError({ method: 'eth_call', domain: 2, cause })],
    [
      'rpc_error',
      false,
      new EndpointReadRevertedError({ functionName: 'quote', domain: 2, cause }),
    ],
    ['rpc_error', false, new ChainIdMismatchError({ url: 'http://x', expected: 'a', actual: 'b' })],
  ] as const)('%s (retryable %s): %o', (reason, retryable, error) => {
    expect(classifyError(error)).toEqual({ reason, retryable })
    expect(error.retryable).toBe(retryable)
    expect(classifyError(new Error('wrapped', { cause: error }))).toEqual({ reason, retryable })
  })
})

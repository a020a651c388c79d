import type { ChainLogger, EvmReadContext } from '@ferry/sdk'
import type { LocalAccount } from 'viem'
import type { TransactionJournal } from '../types.js'
import type { EvmGasPolicy } from './feeStrategy.js'

/**
 * Everything the EVM submitter's functions share: its reader's context plus a key, built once
 * by `createEvmChainSubmitter`, passed first to each function (viem's client-first style). The
 * private key stays inside `account`, a viem local account, which never exposes it; nothing
 * here logs `account` itself.
 */
export type EvmContext = EvmReadContext & {
  account: LocalAccount
  journal: TransactionJournal
  gas: EvmGasPolicy
  logger: ChainLogger
  pollingIntervalMs: number
  /** The chain's id, read once (transactions are signed for it). */
  chainId: () => Promise<number>
}

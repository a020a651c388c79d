import type { Address, LocalAccount, PublicClient } from 'viem'
import type { TransactionJournal } from '../types.js'
import type { EvmGasPolicy } from './feeStrategy.js'

/** The pino-like logger the adapter writes to: an object first, then a message. */
export type EvmLogger = {
  debug(fields: Record<string, unknown>, message: string): void
  info(fields: Record<string, unknown>, message: string): void
  warn(fields: Record<string, unknown>, message: string): void
  error(fields: Record<string, unknown>, message: string): void
}

/**
 * Everything the EVM adapter's functions share: built once by `createEvmChain`, passed first to
 * each function (viem's client-first style). The private key stays inside `account`, a viem
 * local account, which never exposes it; nothing here logs `account` itself.
 */
export type EvmContext = {
  domain: number
  endpoint: Address
  client: PublicClient
  account: LocalAccount
  journal: TransactionJournal
  gas: EvmGasPolicy
  logger: EvmLogger
  pollingIntervalMs: number
  /** The chain's id, read once (transactions are signed for it). */
  chainId: () => Promise<number>
}

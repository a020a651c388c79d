import type { Finality } from './getFinalBlock.js'

/**
 * A finality rule in words, for logs and `ferry config check`.
 *
 * @example
 * describeFinality({ tag: 'finalized' }) // 'final at its "finalized" block'
 */
export function describeFinality(finality: Finality): string {
  return 'confirmations' in finality
    ? `final after ${finality.confirmations} confirmation(s)`
    : `final at its "${finality.tag}" block`
}

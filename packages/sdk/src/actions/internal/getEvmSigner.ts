import type { Account, WalletClient } from 'viem'
import type { FerryEvmChain } from '../../client/defineFerryChain.js'
import { MissingSignerError } from '../../errors/MissingSignerError.js'

/**
 * The wallet client and account `action` signs with on `chain`; `MissingSignerError` naming
 * what to configure when either is absent.
 *
 * @example
 * const { wallet, account } = getEvmSigner(chain, 'send')
 */
export function getEvmSigner(
  chain: FerryEvmChain,
  action: string,
): { wallet: WalletClient; account: Account } {
  const wallet = chain.walletClient
  if (wallet === undefined)
    throw new MissingSignerError({ chain: chain.name, action, configure: 'walletClient' })
  if (wallet.account === undefined)
    throw new MissingSignerError({ chain: chain.name, action, configure: 'walletClient.account' })
  return { wallet, account: wallet.account }
}

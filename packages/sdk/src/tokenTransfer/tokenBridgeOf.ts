import type { FerryChain } from '../client/defineFerryChain.js'
import { NoTokenBridgeError } from '../errors/NoTokenBridgeError.js'

/**
 * The bridge a transfer action uses on `chain`: the one given, else the chain's `tokenBridge`;
 * `NoTokenBridgeError` when neither names one.
 *
 * @example
 * const bridge = tokenBridgeOf(origin, parameters.bridge, 'transferToken')
 */
export function tokenBridgeOf(
  chain: FerryChain,
  bridge: string | undefined,
  action: string,
): string {
  const address = bridge ?? chain.tokenBridge
  if (address === undefined) throw new NoTokenBridgeError({ chain: chain.name, action })
  return address
}

import { AllowanceTooLowError } from '../errors/AllowanceTooLowError.js'
import { EndpointRevertedError } from '../errors/EndpointRevertedError.js'
import { TokenBridgePausedError } from '../errors/TokenBridgePausedError.js'
import { TransferAmountTooSmallError } from '../errors/TransferAmountTooSmallError.js'
import { TransferBalanceTooLowError } from '../errors/TransferBalanceTooLowError.js'
import { TransferCollateralExceededError } from '../errors/TransferCollateralExceededError.js'
import { TransferRateLimitedError } from '../errors/TransferRateLimitedError.js'

/**
 * A bridge's refusal of a transfer, decoded by the write path as an `EndpointRevertedError`
 * naming the contract's error, as the SDK's named transfer error (TOKEN §3 to §6, and the
 * ERC-20's own for a lock bridge); any other error unchanged. The CosmWasm bridge reports the
 * EVM bridge's errors in snake case (`token_bridge_rate_limited`) with the same fields, so one
 * mapping serves both.
 *
 * @example
 * catch (error) { throw toTokenTransferError(error, { chain: origin.name, bridge, token, amount }) }
 */
export function toTokenTransferError(
  error: unknown,
  context: { chain: string; bridge: string; token: string | undefined; amount: bigint },
): unknown {
  if (!(error instanceof EndpointRevertedError)) return error
  const { chain, bridge, token, amount } = context
  const big = (name: string) => BigInt(String(error.args[name] ?? 0))
  switch (pascalCase(error.errorName)) {
    case 'TokenBridgePaused':
      return new TokenBridgePausedError({ chain, bridge, cause: error })
    case 'TokenBridgeZeroAmount':
      return new TransferAmountTooSmallError({ chain, amount, cause: error })
    case 'TokenBridgeRateLimited':
      return new TransferRateLimitedError({
        chain,
        amount: big('amount'),
        available: big('available'),
        cause: error,
      })
    case 'TokenBridgeInsufficientCollateral':
      return new TransferCollateralExceededError({
        chain,
        amount: big('amount'),
        collateral: big('collateral'),
        cause: error,
      })
    case 'ERC20InsufficientAllowance':
      return new AllowanceTooLowError({
        chain,
        token: token ?? '',
        spender: bridge,
        allowance: big('allowance'),
        needed: big('needed'),
        cause: error,
      })
    case 'ERC20InsufficientBalance':
    case 'TokenBridgeInsufficientBalance': // a CosmWasm synthetic bridge's own balances
      return new TransferBalanceTooLowError({
        chain,
        balance: big('balance'),
        needed: 'needed' in error.args ? big('needed') : big('amount'),
        cause: error,
      })
    default:
      return error
  }
}

/** `token_bridge_paused` → `TokenBridgePaused`; a Solidity name unchanged. */
function pascalCase(name: string): string {
  return name.replace(/(?:^|_)([a-z0-9])/g, (_, c: string) => c.toUpperCase())
}

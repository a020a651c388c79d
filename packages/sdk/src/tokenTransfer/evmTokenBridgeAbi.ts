import { bridgedTokenAbi, collateralTokenBridgeAbi, endpointAbi } from '@ferry/evm-contracts'

/**
 * The EVM bridges' ABI (both kinds share `TokenBridge`'s functions) with the errors a transfer can
 * revert with from elsewhere: the endpoint's (the fee) and an OpenZeppelin ERC-20's (a lock
 * bridge's `transferFrom`: allowance, balance), so that every refusal decodes by name.
 */
export const evmTokenBridgeAbi = [
  ...collateralTokenBridgeAbi,
  ...endpointAbi.filter((item) => item.type === 'error'),
  ...bridgedTokenAbi.filter(
    (item) => item.type === 'error' && item.name.startsWith('ERC20Insufficient'),
  ),
] as const

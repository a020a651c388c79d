/**
 * Ferry's EVM contracts for viem: every ABI `as const`, so `readContract`, `writeContract`,
 * `decodeEventLog` and `decodeErrorResult` infer names, arguments and return types, and the
 * creation bytecode of each deployable contract.
 *
 * @example
 * import { endpointAbi, endpointBytecode } from '@ferry/evm-contracts'
 * const hash = await walletClient.deployContract({
 *   abi: endpointAbi,
 *   bytecode: endpointBytecode,
 *   args: [31337, owner],
 * })
 */

export {
  EVM_FAILURE_REASONS,
  type EvmErrorName,
  type EvmFailureReasonParameters,
  type EvmFailureReasonReturnType,
  evmFailureReason,
} from './errors/evmFailureReason.js'
export * from './generated/index.js'

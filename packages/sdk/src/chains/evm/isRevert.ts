import {
  ContractFunctionRevertedError,
  ExecutionRevertedError,
  RawContractError,
  BaseError as ViemBaseError,
} from 'viem'

/**
 * Whether `error` is the node saying the call reverts (as opposed to failing to answer).
 *
 * @example
 * if (isRevert(error)) // the call itself is refused
 */
export function isRevert(error: Error): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if (
      e instanceof ContractFunctionRevertedError ||
      e instanceof ExecutionRevertedError ||
      e instanceof RawContractError
    )
      return true
    // JSON-RPC code 3: "execution reverted" with revert data (geth, EDR).
    if (e instanceof ViemBaseError && 'code' in e && e.code === 3) return true
  }
  return false
}

// Entry point of `@ferry/sdk/internal`: RPC and timing helpers that Ferry's relayer shares with
// the SDK's chain readers (one owner). Not a dApp API: no semver promise, names may change in
// any release.
export { abortable } from '../chains/abortable.js'
export { callRpc } from '../chains/evm/callRpc.js'
export {
  type FailoverTransportParameters,
  failoverTransport,
} from '../chains/evm/failoverTransport.js'
export { isRevert } from '../chains/evm/isRevert.js'
export { toMessageStatus } from '../chains/evm/toMessageStatus.js'
export { toRpcError } from '../chains/evm/toRpcError.js'
export { unwrapRpcError } from '../chains/unwrapRpcError.js'
export { sleep } from '../utils/sleep.js'

// Entry point of `@ferry/sdk`: the dApp SDK's actions (send, quote, find and recover messages);
// it carries the protocol codec, re-exported from `@ferry/protocol`, so that a dApp needs one
// import, and the EVM chain reader: a chain's Ferry endpoint read without a key. The CosmWasm
// reader is `@ferry/sdk/cosmwasm` (the actions load it lazily), the helpers the relayer shares
// are `@ferry/sdk/internal`.

export * from '@ferry/protocol'
// Actions: send, quote, find and recover messages
export {
  type AddFeeAmount,
  type AddFeeErrorType,
  type AddFeeParameters,
  type AddFeeReturnType,
  addFee,
} from './actions/addFee.js'
export {
  type CallRemoteErrorType,
  type CallRemoteParameters,
  type CallRemoteReturnType,
  callRemote,
  type RemoteCallsFor,
  type RemoteResultsOf,
} from './actions/callRemote.js'
// Tracking
export {
  type FindSentMessageParameters,
  type FindSentMessageReturnType,
  findSentMessage,
} from './actions/findSentMessage.js'
export {
  type GetAckErrorType,
  type GetAckParameters,
  type GetAckReturnType,
  getAck,
} from './actions/getAck.js'
export {
  type GetInterchainAccountErrorType,
  type GetInterchainAccountParameters,
  type GetInterchainAccountReturnType,
  getInterchainAccount,
} from './actions/getInterchainAccount.js'
export {
  type GetMessageErrorType,
  type GetMessageParameters,
  type GetMessageReturnType,
  getMessage,
} from './actions/getMessage.js'
export {
  type GetMessagesFromTransactionErrorType,
  type GetMessagesFromTransactionParameters,
  type GetMessagesFromTransactionReturnType,
  getMessagesFromTransaction,
  type SentMessage,
} from './actions/getMessagesFromTransaction.js'
export { type GetSignedIndexParameters, getSignedIndex } from './actions/getSignedIndex.js'
export {
  type GetTransferParameters,
  type GetTransferReturnType,
  getTransfer,
} from './actions/getTransfer.js'
export type { AwaitRemoteResultOptions } from './actions/internal/awaitRemoteResult.js'
export type { MessageInput } from './actions/internal/toEncodedMessage.js'
export {
  type QuoteBreakdown,
  type QuoteErrorType,
  type QuoteParameters,
  type QuoteReturnType,
  quote,
} from './actions/quote.js'
export {
  type QuoteTransferErrorType,
  type QuoteTransferParameters,
  type QuoteTransferReturnType,
  quoteTransfer,
} from './actions/quoteTransfer.js'
export {
  type ReadRemoteErrorType,
  type ReadRemoteParameters,
  type ReadRemoteReturnType,
  readRemote,
} from './actions/readRemote.js'
export {
  type RelayMessageErrorType,
  type RelayMessageParameters,
  type RelayMessageReturnType,
  relayMessage,
} from './actions/relayMessage.js'
export {
  type RetryMessageErrorType,
  type RetryMessageParameters,
  type RetryMessageReturnType,
  retryMessage,
} from './actions/retryMessage.js'
export {
  type RecipientOf,
  type SendErrorType,
  type SendParameters,
  type SendReturnType,
  send,
  type TransactionHashOf,
} from './actions/send.js'
export {
  type DecodedRevert,
  type DeliverySimulation,
  type FailingFrame,
  type RecipientAbis,
  type SimulateDeliveryErrorType,
  type SimulateDeliveryParameters,
  type SimulateDeliveryReturnType,
  simulateDelivery,
} from './actions/simulateDelivery.js'
export {
  type TimeoutMessageErrorType,
  type TimeoutMessageParameters,
  type TimeoutMessageReturnType,
  timeoutMessage,
} from './actions/timeoutMessage.js'
export {
  type ApiMessageDetail,
  type MessageState,
  type MessageStateType,
  type ToMessageStateParameters,
  toMessageState,
} from './actions/toMessageState.js'
export {
  type TransferTokenErrorType,
  type TransferTokenParameters,
  type TransferTokenReturnType,
  transferToken,
} from './actions/transferToken.js'
export {
  type WaitForMessageErrorType,
  type WaitForMessageParameters,
  type WaitForMessageReturnType,
  waitForMessage,
} from './actions/waitForMessage.js'
export {
  type WatchMessageErrorType,
  type WatchMessageParameters,
  type WatchMessageReturnType,
  watchMessage,
} from './actions/watchMessage.js'
// Relayer API (types generated from spec/api/openapi.json)
export {
  type ApiErrorBody,
  type ApiGetPath,
  type ApiResponse,
  type CallApiErrorType,
  type CallApiParameters,
  type CallApiReturnType,
  callApi,
} from './api/callApi.js'
export {
  type ApiLifecycleEvent,
  type StreamEventsErrorType,
  type StreamEventsParameters,
  streamEvents,
} from './api/streamEvents.js'
export type { CosmWasmChainReader } from './chains/cosmwasm/createCosmWasmChainReader.js'
export type { CosmWasmReadSource, SourceTransaction } from './chains/cosmwasm/source.js'
export {
  ChainIdMismatchError,
  EndpointReadRevertedError,
  EvmChainConfigError,
  IncompleteEventsError,
  RpcError,
} from './chains/errors.js'
export type { EvmReadContext } from './chains/evm/context.js'
export {
  type CreateEvmChainReaderParameters,
  createEvmChainReader,
  type EvmChainReader,
} from './chains/evm/createEvmChainReader.js'
export type {
  BlockRef,
  ChainFailure,
  ChainFailureReason,
  ChainLogger,
  ChainReader,
  DeliveryOutcome,
  DeliveryResult,
  FeeAddedEvent,
  HeadTag,
  SentMessageEvent,
} from './chains/types.js'
// Client
export {
  type ChainOf,
  type ChainRef,
  type CreateFerryClientParameters,
  createFerryClient,
  type FerryChainReader,
  type FerryClient,
} from './client/createFerryClient.js'
export {
  defineFerryChain,
  type FerryChain,
  type FerryCosmWasmChain,
  type FerryEvmChain,
} from './client/defineFerryChain.js'
// Devnet
export {
  type DevnetChainsParameters,
  type DevnetChainsReturnType,
  devnetChains,
} from './devnet/devnetChains.js'
export type {
  DevnetFile,
  DevnetFileApps,
  DevnetFileCosmWasmChain,
  DevnetFileEvmChain,
} from './devnet/devnetFile.js'
// Errors
export { AllowanceTooLowError } from './errors/AllowanceTooLowError.js'
export { AlreadyDeliveredError } from './errors/AlreadyDeliveredError.js'
export { ApiRequestError } from './errors/ApiRequestError.js'
export { DeadlineNotPassedError } from './errors/DeadlineNotPassedError.js'
export {
  EndpointRevertedError,
  type EndpointRevertedErrorParameters,
} from './errors/EndpointRevertedError.js'
export { FerryError, type FerryErrorParameters, type RecoveryHint } from './errors/FerryError.js'
export { GasLimitTooLowError } from './errors/GasLimitTooLowError.js'
export { InvalidDevnetFileError } from './errors/InvalidDevnetFileError.js'
export { InvalidMessageIdError } from './errors/InvalidMessageIdError.js'
export { InvalidRecipientError } from './errors/InvalidRecipientError.js'
export { MaxFeeExceededError } from './errors/MaxFeeExceededError.js'
export { MessageNotFoundError } from './errors/MessageNotFoundError.js'
export { MissingSignerError } from './errors/MissingSignerError.js'
export { NoAckRequestedError } from './errors/NoAckRequestedError.js'
export { NoHtlcError } from './errors/NoHtlcError.js'
export { NoInterchainAccountRouterError } from './errors/NoInterchainAccountRouterError.js'
export { NoTokenBridgeError } from './errors/NoTokenBridgeError.js'
export { NotATokenTransferError } from './errors/NotATokenTransferError.js'
export { NotProvableError } from './errors/NotProvableError.js'
export { NotUnderpaidError } from './errors/NotUnderpaidError.js'
export { RecipientChainMismatchError } from './errors/RecipientChainMismatchError.js'
export { RemoteCallFailedError } from './errors/RemoteCallFailedError.js'
export { RemoteResultCountError } from './errors/RemoteResultCountError.js'
export { SimulationUndecidedError } from './errors/SimulationUndecidedError.js'
export { SimulationUnsupportedError } from './errors/SimulationUnsupportedError.js'
export { SwapLockExpiredError } from './errors/SwapLockExpiredError.js'
export { SwapLockNotOpenError } from './errors/SwapLockNotOpenError.js'
export { SwapRefundNotOpenError } from './errors/SwapRefundNotOpenError.js'
export { TokenBridgePausedError } from './errors/TokenBridgePausedError.js'
export { TransactionNotFoundError } from './errors/TransactionNotFoundError.js'
export { TransactionRevertedError } from './errors/TransactionRevertedError.js'
export { TransferAmountTooSmallError } from './errors/TransferAmountTooSmallError.js'
export { TransferBalanceTooLowError } from './errors/TransferBalanceTooLowError.js'
export { TransferCollateralExceededError } from './errors/TransferCollateralExceededError.js'
export { TransferRateLimitedError } from './errors/TransferRateLimitedError.js'
export { UnknownChainError } from './errors/UnknownChainError.js'
export { UnsafeSwapTimelocksError } from './errors/UnsafeSwapTimelocksError.js'
export { WaitTimeoutError } from './errors/WaitTimeoutError.js'
export { WrongSwapPreimageError } from './errors/WrongSwapPreimageError.js'
export type { components as ApiComponents, paths as ApiPaths } from './generated/openapi.js'
export type {
  CosmWasmCoin,
  CosmWasmRemoteCall,
  CosmWasmRemoteRead,
  CosmWasmRemoteResults,
} from './remote/cosmwasmTypes.js'
// Remote calls: typed EVM call lists and their results (spec/apps/interchain-accounts.md)
export { decodeEvmResults } from './remote/decodeEvmResults.js'
export { encodeEvmCalls } from './remote/encodeEvmCalls.js'
export type { EvmRemoteCalls, EvmRemoteResults } from './remote/types.js'
// Server-Sent Events
export { createSseParser, type SseEvent, type SseParser } from './sse/createSseParser.js'
export {
  type CheckSwapTimelocksErrorType,
  type CheckSwapTimelocksParameters,
  type CheckSwapTimelocksReturnType,
  checkSwapTimelocks,
  DEFAULT_SWAP_TIMELOCK_MARGIN,
  type GetSwapTimelockGapParameters,
  getSwapTimelockGap,
} from './swap/checkSwapTimelocks.js'
// Atomic swaps (spec/apps/htlc.md)
export {
  type ClaimSwapErrorType,
  type ClaimSwapParameters,
  type ClaimSwapReturnType,
  claimSwap,
  type SwapClaimWarning,
} from './swap/claimSwap.js'
export type { SwapLock, SwapLockState } from './swap/internal/readSwapLock.js'
export {
  DEFAULT_SWAP_RELAY_GAS_LIMIT,
  type LockSwapErrorType,
  type LockSwapParameters,
  type LockSwapReturnType,
  lockSwap,
} from './swap/lockSwap.js'
export {
  DEFAULT_SWAP_FINALITY,
  DEFAULT_SWAP_PARTICIPANT_DURATION,
  type ProposeSwapErrorType,
  type ProposeSwapParameters,
  type ProposeSwapReturnType,
  proposeSwap,
  type SwapLegInput,
  type SwapTerms,
  type SwapTermsLeg,
} from './swap/proposeSwap.js'
export {
  type RefundSwapErrorType,
  type RefundSwapParameters,
  type RefundSwapReturnType,
  refundSwap,
} from './swap/refundSwap.js'
export {
  type SwapLegState,
  type SwapLockRef,
  type SwapState,
  type WatchSwapErrorType,
  type WatchSwapParameters,
  type WatchSwapReturnType,
  watchSwap,
} from './swap/watchSwap.js'

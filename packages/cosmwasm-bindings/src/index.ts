// Entry point of `@ferry/cosmwasm-bindings`: the typed client of Ferry's CosmWasm endpoint
// (INTERFACE.md). The embedded chain, which loads a wasm VM, is its own subpath
// (`@ferry/cosmwasm-bindings/embedded`) so that importing the client does not load it.

export {
  type AcceptOwnershipErrorType,
  type AcceptOwnershipParameters,
  type AcceptOwnershipReturnType,
  acceptOwnership,
} from './client/actions/acceptOwnership.js'
export {
  type AddFeeErrorType,
  type AddFeeParameters,
  type AddFeeReturnType,
  addFee,
} from './client/actions/addFee.js'
export {
  type AppVerifierErrorType,
  type AppVerifierParameters,
  type AppVerifierReturnType,
  appVerifier,
} from './client/actions/appVerifier.js'
export {
  type ConfigErrorType,
  type ConfigParameters,
  type ConfigReturnType,
  config,
} from './client/actions/config.js'
export {
  type DeliverErrorType,
  type DeliverParameters,
  type DeliverReturnType,
  deliver,
} from './client/actions/deliver.js'
export {
  type DeliverBatchErrorType,
  type DeliverBatchParameters,
  type DeliverBatchReturnType,
  deliverBatch,
} from './client/actions/deliverBatch.js'
export {
  type FeeConfigErrorType,
  type FeeConfigParameters,
  type FeeConfigReturnType,
  feeConfig,
} from './client/actions/feeConfig.js'
export {
  type InboundNonceErrorType,
  type InboundNonceParameters,
  type InboundNonceReturnType,
  inboundNonce,
} from './client/actions/inboundNonce.js'
export {
  type LatestCheckpointErrorType,
  type LatestCheckpointParameters,
  type LatestCheckpointReturnType,
  latestCheckpoint,
} from './client/actions/latestCheckpoint.js'
export {
  type MerkleCountErrorType,
  type MerkleCountParameters,
  type MerkleCountReturnType,
  merkleCount,
} from './client/actions/merkleCount.js'
export {
  type MerkleRootErrorType,
  type MerkleRootParameters,
  type MerkleRootReturnType,
  merkleRoot,
} from './client/actions/merkleRoot.js'
export {
  type MessageStatusErrorType,
  type MessageStatusParameters,
  type MessageStatusReturnType,
  messageStatus,
} from './client/actions/messageStatus.js'
export {
  type OriginErrorType,
  type OriginParameters,
  type OriginReturnType,
  origin,
} from './client/actions/origin.js'
export {
  type OutboundNonceErrorType,
  type OutboundNonceParameters,
  type OutboundNonceReturnType,
  outboundNonce,
} from './client/actions/outboundNonce.js'
export {
  type PauseErrorType,
  type PauseParameters,
  type PauseReturnType,
  pause,
} from './client/actions/pause.js'
export {
  type QuoteErrorType,
  type QuoteParameters,
  type QuoteReturnType,
  quote,
} from './client/actions/quote.js'
export {
  type RemoveFeeConfigErrorType,
  type RemoveFeeConfigParameters,
  type RemoveFeeConfigReturnType,
  removeFeeConfig,
} from './client/actions/removeFeeConfig.js'
export {
  type RemoveOriginErrorType,
  type RemoveOriginParameters,
  type RemoveOriginReturnType,
  removeOrigin,
} from './client/actions/removeOrigin.js'
export {
  type RetryErrorType,
  type RetryParameters,
  type RetryReturnType,
  retry,
} from './client/actions/retry.js'
export {
  type SendErrorType,
  type SendParameters,
  type SendReturnType,
  send,
} from './client/actions/send.js'
export {
  type SetAppVerifierErrorType,
  type SetAppVerifierParameters,
  type SetAppVerifierReturnType,
  setAppVerifier,
} from './client/actions/setAppVerifier.js'
export {
  type SetFeeCollectorErrorType,
  type SetFeeCollectorParameters,
  type SetFeeCollectorReturnType,
  setFeeCollector,
} from './client/actions/setFeeCollector.js'
export {
  type SetFeeConfigErrorType,
  type SetFeeConfigParameters,
  type SetFeeConfigReturnType,
  setFeeConfig,
} from './client/actions/setFeeConfig.js'
export {
  type SetFeeManagerErrorType,
  type SetFeeManagerParameters,
  type SetFeeManagerReturnType,
  setFeeManager,
} from './client/actions/setFeeManager.js'
export {
  type SetOriginErrorType,
  type SetOriginParameters,
  type SetOriginReturnType,
  setOrigin,
} from './client/actions/setOrigin.js'
export {
  type SetThresholdErrorType,
  type SetThresholdParameters,
  type SetThresholdReturnType,
  setThreshold,
} from './client/actions/setThreshold.js'
export {
  type StoredStatusErrorType,
  type StoredStatusParameters,
  type StoredStatusReturnType,
  storedStatus,
} from './client/actions/storedStatus.js'
export {
  type TimeoutErrorType,
  type TimeoutParameters,
  type TimeoutReturnType,
  timeout,
} from './client/actions/timeout.js'
export {
  type TransferOwnershipErrorType,
  type TransferOwnershipParameters,
  type TransferOwnershipReturnType,
  transferOwnership,
} from './client/actions/transferOwnership.js'
export {
  type UnpauseErrorType,
  type UnpauseParameters,
  type UnpauseReturnType,
  unpause,
} from './client/actions/unpause.js'
export {
  type WithdrawFeesErrorType,
  type WithdrawFeesParameters,
  type WithdrawFeesReturnType,
  withdrawFees,
} from './client/actions/withdrawFees.js'
export {
  createEndpointClient,
  type EndpointClient,
} from './client/createEndpointClient.js'
export {
  type FromEmbeddedChainReturnType,
  fromEmbeddedChain,
} from './client/fromEmbeddedChain.js'
export {
  type FromSigningClientOptions,
  type FromSigningClientReturnType,
  fromSigningClient,
  type SigningClientLike,
} from './client/fromSigningClient.js'
export {
  type EndpointEvent,
  type ParseEndpointEventsErrorType,
  type ParseEndpointEventsParameters,
  type ParseEndpointEventsReturnType,
  parseEndpointEvents,
} from './client/parseEndpointEvents.js'
export type {
  Coin,
  CosmosEvent,
  CosmWasmExecutor,
  EndpointExecuteParameters,
  EndpointExecuteReturnType,
  EndpointQueryParameters,
  EventAttribute,
  ExecuteOutcome,
  JsonObject,
} from './client/types.js'
export {
  AckGasLimitTooHighError,
  FeeOverflowError,
  FeeTooLowError,
  GasLimitTooHighError,
  InsufficientFeesError,
  MessageNotSentError,
  NonpayableError,
  PausedError,
  UnauthorizedError,
  UnknownDestinationError,
  UnknownDomainError,
  WrongDenomError,
  WrongOriginError,
  ZeroFeeError,
} from './errors/admin.js'
export { EndpointEventError, MissingSenderError } from './errors/client.js'
export {
  InvalidAddressError,
  InvalidDenomError,
  InvalidJsonError,
  InvalidThresholdError,
  TooManyValidatorsError,
  ValidatorsNotAscendingError,
  ZeroMaxGasLimitError,
  ZeroOriginEndpointError,
  ZeroRateError,
} from './errors/config.js'
export {
  COSMWASM_FAILURE_REASONS,
  type CosmwasmErrorCode,
  type CosmwasmFailureReasonParameters,
  type CosmwasmFailureReasonReturnType,
  cosmwasmFailureReason,
} from './errors/cosmwasmFailureReason.js'
export {
  BatchLengthMismatchError,
  DeadlineNotPassedError,
  DeadlinePassedError,
  EmptyTreeError,
  NoDeadlineError,
  NonceOutOfOrderError,
  NonceOverflowError,
  NotRetryableError,
  NotTimeoutableError,
  ReentrantCallError,
  RetryGasLimitTooLowError,
  TreeFullError,
} from './errors/delivery.js'
export {
  EndpointError,
  type EndpointErrorParameters,
  UnknownEndpointError,
} from './errors/endpointError.js'
export type { EndpointErrorFields } from './errors/fields.js'
export {
  AckRequestMismatchError,
  AckRequestsAckError,
  BodyTooLargeError,
  MalformedAckError,
  MessageTooShortError,
  UnknownFlagsError,
  WrongDestinationError,
  WrongVersionError,
} from './errors/message.js'
export {
  type ParseEndpointErrorParameters,
  type ParseEndpointErrorReturnType,
  parseEndpointError,
} from './errors/parseEndpointError.js'
export {
  HighSError,
  InvalidSignatureError,
  InvalidVError,
  LeafIndexTooHighError,
  MalformedProofError,
  ProofRejectedError,
  QueryFailedError,
  SignerNotValidatorError,
  SignersNotAscendingError,
  ThresholdNotMetError,
  UnknownOriginError,
} from './errors/proof.js'
export {
  TokenBridgeAmountTooLargeError,
  TokenBridgeDecimalsTooFarError,
  TokenBridgeInsufficientBalanceError,
  TokenBridgeInsufficientCollateralError,
  TokenBridgeInsufficientFundsError,
  TokenBridgeMalformedBodyError,
  TokenBridgeNotCosmwasmRecipientError,
  TokenBridgeNotGuardianError,
  TokenBridgeNotSyntheticError,
  TokenBridgePausedError,
  TokenBridgeRateLimitedError,
  TokenBridgeUnknownModeError,
  TokenBridgeUnknownRouteError,
  TokenBridgeUnknownVersionError,
  TokenBridgeZeroAmountError,
  TokenBridgeZeroRecipientError,
} from './errors/tokenBridge.js'
export {
  type CallRemoteErrorType,
  type CallRemoteParameters,
  type CallRemoteReturnType,
  callRemote,
} from './interchainAccounts/callRemote.js'
export {
  createInterchainAccountRouterClient,
  type InterchainAccountRouterClient,
} from './interchainAccounts/createInterchainAccountRouterClient.js'
export {
  type CosmosCall,
  type CosmosRead,
  encodeCosmosPayload,
} from './interchainAccounts/encodeCosmosPayload.js'
export {
  type GetInterchainAccountAddressParameters,
  type GetInterchainAccountAddressReturnType,
  getInterchainAccountAddress,
} from './interchainAccounts/getInterchainAccountAddress.js'
export {
  type GetInterchainAccountSaltParameters,
  type GetInterchainAccountSaltReturnType,
  getInterchainAccountSalt,
} from './interchainAccounts/getInterchainAccountSalt.js'
export {
  type InterchainAccountErrorType,
  type InterchainAccountParameters,
  type InterchainAccountReturnType,
  interchainAccount,
} from './interchainAccounts/interchainAccount.js'
export {
  type PredictInstantiate2AddressParameters,
  type PredictInstantiate2AddressReturnType,
  predictInstantiate2Address,
} from './interchainAccounts/predictInstantiate2Address.js'
export {
  type QuoteRemoteCallErrorType,
  type QuoteRemoteCallParameters,
  type QuoteRemoteCallReturnType,
  quoteRemoteCall,
} from './interchainAccounts/quoteRemoteCall.js'
export {
  type RegisterCallbacksErrorType,
  type RegisterCallbacksParameters,
  type RegisterCallbacksReturnType,
  registerCallbacks,
} from './interchainAccounts/registerCallbacks.js'
export {
  type RemoteResultErrorType,
  type RemoteResultParameters,
  type RemoteResultReturnType,
  remoteResult,
} from './interchainAccounts/remoteResult.js'
export {
  type CollateralOfErrorType,
  type CollateralOfParameters,
  type CollateralOfReturnType,
  collateralOf,
} from './tokenBridge/collateralOf.js'
export {
  createTokenBridgeClient,
  type TokenBridgeClient,
} from './tokenBridge/createTokenBridgeClient.js'
export {
  type Cw20BalanceErrorType,
  type Cw20BalanceParameters,
  type Cw20BalanceReturnType,
  cw20Balance,
} from './tokenBridge/cw20Balance.js'
export {
  type Cw20TokenInfoErrorType,
  type Cw20TokenInfoParameters,
  type Cw20TokenInfoReturnType,
  cw20TokenInfo,
} from './tokenBridge/cw20TokenInfo.js'
export {
  type Cw20TransferErrorType,
  type Cw20TransferParameters,
  type Cw20TransferReturnType,
  cw20Transfer,
} from './tokenBridge/cw20Transfer.js'
export {
  type QuoteTransferErrorType,
  type QuoteTransferParameters,
  type QuoteTransferReturnType,
  quoteTransfer,
} from './tokenBridge/quoteTransfer.js'
export {
  type SetTokenBridgeGuardianErrorType,
  type SetTokenBridgeGuardianParameters,
  type SetTokenBridgeGuardianReturnType,
  setTokenBridgeGuardian,
} from './tokenBridge/setTokenBridgeGuardian.js'
export {
  type SetTokenBridgePausedErrorType,
  type SetTokenBridgePausedParameters,
  type SetTokenBridgePausedReturnType,
  setTokenBridgePaused,
} from './tokenBridge/setTokenBridgePaused.js'
export {
  type SetTokenBridgeRouteErrorType,
  type SetTokenBridgeRouteParameters,
  type SetTokenBridgeRouteReturnType,
  setTokenBridgeRoute,
  type TokenBridgeLimits,
} from './tokenBridge/setTokenBridgeRoute.js'
export {
  type TokenBridgeConfigErrorType,
  type TokenBridgeConfigParameters,
  type TokenBridgeConfigReturnType,
  tokenBridgeConfig,
} from './tokenBridge/tokenBridgeConfig.js'
export {
  type TokenBridgeBucket,
  type TokenBridgeRouteErrorType,
  type TokenBridgeRouteParameters,
  type TokenBridgeRouteReturnType,
  tokenBridgeRoute,
} from './tokenBridge/tokenBridgeRoute.js'
export {
  type TransferRemoteErrorType,
  type TransferRemoteParameters,
  type TransferRemoteReturnType,
  transferRemote,
} from './tokenBridge/transferRemote.js'
export type {
  BytesInput,
  EndpointConfig,
  EndpointMessageStatus,
  FeeConfig,
  Hex,
} from './types.js'

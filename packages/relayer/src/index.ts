/**
 * `@ferry/relayer`: Ferry's validator and relayer as a library (the `ferry` CLI runs the same
 * functions from a config file). The core takes its logger, chain readers and submitters, store and an
 * `AbortSignal` as arguments.
 *
 * @example
 * import { createEvmChainSubmitter, openStore, runRelayer } from '@ferry/relayer'
 */

// Operator API, lifecycle events, metrics
export {
  type RunningRelayerApi,
  type StartRelayerApiParameters,
  startRelayerApi,
} from './api/startRelayerApi.js'
// Chains: the keyless readers (`createEvmChainReader`, `createCosmWasmChainReader`) and their
// types and errors are `@ferry/sdk`'s; the relayer adds submitters that wrap them with a key.
export {
  type ConnectCosmWasmChainParameters,
  type CosmWasmChainSource,
  connectCosmWasmChain,
} from './chains/cosmwasm/connectCosmWasmChain.js'
export {
  type CosmWasmChainSubmitter,
  type CreateCosmWasmChainSubmitterParameters,
  createCosmWasmChainSubmitter,
} from './chains/cosmwasm/createCosmWasmChainSubmitter.js'
export {
  type CreateCosmWasmEmbeddedWriterParameters,
  createCosmWasmEmbeddedWriter,
} from './chains/cosmwasm/createCosmWasmEmbeddedWriter.js'
export {
  type CreateCosmWasmRpcWriterParameters,
  createCosmWasmRpcWriter,
} from './chains/cosmwasm/createCosmWasmRpcWriter.js'
export { createSigner } from './chains/cosmwasm/createSigner.js'
export { CallRejectedError } from './chains/cosmwasm/errors.js'
export type { CosmWasmWriter, WriterOutcome } from './chains/cosmwasm/writer.js'
export {
  type CreateEvmChainSubmitterParameters,
  createEvmChainSubmitter,
  type EvmChainSubmitter,
} from './chains/evm/createEvmChainSubmitter.js'
export {
  GasEstimateRevertedError,
  GasPriceAboveCapError,
  NonceConflictError,
  TransactionRevertedError,
} from './chains/evm/errors.js'
export type { EvmGasPolicy } from './chains/evm/feeStrategy.js'
export type {
  CallReceipt,
  ChainSubmitter,
  EndpointCall,
  JournalEntry,
  RecoveredTransaction,
  SubmitOptions,
  TransactionJournal,
} from './chains/types.js'
// Config
export { ConfigError, type ConfigIssue } from './config/errors.js'
export { type LoadConfigParameters, loadConfig } from './config/loadConfig.js'
export { resolveSigner } from './config/resolveSigner.js'
export type { FerryConfig, FerryConfigInput } from './config/schema.js'
// Core
export {
  CheckpointNotFinalError,
  EquivocationRefusedError,
  LeafGapError,
  TreeMismatchError,
} from './core/errors.js'
export type { Finality } from './core/finality/getFinalBlock.js'
export type { RelayerPolicy, RetryPolicy } from './core/relayer/policy.js'
export {
  type RelayerChain,
  type RunRelayerParameters,
  runRelayer,
} from './core/relayer/runRelayer.js'
export {
  type CreateValidatorParameters,
  createValidator,
  type Validator,
} from './core/validator/createValidator.js'
export {
  createValidatorApp,
  type SignedCheckpointResponse,
} from './core/validator/createValidatorApp.js'
export { type RunValidatorParameters, runValidator } from './core/validator/runValidator.js'
export { createEventBus, type EventBus } from './events/createEventBus.js'
export { observeStore } from './events/observeStore.js'
export type { LifecycleEvent, LifecycleEventType } from './events/types.js'
// The explorer's static server (`ferry explorer`, the devnet)
export {
  type CreateExplorerAppParameters,
  createExplorerApp,
  explorerCsp,
} from './explorer/createExplorerApp.js'
export { ExplorerNotBuiltError } from './explorer/errors.js'
export {
  type RunningExplorerServer,
  type StartExplorerServerParameters,
  startExplorerServer,
} from './explorer/startExplorerServer.js'
export { createRelayerMetrics } from './metrics/createRelayerMetrics.js'
// Services (what the CLI runs)
export { type Listening, listen } from './service/listen.js'
export { startRelayerService } from './service/startRelayerService.js'
export { startValidatorService } from './service/startValidatorService.js'
export {
  JournalEntryNotFoundError,
  MessageNotFoundError,
  StoreLockedError,
  StoreMigrationError,
  StoreOpenError,
  StoreUrlError,
} from './store/errors.js'
// Store
export { type OpenStoreOptions, openStore } from './store/openStore.js'
export type {
  AttemptRecord,
  FeeTopUp,
  MessageStage,
  ReasonCode,
  RelayerStore,
  StoredAttempt,
  StoredMessage,
} from './store/types.js'
export { useBaselineWasmCompiler } from './store/useBaselineWasmCompiler.js'

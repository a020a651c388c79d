import { expect, it } from 'vitest'

// An accidental change to what the package exports fails here; update the snapshot on purpose.
it('exports the same names from each entry point', async () => {
  const root = await import('./index.js')
  expect(Object.keys(root).sort()).toMatchInlineSnapshot(`
    [
      "CallRejectedError",
      "ChainIdMismatchError",
      "CheckpointNotFinalError",
      "ConfigError",
      "EndpointReadRevertedError",
      "EquivocationRefusedError",
      "EvmChainConfigError",
      "GasEstimateRevertedError",
      "GasPriceAboveCapError",
      "IncompleteEventsError",
      "JournalEntryNotFoundError",
      "LeafGapError",
      "MessageNotFoundError",
      "NonceConflictError",
      "RpcError",
      "StoreLockedError",
      "StoreMigrationError",
      "StoreOpenError",
      "StoreUrlError",
      "TransactionRevertedError",
      "TreeMismatchError",
      "createCosmWasmChain",
      "createEventBus",
      "createEvmChain",
      "createRelayerMetrics",
      "createValidator",
      "createValidatorApp",
      "listen",
      "loadConfig",
      "observeStore",
      "openStore",
      "resolveSigner",
      "runRelayer",
      "runValidator",
      "startRelayerApi",
      "startRelayerService",
      "startValidatorService",
      "useBaselineWasmCompiler",
    ]
  `)
})

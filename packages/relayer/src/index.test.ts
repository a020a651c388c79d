import { expect, it } from 'vitest'

// An accidental change to what the package exports fails here; update the snapshot on purpose.
it('exports the same names from each entry point', async () => {
  const root = await import('./index.js')
  expect(Object.keys(root).sort()).toMatchInlineSnapshot(`
    [
      "CallRejectedError",
      "CheckpointNotFinalError",
      "ConfigError",
      "EquivocationRefusedError",
      "ExplorerNotBuiltError",
      "GasEstimateRevertedError",
      "GasPriceAboveCapError",
      "JournalEntryNotFoundError",
      "LeafGapError",
      "MessageNotFoundError",
      "NonceConflictError",
      "StoreLockedError",
      "StoreMigrationError",
      "StoreOpenError",
      "StoreUrlError",
      "TransactionRevertedError",
      "TreeMismatchError",
      "connectCosmWasmChain",
      "createCosmWasmChainSubmitter",
      "createCosmWasmEmbeddedWriter",
      "createCosmWasmRpcWriter",
      "createEventBus",
      "createEvmChainSubmitter",
      "createExplorerApp",
      "createRelayerMetrics",
      "createSigner",
      "createValidator",
      "createValidatorApp",
      "explorerCsp",
      "listen",
      "loadConfig",
      "observeStore",
      "openStore",
      "resolveSigner",
      "runRelayer",
      "runValidator",
      "startExplorerServer",
      "startRelayerApi",
      "startRelayerService",
      "startValidatorService",
      "useBaselineWasmCompiler",
    ]
  `)
})

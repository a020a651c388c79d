import * as protocol from '@ferry/protocol'
import { expect, test } from 'vitest'

// An accidental change to the public API (a rename, a lost export) fails here. Update the
// snapshot only for a deliberate change, with a changeset. The protocol codec is re-exported
// whole (its names are pinned by the protocol's own snapshot); the sdk's own names follow.
test('exports of @ferry/sdk: the protocol codec, whole, the chain readers and the actions', async () => {
  const sdk = await import('./index.js')
  const names = Object.keys(sdk)
  expect(names).toEqual(expect.arrayContaining(Object.keys(protocol)))
  expect(names.filter((name) => !(name in protocol)).sort()).toMatchInlineSnapshot(`
    [
      "AllowanceTooLowError",
      "AlreadyDeliveredError",
      "ApiRequestError",
      "ChainIdMismatchError",
      "DEFAULT_SWAP_FINALITY",
      "DEFAULT_SWAP_PARTICIPANT_DURATION",
      "DEFAULT_SWAP_RELAY_GAS_LIMIT",
      "DEFAULT_SWAP_TIMELOCK_MARGIN",
      "DeadlineNotPassedError",
      "EndpointReadRevertedError",
      "EndpointRevertedError",
      "EvmChainConfigError",
      "FerryError",
      "GasLimitTooLowError",
      "IncompleteEventsError",
      "InvalidDevnetFileError",
      "InvalidMessageIdError",
      "InvalidRecipientError",
      "MaxFeeExceededError",
      "MessageNotFoundError",
      "MissingSignerError",
      "NoAckRequestedError",
      "NoHtlcError",
      "NoInterchainAccountRouterError",
      "NoTokenBridgeError",
      "NotATokenTransferError",
      "NotProvableError",
      "NotUnderpaidError",
      "RecipientChainMismatchError",
      "RemoteCallFailedError",
      "RemoteResultCountError",
      "RpcError",
      "SimulationUndecidedError",
      "SimulationUnsupportedError",
      "SwapLockExpiredError",
      "SwapLockNotOpenError",
      "SwapRefundNotOpenError",
      "TokenBridgePausedError",
      "TransactionNotFoundError",
      "TransactionRevertedError",
      "TransferAmountTooSmallError",
      "TransferBalanceTooLowError",
      "TransferCollateralExceededError",
      "TransferRateLimitedError",
      "UnknownChainError",
      "UnsafeSwapTimelocksError",
      "WaitTimeoutError",
      "WrongSwapPreimageError",
      "addFee",
      "callApi",
      "callRemote",
      "checkSwapTimelocks",
      "claimSwap",
      "createEvmChainReader",
      "createFerryClient",
      "createSseParser",
      "decodeEvmResults",
      "defineFerryChain",
      "devnetChains",
      "encodeEvmCalls",
      "findSentMessage",
      "getAck",
      "getInterchainAccount",
      "getMessage",
      "getMessagesFromTransaction",
      "getSignedIndex",
      "getSwapTimelockGap",
      "getTransfer",
      "lockSwap",
      "proposeSwap",
      "quote",
      "quoteTransfer",
      "readRemote",
      "refundSwap",
      "relayMessage",
      "retryMessage",
      "send",
      "simulateDelivery",
      "streamEvents",
      "timeoutMessage",
      "toMessageState",
      "transferToken",
      "waitForMessage",
      "watchMessage",
      "watchSwap",
    ]
  `)
})

test('exports of @ferry/sdk/cosmwasm: the CosmWasm reader and its sources', async () => {
  expect(Object.keys(await import('./cosmwasm/index.js')).sort()).toMatchInlineSnapshot(`
    [
      "createCosmWasmChainReader",
      "createCosmWasmEmbeddedSource",
      "createCosmWasmRpcSource",
    ]
  `)
})

test('exports of @ferry/sdk/internal: the helpers the relayer shares', async () => {
  expect(Object.keys(await import('./internal/index.js')).sort()).toMatchInlineSnapshot(`
    [
      "abortable",
      "callRpc",
      "failoverTransport",
      "isRevert",
      "sleep",
      "toMessageStatus",
      "toRpcError",
      "unwrapRpcError",
    ]
  `)
})

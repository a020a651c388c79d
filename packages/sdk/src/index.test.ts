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
      "AlreadyDeliveredError",
      "ApiRequestError",
      "ChainIdMismatchError",
      "DeadlineNotPassedError",
      "EndpointReadRevertedError",
      "EndpointRevertedError",
      "EvmChainConfigError",
      "FerryError",
      "GasLimitTooLowError",
      "IncompleteEventsError",
      "InvalidDevnetFileError",
      "InvalidRecipientError",
      "MaxFeeExceededError",
      "MessageNotFoundError",
      "MissingSignerError",
      "NoAckRequestedError",
      "NotProvableError",
      "NotUnderpaidError",
      "RpcError",
      "TransactionNotFoundError",
      "TransactionRevertedError",
      "UnknownChainError",
      "WaitTimeoutError",
      "abortable",
      "addFee",
      "callApi",
      "callRpc",
      "createCosmWasmChainReader",
      "createCosmWasmEmbeddedSource",
      "createCosmWasmRpcSource",
      "createEvmChainReader",
      "createFerryClient",
      "createSseParser",
      "defineFerryChain",
      "devnetChains",
      "failoverTransport",
      "findSentMessage",
      "getAck",
      "getMessage",
      "getMessagesFromTransaction",
      "getSignedIndex",
      "isRevert",
      "quote",
      "relayMessage",
      "retryMessage",
      "send",
      "sleep",
      "streamEvents",
      "timeoutMessage",
      "toMessageState",
      "toMessageStatus",
      "toRpcError",
      "unwrapRpcError",
      "waitForMessage",
      "watchMessage",
    ]
  `)
})

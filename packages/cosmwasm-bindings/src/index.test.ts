import { expect, test } from 'vitest'

// An accidental change to the public API (a rename, a lost export) fails here. Update the
// snapshot only for a deliberate change, with a changeset.
test('exports of @ferry/cosmwasm-bindings', async () => {
  expect(Object.keys(await import('./index.js')).sort()).toMatchInlineSnapshot(`
    [
      "AckRequestsAckError",
      "BatchLengthMismatchError",
      "BodyTooLargeError",
      "DeadlineNotPassedError",
      "DeadlinePassedError",
      "EmptyTreeError",
      "EndpointError",
      "EndpointEventError",
      "FeeOverflowError",
      "FeeTooLowError",
      "HighSError",
      "InsufficientFeesError",
      "InvalidAddressError",
      "InvalidDenomError",
      "InvalidJsonError",
      "InvalidSignatureError",
      "InvalidThresholdError",
      "InvalidVError",
      "LeafIndexTooHighError",
      "MalformedAckError",
      "MalformedProofError",
      "MessageTooShortError",
      "MissingSenderError",
      "NoDeadlineError",
      "NonceOutOfOrderError",
      "NonceOverflowError",
      "NotRetryableError",
      "NotTimeoutableError",
      "PausedError",
      "ProofRejectedError",
      "QueryFailedError",
      "ReentrantCallError",
      "SignerNotValidatorError",
      "SignersNotAscendingError",
      "ThresholdNotMetError",
      "TooManyValidatorsError",
      "TreeFullError",
      "UnauthorizedError",
      "UnknownDestinationError",
      "UnknownDomainError",
      "UnknownEndpointError",
      "UnknownFlagsError",
      "UnknownOriginError",
      "ValidatorsNotAscendingError",
      "WrongDenomError",
      "WrongDestinationError",
      "WrongVersionError",
      "ZeroOriginEndpointError",
      "ZeroRateError",
      "acceptOwnership",
      "appVerifier",
      "config",
      "createEndpointClient",
      "deliver",
      "deliverBatch",
      "feeConfig",
      "fromEmbeddedChain",
      "fromSigningClient",
      "inboundNonce",
      "latestCheckpoint",
      "merkleCount",
      "merkleRoot",
      "messageStatus",
      "origin",
      "outboundNonce",
      "parseEndpointError",
      "parseEndpointEvents",
      "pause",
      "quote",
      "removeFeeConfig",
      "removeOrigin",
      "retry",
      "send",
      "setAppVerifier",
      "setFeeCollector",
      "setFeeConfig",
      "setFeeManager",
      "setOrigin",
      "setThreshold",
      "storedStatus",
      "timeout",
      "transferOwnership",
      "unpause",
      "withdrawFees",
    ]
  `)
})

test('exports of @ferry/cosmwasm-bindings/embedded', async () => {
  expect(Object.keys(await import('./embedded/index.js')).sort()).toMatchInlineSnapshot(`
    [
      "EmbeddedChainError",
      "createEmbeddedChain",
    ]
  `)
})

test('exports of @ferry/cosmwasm-bindings/testing', async () => {
  expect(Object.keys(await import('./testing/index.js')).sort()).toMatchInlineSnapshot(`
    [
      "connectOrigin",
      "deployEndpoint",
      "deployerFromSigningClient",
      "instantiateTestRecipient",
      "setFeeConfigs",
      "testRecipientHandled",
      "viaTestRecipient",
    ]
  `)
})

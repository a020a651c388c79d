import { expect, it } from 'vitest'

// An accidental change to what the package exports fails here; update the snapshot on purpose.
it('exports the same names from each entry point', async () => {
  const root = await import('../src/index.ts')
  const testing = await import('../src/testing/index.ts')
  expect(Object.keys(root).sort()).toMatchInlineSnapshot(`
    [
      "EVM_FAILURE_REASONS",
      "endpointAbi",
      "endpointAppAbi",
      "endpointBytecode",
      "evmFailureReason",
      "ferryReceiverAbi",
      "interchainAccountAbi",
      "interchainAccountBytecode",
      "interchainAccountFactoryAbi",
      "interchainAccountFactoryBytecode",
      "interchainAccountRouterAbi",
      "interchainAccountRouterBytecode",
      "interchainCallerAbi",
      "multisigVerifierAbi",
      "multisigVerifierBytecode",
      "pingPongAbi",
      "pingPongBytecode",
      "remoteCallTargetAbi",
      "remoteCallTargetBytecode",
      "revertingRecipientAbi",
      "revertingRecipientBytecode",
      "testRecipientAbi",
      "testRecipientBytecode",
      "verifierAbi",
    ]
  `)
  expect(Object.keys(testing).sort()).toMatchInlineSnapshot(`
    [
      "DeploymentFailedError",
      "RelayTreeMismatchError",
      "SetupRevertedError",
      "connectEndpoints",
      "connectInterchainAccounts",
      "deployFerry",
      "deployInterchainAccounts",
      "getSentMessages",
      "relayMessages",
    ]
  `)
})

import { expect, it } from 'vitest'

// An accidental change to what the package exports fails here; update the snapshot on purpose.
it('exports the same names from each entry point', async () => {
  const root = await import('../src/index.ts')
  const testing = await import('../src/testing/index.ts')
  expect(Object.keys(root).sort()).toMatchInlineSnapshot(`
    [
      "EVM_FAILURE_REASONS",
      "bridgedTokenAbi",
      "bridgedTokenBytecode",
      "collateralTokenBridgeAbi",
      "collateralTokenBridgeBytecode",
      "endpointAbi",
      "endpointAppAbi",
      "endpointBytecode",
      "evmFailureReason",
      "ferryGatewayAbi",
      "ferryGatewayBytecode",
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
      "ozBridgeERC20Abi",
      "ozBridgeERC20Bytecode",
      "ozERC20CrosschainAbi",
      "ozERC20CrosschainBytecode",
      "ozTestTokenAbi",
      "ozTestTokenBytecode",
      "pingPongAbi",
      "pingPongBytecode",
      "remoteCallTargetAbi",
      "remoteCallTargetBytecode",
      "revertingRecipientAbi",
      "revertingRecipientBytecode",
      "syntheticTokenBridgeAbi",
      "syntheticTokenBridgeBytecode",
      "testERC7786RecipientAbi",
      "testERC7786RecipientBytecode",
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
      "connectGateways",
      "connectInterchainAccounts",
      "connectTokenBridges",
      "deployFerry",
      "deployGateway",
      "deployInterchainAccounts",
      "deployTokenBridge",
      "getSentMessages",
      "relayMessages",
    ]
  `)
})

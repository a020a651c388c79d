import type { DevnetFile } from '@ferry/sdk'
import {
  TEST_COSMWASM_ACCOUNTS,
  TEST_COSMWASM_BECH32_PREFIX,
  TEST_COSMWASM_DENOM,
  TEST_RELAYER_KEYS,
  type TestChain,
} from '@ferry/testkit'
import { privateKeyToAddress } from 'viem/accounts'
import type { DevnetBridges } from './devnetBridges.js'

/**
 * The devnet file's content for the running devnet: each chain and where to reach it (a wasmd
 * node by `rpcUrl`; the embedded chain as `embedded: true`) with its apps, the validators and the
 * relayer. An EVM chain's apps include its ERC-7786 `gateway`, its Ferry `tokenBridge` and the
 * `token` it locks or mints, OpenZeppelin's `ozBridgeERC20` (home) or `ozERC20Crosschain`, and
 * on evm-a the `cosmWasmTokenBridge` minting the CosmWasm denom as `cosmWasmToken`; the CosmWasm
 * chain's apps its native `tokenBridge` and the `token` (denom) it locks. Chains with an HTLC
 * (evm-a and the CosmWasm chain) name it `htlc`, where the SDK's `devnetChains` reads it.
 *
 * @example
 * writeFileSync(file, JSON.stringify(toDevnetFile({ apiUrl, chains, bridges, validators }), null, 2))
 */
export function toDevnetFile({
  apiUrl,
  chains,
  bridges: { openZeppelin, cosmWasmToken },
  validators,
}: {
  apiUrl: string
  chains: readonly TestChain[]
  bridges: DevnetBridges
  validators: DevnetFile['validators']
}): DevnetFile {
  return {
    apiUrl,
    chains: chains.map((chain) => {
      if (chain.kind === 'evm')
        return {
          kind: 'evm',
          name: chain.name,
          domain: chain.domain,
          chainId: chain.domain,
          rpcUrl: chain.rpcUrl,
          endpoint: chain.endpoint,
          verifier: chain.verifier,
          apps: {
            pingPong: chain.apps.pingPong,
            testRecipient: chain.apps.testRecipients[0] ?? '',
            revertingRecipient: chain.apps.revertingRecipient,
            ...interchainAccountApps(chain.apps.interchainAccounts),
            ...(chain.apps.interchainAccounts && {
              remoteCallTarget: chain.apps.interchainAccounts.target,
            }),
            ...(chain.apps.gateway && { gateway: chain.apps.gateway }),
            ...(chain.apps.htlc && { htlc: chain.apps.htlc }),
            ...(chain.apps.tokenBridge && {
              tokenBridge: chain.apps.tokenBridge.bridge,
              token: chain.apps.tokenBridge.token,
            }),
            ...(chain.domain === openZeppelin.homeDomain && {
              ozBridgeERC20: openZeppelin.bridgeERC20,
            }),
            ...(chain.domain === openZeppelin.remoteDomain && {
              ozERC20Crosschain: openZeppelin.erc20Crosschain,
            }),
            ...(chain.domain === cosmWasmToken.evm.domain && {
              cosmWasmTokenBridge: cosmWasmToken.evm.bridge,
              cosmWasmToken: cosmWasmToken.evm.token,
            }),
          },
        }
      const common = {
        kind: 'cosmwasm',
        name: chain.name,
        domain: chain.domain,
        chainId: chain.chainId,
        bech32Prefix: TEST_COSMWASM_BECH32_PREFIX,
        denom: TEST_COSMWASM_DENOM,
        endpoint: chain.endpoint,
        apps: {
          testRecipient: chain.apps.testRecipients[0] ?? '',
          ...interchainAccountApps(chain.apps.interchainAccounts),
          ...(chain.apps.htlc && { htlc: chain.apps.htlc }),
          ...(chain.domain === cosmWasmToken.cosmwasm.domain && {
            tokenBridge: cosmWasmToken.cosmwasm.bridge,
            token: cosmWasmToken.cosmwasm.denom,
          }),
        },
      } as const
      return chain.node.type === 'embedded'
        ? { ...common, embedded: true }
        : { ...common, rpcUrl: chain.node.rpcUrl }
    }),
    validators,
    relayer: {
      evmAddress: privateKeyToAddress(TEST_RELAYER_KEYS[0]),
      cosmwasmAddress: TEST_COSMWASM_ACCOUNTS.relayer,
    },
  }
}

/** A chain's interchain-account router and factory, as the file's app entries. */
function interchainAccountApps(
  deployed: { router: string; factory: string } | undefined,
): Record<string, string> {
  return deployed
    ? { interchainAccountRouter: deployed.router, interchainAccountFactory: deployed.factory }
    : {}
}

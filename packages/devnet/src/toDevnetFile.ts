import type { DevnetFile } from '@ferry/sdk'
import {
  TEST_COSMWASM_ACCOUNTS,
  TEST_COSMWASM_BECH32_PREFIX,
  TEST_COSMWASM_DENOM,
  TEST_RELAYER_KEYS,
  type TestChain,
} from '@ferry/testkit'
import { privateKeyToAddress } from 'viem/accounts'

/**
 * The devnet file's content for the running devnet: each chain and where to reach it (a wasmd
 * node by `rpcUrl`; the embedded chain as `embedded: true`), the validators and the relayer.
 *
 * @example
 * writeFileSync(file, JSON.stringify(toDevnetFile({ apiUrl, chains, validators }), null, 2))
 */
export function toDevnetFile({
  apiUrl,
  chains,
  validators,
}: {
  apiUrl: string
  chains: readonly TestChain[]
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

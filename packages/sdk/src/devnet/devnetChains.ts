import { type Account, type Address, createWalletClient, defineChain, http } from 'viem'
import type { CreateFerryClientParameters } from '../client/createFerryClient.js'
import type { FerryChain } from '../client/defineFerryChain.js'
import { InvalidDevnetFileError } from '../errors/InvalidDevnetFileError.js'
import type { DevnetFile } from './devnetFile.js'

export type DevnetChainsParameters = {
  /** An EVM account to sign with on every EVM chain (e.g. one of Hardhat's test keys). */
  account?: Account | undefined
  /** Where the file came from, for errors. */
  source?: string | undefined
}

export type DevnetChainsReturnType = CreateFerryClientParameters<FerryChain[]> & {
  /**
   * Chains of the file the SDK cannot reach from another process: the devnet's embedded
   * CosmWasm VM (`pnpm devnet -- --wasmd` runs a wasmd node instead, which it can).
   */
  unreachable: string[]
}

/**
 * The client parameters for a running devnet, from its file (`.devnet/devnet.json`, already
 * parsed): every chain it can reach (EVM chains with a wallet when `account` is given), the
 * relayer API and each origin's validators. Checks the file's shape, naming the bad field.
 *
 * @example
 * const client = createFerryClient(devnetChains(await (await fetch('/devnet.json')).json()))
 */
export function devnetChains(
  file: unknown,
  { account, source }: DevnetChainsParameters = {},
): DevnetChainsReturnType {
  const devnet = checkDevnetFile(file, source)
  const unreachable: string[] = []
  const chains = devnet.chains.flatMap((chain): FerryChain[] => {
    if (chain.kind === 'evm') {
      const viemChain = defineChain({
        id: chain.chainId,
        name: chain.name,
        nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
        rpcUrls: { default: { http: [chain.rpcUrl] } },
      })
      return [
        {
          kind: 'evm',
          name: chain.name,
          domain: chain.domain,
          // CAST: checkDevnetFile checked it is a 0x address.
          endpoint: chain.endpoint as Address,
          rpcUrls: [chain.rpcUrl],
          // CAST: checkDevnetFile checked it is a 0x address.
          interchainAccountRouter: chain.apps.interchainAccountRouter as Address | undefined,
          // CAST: checkDevnetFile checked it is a 0x address.
          tokenBridge: chain.apps.tokenBridge as Address | undefined,
          // CAST: checkDevnetFile checked it is a 0x address.
          htlc: chain.apps.htlc as Address | undefined,
          ...(account && {
            walletClient: createWalletClient({ account, chain: viemChain, transport: http() }),
          }),
        },
      ]
    }
    if (chain.embedded) {
      unreachable.push(chain.name)
      return []
    }
    return [
      {
        kind: 'cosmwasm',
        name: chain.name,
        domain: chain.domain,
        endpoint: chain.endpoint,
        bech32Prefix: chain.bech32Prefix,
        chainId: chain.chainId,
        rpcUrls: [chain.rpcUrl],
        interchainAccountRouter: chain.apps.interchainAccountRouter,
        tokenBridge: chain.apps.tokenBridge,
        htlc: chain.apps.htlc,
      },
    ]
  })
  const validators: Record<number, string[]> = {}
  for (const { origin, url } of devnet.validators)
    validators[origin] = [...(validators[origin] ?? []), url]
  return { chains, apiUrl: devnet.apiUrl, validators, unreachable }
}

/** `file` as a `DevnetFile`, or an `InvalidDevnetFileError` naming the first bad field. */
function checkDevnetFile(file: unknown, source: string | undefined): DevnetFile {
  const fail = (field: string, problem: string): never => {
    throw new InvalidDevnetFileError({ field, problem, ...(source && { source }) })
  }
  const record = (value: unknown, field: string): Record<string, unknown> => {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      fail(field, 'is not an object')
    // CAST: checked just above to be a non-null, non-array object.
    return value as Record<string, unknown>
  }
  const string = (value: unknown, field: string): string =>
    typeof value === 'string' && value !== '' ? value : fail(field, 'is not a non-empty string')
  const number = (value: unknown, field: string): number =>
    Number.isInteger(value) ? (value as number) : fail(field, 'is not a whole number') // CAST: checked whole number
  const root = record(file, 'file')
  string(root.apiUrl, 'apiUrl')
  if (!Array.isArray(root.chains)) fail('chains', 'is not a list')
  ;(root.chains as unknown[]).forEach((value, index) => {
    const chain = record(value, `chains[${index}]`)
    const at = (key: string) => `chains[${index}].${key}`
    string(chain.name, at('name'))
    number(chain.domain, at('domain'))
    const endpoint = string(chain.endpoint, at('endpoint'))
    const apps = record(chain.apps ?? {}, at('apps'))
    // The apps the SDK's actions use: addresses of the chain's kind.
    for (const app of ['interchainAccountRouter', 'tokenBridge', 'htlc']) {
      const address = apps[app]
      if (address !== undefined) string(address, at(`apps.${app}`))
      if (
        chain.kind === 'evm' &&
        address !== undefined &&
        !/^0x[0-9a-fA-F]{40}$/.test(String(address))
      )
        fail(at(`apps.${app}`), 'is not a 0x address')
    }
    if (chain.kind === 'evm') {
      number(chain.chainId, at('chainId'))
      string(chain.rpcUrl, at('rpcUrl'))
      if (!/^0x[0-9a-fA-F]{40}$/.test(endpoint)) fail(at('endpoint'), 'is not a 0x address')
    } else if (chain.kind === 'cosmwasm') {
      string(chain.bech32Prefix, at('bech32Prefix'))
      if (chain.embedded !== true) string(chain.rpcUrl, at('rpcUrl'))
    } else fail(at('kind'), 'is neither "evm" nor "cosmwasm"')
  })
  if (!Array.isArray(root.validators)) fail('validators', 'is not a list')
  ;(root.validators as unknown[]).forEach((value, index) => {
    const validator = record(value, `validators[${index}]`)
    number(validator.origin, `validators[${index}].origin`)
    string(validator.url, `validators[${index}].url`)
  })
  // CAST: every field the SDK reads was checked above.
  return root as DevnetFile
}

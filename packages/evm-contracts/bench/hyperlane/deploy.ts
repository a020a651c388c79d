/**
 * Deploys two Hyperlane "chains" side by side on one EVM chain (origin domain 31337, destination
 * domain 31338), wired the way Hyperlane's core deployer wires a chain:
 *
 * - Mailbox and InterchainGasPaymaster are implementations behind OpenZeppelin 4.x
 *   TransparentUpgradeableProxy instances owned by a ProxyAdmin (unless `proxies: false`);
 *   MerkleTreeHook, StorageGasOracle, ISMs and the recipient are plain contracts, as in production.
 * - Origin Mailbox: requiredHook = MerkleTreeHook (every message goes into the tree validators
 *   checkpoint), defaultHook = IGP, which charges `(50_000 default gas limit + destination overhead)
 *   × gas price × exchange rate` per message using a StorageGasOracle entry for the destination.
 * - Destination Mailbox: default ISM = a StaticMerkleRootMultisigIsm (MetaProxy clone created by
 *   StaticMerkleRootMultisigIsmFactory); the bench swaps it per validator-set size.
 * - Recipient: Hyperlane's TestRecipient on the destination side (stores last sender and body).
 */

import type { Address, LocalAccount } from 'viem'
import { isAddressEqual, keccak256, toHex } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import type { HyperlaneContractName } from './artifacts.ts'
import type { Chain } from './chain.ts'
import { deploy, read, send } from './chain.ts'

export const ORIGIN_DOMAIN = 31337
export const DESTINATION_DOMAIN = 31338
/** StorageGasOracle entry for the destination: 1:1 native exchange rate (1e10 is the IGP's scale) at 1 gwei. */
export const GAS_ORACLE = { tokenExchangeRate: 10_000_000_000n, gasPrice: 1_000_000_000n } as const
/** IGP destination overhead added to the 50k default gas limit (a typical multisig-ISM overhead). */
export const DESTINATION_GAS_OVERHEAD = 150_000n

export type HyperlaneDeployment = {
  readonly originMailbox: Address
  readonly merkleTreeHook: Address
  readonly igp: Address
  readonly gasOracle: Address
  readonly destinationMailbox: Address
  readonly ismFactory: Address
  readonly recipient: Address
}

/**
 * Deploys `implementation` behind a TransparentUpgradeableProxy (admin = `proxyAdmin`), or returns
 * the implementation itself when `proxyAdmin` is undefined. Initialization happens later through
 * the returned address, as Hyperlane's deployer does once the hooks exist.
 */
async function deployProxied(
  chain: Chain,
  name: HyperlaneContractName,
  args: readonly unknown[],
  proxyAdmin: Address | undefined,
): Promise<Address> {
  const implementation = await deploy(chain, name, args)
  if (proxyAdmin === undefined) return implementation
  return deploy(chain, 'TransparentUpgradeableProxy', [implementation, proxyAdmin, '0x'])
}

/** Deploys (or reuses, CREATE2 is deterministic) the MetaProxy merkle-root multisig ISM for a validator set. */
export async function deployMerkleRootMultisigIsm(
  chain: Chain,
  factory: Address,
  validators: readonly Address[],
  threshold: number,
): Promise<Address> {
  const args = [validators, threshold] as const
  await send(chain, {
    contract: 'StaticMerkleRootMultisigIsmFactory',
    address: factory,
    functionName: 'deploy',
    args,
  })
  const ism = await read(chain, 'StaticMerkleRootMultisigIsmFactory', factory, 'getAddress', args)
  if (typeof ism !== 'string') throw new Error('hyperlane bench: factory returned no ISM address')
  // Cross-check the clone really holds the intended set (MetaProxy appends it to the bytecode).
  const stored = await read(
    chain,
    'StaticMerkleRootMultisigIsm',
    ism as Address,
    'validatorsAndThreshold',
    ['0x'],
  )
  const [storedValidators, storedThreshold] = stored as readonly [readonly Address[], number]
  if (storedThreshold !== threshold || storedValidators.length !== validators.length) {
    throw new Error('hyperlane bench: multisig ISM does not hold the requested validator set')
  }
  return ism as Address
}

/** Deterministic validator keys: keccak256("ferry-bench/hyperlane/validator/<i>"). */
export function validatorAccounts(count: number): LocalAccount[] {
  return Array.from({ length: count }, (_, i) =>
    privateKeyToAccount(keccak256(toHex(`ferry-bench/hyperlane/validator/${i}`))),
  )
}

/**
 * Makes a merkle-root multisig ISM of `validators` (n of n) the destination Mailbox's default,
 * as every Hyperlane bench that delivers does; returns the ISM.
 */
export async function useMultisigIsm(
  chain: Chain,
  hyperlane: HyperlaneDeployment,
  validators: readonly LocalAccount[],
): Promise<Address> {
  const ism = await deployMerkleRootMultisigIsm(
    chain,
    hyperlane.ismFactory,
    validators.map((v) => v.address),
    validators.length,
  )
  await send(chain, {
    contract: 'Mailbox',
    address: hyperlane.destinationMailbox,
    functionName: 'setDefaultIsm',
    args: [ism],
  })
  return ism
}

export async function deployHyperlane(
  chain: Chain,
  options: { readonly proxies: boolean; readonly originValidator: LocalAccount },
): Promise<HyperlaneDeployment> {
  const owner = chain.deployer.account.address
  const proxyAdmin = options.proxies ? await deploy(chain, 'ProxyAdmin') : undefined

  // ISMs come from the factory on both sides; the origin one only has to exist (nothing is
  // delivered to the origin in this bench).
  const ismFactory = await deploy(chain, 'StaticMerkleRootMultisigIsmFactory')
  const placeholderIsm = await deployMerkleRootMultisigIsm(
    chain,
    ismFactory,
    [options.originValidator.address],
    1,
  )

  // Origin side.
  const originMailbox = await deployProxied(chain, 'Mailbox', [ORIGIN_DOMAIN], proxyAdmin)
  const merkleTreeHook = await deploy(chain, 'MerkleTreeHook', [originMailbox])
  const igp = await deployProxied(chain, 'InterchainGasPaymaster', [], proxyAdmin)
  await send(chain, {
    contract: 'InterchainGasPaymaster',
    address: igp,
    functionName: 'initialize',
    args: [owner, owner],
  })
  const gasOracle = await deploy(chain, 'StorageGasOracle')
  await send(chain, {
    contract: 'StorageGasOracle',
    address: gasOracle,
    functionName: 'setRemoteGasData',
    args: [{ remoteDomain: DESTINATION_DOMAIN, ...GAS_ORACLE }],
  })
  await send(chain, {
    contract: 'InterchainGasPaymaster',
    address: igp,
    functionName: 'setDestinationGasConfigs',
    args: [
      [
        {
          remoteDomain: DESTINATION_DOMAIN,
          config: { gasOracle, gasOverhead: DESTINATION_GAS_OVERHEAD },
        },
      ],
    ],
  })
  await send(chain, {
    contract: 'Mailbox',
    address: originMailbox,
    functionName: 'initialize',
    // (owner, defaultIsm, defaultHook, requiredHook)
    args: [owner, placeholderIsm, igp, merkleTreeHook],
  })

  // Destination side: its hooks are never exercised, but Mailbox.initialize insists on contracts.
  const destinationMailbox = await deployProxied(chain, 'Mailbox', [DESTINATION_DOMAIN], proxyAdmin)
  const destinationMerkleHook = await deploy(chain, 'MerkleTreeHook', [destinationMailbox])
  await send(chain, {
    contract: 'Mailbox',
    address: destinationMailbox,
    functionName: 'initialize',
    args: [owner, placeholderIsm, destinationMerkleHook, destinationMerkleHook],
  })
  const recipient = await deploy(chain, 'TestRecipient')

  // The initialize calldata went through the proxy: make sure it reached the implementation.
  const requiredHook = (await read(chain, 'Mailbox', originMailbox, 'requiredHook')) as Address
  const defaultHook = (await read(chain, 'Mailbox', originMailbox, 'defaultHook')) as Address
  if (!isAddressEqual(requiredHook, merkleTreeHook) || !isAddressEqual(defaultHook, igp)) {
    throw new Error('hyperlane bench: origin Mailbox hooks are not configured as intended')
  }
  return {
    originMailbox,
    merkleTreeHook,
    igp,
    gasOracle,
    destinationMailbox,
    ismFactory,
    recipient,
  }
}

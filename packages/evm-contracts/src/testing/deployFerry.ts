import { evmAddressToBytes32 } from '@ferry/protocol'
import { type Address, type Hex, size } from 'viem'
import { endpointAbi, endpointBytecode } from '../generated/endpoint.js'
import { multisigVerifierAbi, multisigVerifierBytecode } from '../generated/multisigVerifier.js'
import { accountOf, deploy, type FerryChainClients, write } from './internal/transactions.js'

export type { FerryChainClients } from './internal/transactions.js'
export { DeploymentFailedError, SetupRevertedError } from './internal/transactions.js'

export type FerryDeployment = { domain: number; endpoint: Address; verifier: Address }

/**
 * Deploys an `Endpoint` for `domain` and a `MultisigVerifier`, both owned by the wallet's
 * account, which also becomes fee manager and fee collector. Connect deployments with
 * {@link connectEndpoints}.
 *
 * @example
 * const ferry = await deployFerry({ client, wallet }, { domain: 31337 })
 */
export async function deployFerry(
  { client, wallet }: FerryChainClients,
  { domain }: { domain: number },
): Promise<FerryDeployment> {
  const owner = accountOf(wallet)
  const endpoint = await deploy({ client, wallet }, 'Endpoint', () =>
    wallet.deployContract({
      abi: endpointAbi,
      bytecode: endpointBytecode,
      args: [domain, owner.address],
      account: owner,
      chain: wallet.chain,
    }),
  )
  const verifier = await deploy({ client, wallet }, 'MultisigVerifier', () =>
    wallet.deployContract({
      abi: multisigVerifierAbi,
      bytecode: multisigVerifierBytecode,
      args: [owner.address],
      account: owner,
      chain: wallet.chain,
    }),
  )
  for (const functionName of ['setFeeManager', 'setFeeCollector'] as const) {
    await write({ client, wallet }, () =>
      wallet.writeContract({
        address: endpoint,
        abi: endpointAbi,
        functionName,
        args: [owner.address],
        account: owner,
        chain: wallet.chain,
      }),
    )
  }
  return { domain, endpoint, verifier }
}

/**
 * Default `maxGasLimit` of {@link connectEndpoints}: a handler limit whose delivery (the limit,
 * the 1/63 a call keeps back, the proof, the calldata of a 64 KiB body) fits the 2^24 gas a
 * transaction may use under EIP-7825, so that every message `send` accepts can be delivered.
 */
const DEFAULT_MAX_GAS_LIMIT = 15_000_000

export type ConnectEndpointsParameters = {
  /** The deployment that will accept messages from `remote`. */
  local: FerryDeployment
  /**
   * The remote origin: its endpoint as an EVM address, or as bytes32 for any chain's endpoint
   * (`bech32ToBytes32` for a CosmWasm one).
   */
  remote: { domain: number; endpoint: Hex }
  /** The remote origin's validators (any order) and how many must sign. */
  validators: readonly Address[]
  threshold: number
  /**
   * Fee parameters for messages from `local` to `remote` and for acks back to `local` (defaults:
   * 1 gwei, 1:1, no base fee, handler gas limits up to {@link DEFAULT_MAX_GAS_LIMIT}).
   */
  fee?: {
    gasPrice?: bigint
    rate?: bigint
    baseFee?: bigint
    gasOverhead?: number
    gasPerByte?: number
    /** Largest `gasLimit` (`ackGasLimit` for acks back to `local`) that `send` accepts. */
    maxGasLimit?: number
  }
}

/**
 * Makes `local` accept messages from `remote` (its verifier trusts `validators` for the remote
 * endpoint, and is the default verifier for that origin) and send to it (a fee configuration
 * for the remote domain, and one for its own domain, which quotes acks coming back). Throws
 * `SetupRevertedError` when one of these transactions reverts.
 *
 * @example
 * await connectEndpoints(chainA, { local: a, remote: b, validators, threshold: 2 })
 */
export async function connectEndpoints(
  chain: FerryChainClients,
  { local, remote, validators, threshold, fee = {} }: ConnectEndpointsParameters,
): Promise<void> {
  const { wallet } = chain
  const account = accountOf(wallet)
  const sorted = [...validators].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1))
  const originEndpoint =
    size(remote.endpoint) === 20 ? evmAddressToBytes32(remote.endpoint) : remote.endpoint
  const feeConfig = {
    gasPrice: fee.gasPrice ?? 1_000_000_000n,
    rate: fee.rate ?? 10n ** 18n,
    baseFee: fee.baseFee ?? 0n,
    gasOverhead: fee.gasOverhead ?? 100_000,
    gasPerByte: fee.gasPerByte ?? 16,
    maxGasLimit: fee.maxGasLimit ?? DEFAULT_MAX_GAS_LIMIT,
  }
  const calls = [
    () =>
      wallet.writeContract({
        address: local.verifier,
        abi: multisigVerifierAbi,
        functionName: 'setOrigin',
        args: [remote.domain, originEndpoint, sorted, threshold],
        account,
        chain: wallet.chain,
      }),
    () =>
      wallet.writeContract({
        address: local.endpoint,
        abi: endpointAbi,
        functionName: 'setDefaultVerifier',
        args: [remote.domain, local.verifier],
        account,
        chain: wallet.chain,
      }),
    ...[remote.domain, local.domain].map(
      (domain) => () =>
        wallet.writeContract({
          address: local.endpoint,
          abi: endpointAbi,
          functionName: 'setFeeConfig',
          args: [domain, feeConfig],
          account,
          chain: wallet.chain,
        }),
    ),
  ]
  for (const call of calls) await write(chain, call)
}

import { connectOrigin, setFeeConfigs } from '@ferry/cosmwasm-bindings/testing'
import { endpointAbi, multisigVerifierAbi } from '@ferry/evm-contracts'
import { connectEndpoints } from '@ferry/evm-contracts/testing'
import { bech32ToBytes32, evmAddressToBytes32 } from '@ferry/protocol'
import type { Hex } from 'viem'
import { privateKeyToAddress } from 'viem/accounts'
import { DEVNET_COSMWASM_OWNER, devnetValidatorKey } from './devnetAccounts.js'
import type { CosmWasmDevnetChain } from './startCosmWasmDevnetChain.js'
import type { EvmDevnetChain } from './startEvmDevnetChain.js'

export type DevnetChain = EvmDevnetChain | CosmWasmDevnetChain

/** Each origin's one validator signs alone: threshold 1. */
const THRESHOLD = 1
const EVM_FEES = {
  gasPrice: 1_000_000_000n,
  rate: 10n ** 18n,
  baseFee: 0n,
  gasOverhead: 100_000,
  gasPerByte: 16,
  // What a delivery transaction can give one handler under EIP-7825's 2^24 (PROTOCOL §4).
  maxGasLimit: 15_000_000,
}
const COSMWASM_FEES = {
  baseFee: 1_000n,
  gasPrice: 1n,
  rate: 10n ** 18n,
  gasOverhead: 50_000,
  gasPerByte: 16,
  maxGasLimit: 15_000_000,
}

/** The chain's endpoint as bytes32 (PROTOCOL §2). */
export const endpointBytes32 = (chain: DevnetChain): Hex =>
  chain.kind === 'evm' ? evmAddressToBytes32(chain.endpoint) : bech32ToBytes32(chain.endpoint)

/**
 * Connects every devnet chain to every other, both ways: each endpoint trusts the other's
 * validator (threshold 1) through its verifier, and quotes fees to it and back (for acks).
 *
 * @example
 * await connectDevnetChains([evmA, evmB, wasm])
 */
export async function connectDevnetChains(chains: readonly DevnetChain[]): Promise<void> {
  for (const local of chains) {
    const remotes = chains.filter((chain) => chain !== local)
    if (local.kind === 'cosmwasm') {
      await setFeeConfigs(local.executor, {
        endpoint: local.endpoint,
        feeManager: DEVNET_COSMWASM_OWNER,
        domains: [local.domain, ...remotes.map((remote) => remote.domain)],
        config: COSMWASM_FEES,
      })
      for (const remote of remotes)
        await connectOrigin(local.executor, {
          endpoint: local.endpoint,
          owner: DEVNET_COSMWASM_OWNER,
          origin: remote.domain,
          originEndpoint: endpointBytes32(remote),
          validators: [privateKeyToAddress(devnetValidatorKey(remote.domain))],
          threshold: THRESHOLD,
        })
      continue
    }
    for (const remote of remotes) {
      const validators = [privateKeyToAddress(devnetValidatorKey(remote.domain))]
      if (remote.kind === 'evm') {
        await connectEndpoints(local, { local, remote, validators, threshold: THRESHOLD })
        continue
      }
      await connectEvmToCosmWasm(local, remote.domain, endpointBytes32(remote), validators)
    }
  }
}

/** An EVM endpoint's side of a CosmWasm origin (`connectEndpoints` takes only EVM remotes). */
async function connectEvmToCosmWasm(
  local: EvmDevnetChain,
  domain: number,
  endpoint: Hex,
  validators: Hex[],
) {
  const { wallet, client } = local
  const account = wallet.account
  if (!account) throw new Error('devnet: the deployer wallet has no account')
  const writes = [
    () =>
      wallet.writeContract({
        address: local.verifier,
        abi: multisigVerifierAbi,
        functionName: 'setOrigin',
        args: [domain, endpoint, validators, THRESHOLD],
        account,
        chain: wallet.chain,
      }),
    () =>
      wallet.writeContract({
        address: local.endpoint,
        abi: endpointAbi,
        functionName: 'setDefaultVerifier',
        args: [domain, local.verifier],
        account,
        chain: wallet.chain,
      }),
    ...[domain, local.domain].map(
      (feeDomain) => () =>
        wallet.writeContract({
          address: local.endpoint,
          abi: endpointAbi,
          functionName: 'setFeeConfig',
          args: [feeDomain, EVM_FEES],
          account,
          chain: wallet.chain,
        }),
    ),
  ]
  for (const write of writes) {
    const receipt = await client.waitForTransactionReceipt({ hash: await write() })
    if (receipt.status !== 'success')
      throw new Error(`devnet: connecting ${local.name} to domain ${domain} reverted`)
  }
}

// The token bridges on the two endpoints of `deployWorld`: a CollateralTokenBridge on A locking
// an 18-decimal ERC-20, and a SyntheticTokenBridge on B issuing a 6-decimal token (as a
// CosmWasm chain's native denom has), peered.
import { evmAddressToBytes32 } from '@ferry/protocol'
import type { ContractReturnType } from '@nomicfoundation/hardhat-viem/types'
import { DOMAIN_A, DOMAIN_B, deployWorld, type World } from './world.ts'

export type TokenWorld = World & {
  token: ContractReturnType<'OzTestToken'>
  lockBridge: ContractReturnType<'CollateralTokenBridge'>
  mintBridge: ContractReturnType<'SyntheticTokenBridge'>
  bridged: ContractReturnType<'BridgedToken'>
}

export const GAS_LIMIT = 200_000
/** Outbound and inbound limits of the A side, in 18-decimal units. */
export const A_CAPACITY = 1_000n * 10n ** 18n
export const A_REFILL = 10n ** 18n
/** The B side's, in 6-decimal units. */
export const B_CAPACITY = 1_000n * 10n ** 6n
export const B_REFILL = 10n ** 6n

export async function deployTokenWorld(): Promise<TokenWorld> {
  const world = await deployWorld()
  const owner = world.owner.account.address
  const token = await world.viem.deployContract('OzTestToken')
  const lockBridge = await world.viem.deployContract('CollateralTokenBridge', [
    world.a.endpoint.address,
    owner,
    token.address,
  ])
  const mintBridge = await world.viem.deployContract('SyntheticTokenBridge', [
    world.b.endpoint.address,
    owner,
    'Bridged Test Token',
    'bTT',
    6,
  ])
  const bridged = await world.viem.getContractAt('BridgedToken', await mintBridge.read.token())
  await world.mined(
    lockBridge.write.setRoute([
      DOMAIN_B,
      { enabled: true, remoteDecimals: 6, gasLimit: GAS_LIMIT },
      A_CAPACITY,
      A_REFILL,
      A_CAPACITY,
      A_REFILL,
    ]),
  )
  await world.mined(
    mintBridge.write.setRoute([
      DOMAIN_A,
      { enabled: true, remoteDecimals: 18, gasLimit: GAS_LIMIT },
      B_CAPACITY,
      B_REFILL,
      B_CAPACITY,
      B_REFILL,
    ]),
  )
  await world.mined(lockBridge.write.setPeer([DOMAIN_B, evmAddressToBytes32(mintBridge.address)]))
  await world.mined(mintBridge.write.setPeer([DOMAIN_A, evmAddressToBytes32(lockBridge.address)]))
  return { ...world, token, lockBridge, mintBridge, bridged }
}

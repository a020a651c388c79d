// The HTLCs on the two endpoints of `deployWorld`, peered, and an ERC-20; plus locking helpers
// and the events of a receipt. Ids and bodies are checked against @ferry/protocol, which
// reproduces spec/apps/htlc.json.
import { evmAddressToBytes32, getHtlcHashlock, getHtlcLockId } from '@ferry/protocol'
import type { ContractReturnType } from '@nomicfoundation/hardhat-viem/types'
import {
  type Address,
  type ContractEventName,
  type GetEventArgs,
  getAddress,
  type Hex,
  keccak256,
  parseEventLogs,
  type TransactionReceipt,
  toHex,
  zeroAddress,
} from 'viem'
import { expect } from 'vitest'
import { DOMAIN_A, DOMAIN_B, deployWorld, now, type World } from './world.ts'

export type Htlc = ContractReturnType<'HashedTimelock'>
export type HtlcWorld = World & {
  /** The HTLC on A and its peer on B. */
  htlcA: Htlc
  htlcB: Htlc
  token: ContractReturnType<'OzTestToken'>
}

/** Handler gas of a claim message on an EVM peer. */
export const CLAIM_GAS_LIMIT = 150_000
/** Lock states (HTLC §6). */
export const State = { None: 0, Open: 1, Claimed: 2, Refunded: 3 } as const

/** A preimage, different for every salt, and its hashlock. */
export function secret(salt = 'swap'): { preimage: Hex; hashlock: Hex } {
  const preimage = keccak256(toHex(`htlc/${salt}`))
  return { preimage, hashlock: getHtlcHashlock(preimage) }
}

export async function deployHtlcWorld(): Promise<HtlcWorld> {
  const world = await deployWorld()
  const owner = world.owner.account.address
  const htlcA = await world.viem.deployContract('HashedTimelock', [world.a.endpoint.address, owner])
  const htlcB = await world.viem.deployContract('HashedTimelock', [world.b.endpoint.address, owner])
  await world.mined(htlcA.write.setPeer([DOMAIN_B, evmAddressToBytes32(htlcB.address)]))
  await world.mined(htlcB.write.setPeer([DOMAIN_A, evmAddressToBytes32(htlcA.address)]))
  const token = await world.viem.deployContract('OzTestToken')
  return { ...world, htlcA, htlcB, token }
}

export type LockTerms = {
  htlc: Htlc
  from: World['alice']
  recipient: Address
  hashlock: Hex
  /** Seconds from the latest block. */
  expiresIn?: bigint
  token?: Address
  amount?: bigint
  /** Prepay sending the preimage to this lock on the peer (on the other domain). */
  relay?: { domain: number; peerLockId: Hex; fee: bigint; gasLimit?: number }
}

/**
 * Locks from `from`, checks the id against the spec's derivation and the Locked event, and returns
 * the id, the timelock and the receipt.
 */
export async function lock(world: World, terms: LockTerms) {
  const { htlc, from, recipient, hashlock, expiresIn = 3_600n, relay } = terms
  const token = terms.token ?? zeroAddress
  const amount = terms.amount ?? 10n ** 18n
  const timelock = (await now(world)) + expiresIn
  const nonce = await htlc.read.nonceOf([from.account.address])
  const native = token === zeroAddress ? amount : 0n
  const receipt = await world.mined(
    relay
      ? htlc.write.lockWithRelay(
          [
            recipient,
            hashlock,
            timelock,
            token,
            amount,
            {
              domain: relay.domain,
              gasLimit: relay.gasLimit ?? CLAIM_GAS_LIMIT,
              peerLockId: relay.peerLockId,
            },
          ],
          { value: native + relay.fee, account: from.account },
        )
      : htlc.write.lock([recipient, hashlock, timelock, token, amount], {
          value: native,
          account: from.account,
        }),
  )
  const id = getHtlcLockId({
    domain: await htlc.read.localDomain(),
    htlc: evmAddressToBytes32(htlc.address),
    locker: evmAddressToBytes32(from.account.address),
    recipient: evmAddressToBytes32(recipient),
    hashlock,
    timelock,
    token: evmAddressToBytes32(token),
    amount,
    nonce,
  })
  const [locked] = htlcEvents(receipt, htlc, 'Locked')
  expect(locked).toEqual({
    id,
    hashlock,
    recipient: getAddress(recipient),
    locker: getAddress(from.account.address),
    token: getAddress(token),
    amount,
    timelock,
    nonce,
  })
  return { id, timelock, amount, receipt }
}

type HtlcAbi = Htlc['abi']
/** Decoded arguments of each HTLC event, by name. */
type HtlcEvents = {
  [N in ContractEventName<HtlcAbi>]: GetEventArgs<
    HtlcAbi,
    N,
    { EnableUnion: false; IndexedOnly: false; Required: true }
  >
}

/** Events of `eventName` that `htlc` emitted in a transaction. */
export function htlcEvents<N extends keyof HtlcEvents>(
  receipt: TransactionReceipt,
  htlc: Htlc,
  eventName: N,
): HtlcEvents[N][] {
  const logs = parseEventLogs({
    abi: htlc.abi,
    logs: receipt.logs.filter((log) => log.address.toLowerCase() === htlc.address.toLowerCase()),
    eventName,
  })
  // CAST: parseEventLogs keeps only `eventName` logs, whose args have exactly this shape.
  return logs.map((log) => log.args as HtlcEvents[N])
}

/** Sets the timestamp of the next block (the next transaction runs at it). */
export async function nextBlockAt(world: World, timestamp: bigint): Promise<void> {
  await world.testClient.setNextBlockTimestamp({ timestamp })
}

// The interchain-account routers on the two endpoints of `deployWorld`: a factory and a router
// per side (each factory naming its side's router), the routers peered, a RemoteCallTarget on
// B; plus the body and result codecs of spec/apps/interchain-accounts.md, written from the spec
// with viem so that the tests check the contracts against it.
import { evmAddressToBytes32 } from '@ferry/protocol'
import type { ContractReturnType } from '@nomicfoundation/hardhat-viem/types'
import {
  type Address,
  concatHex,
  decodeAbiParameters,
  encodeAbiParameters,
  type Hex,
  size,
  type TransactionReceipt,
  toHex,
} from 'viem'
import { DOMAIN_A, DOMAIN_B, deployWorld, type Side, sentIn, type World } from './world.ts'

export type Router = ContractReturnType<'InterchainAccountRouter'>
export type Factory = ContractReturnType<'InterchainAccountFactory'>
export type Target = ContractReturnType<'RemoteCallTarget'>

export type IcaWorld = World & {
  routerA: Router
  routerB: Router
  factoryA: Factory
  factoryB: Factory
  /** A RemoteCallTarget "on B". */
  target: Target
}

export const KIND_CALL = 1
export const KIND_READ = 2
/** Handler gas of a batch: enough to deploy the account on first use. */
export const GAS_LIMIT = 400_000
/** Ack gas: enough for a callback that stores a few results. */
export const ACK_GAS_LIMIT = 300_000

/** One call of a batch, as the router's ABI takes it. */
export type RemoteCall = { target: Hex; value: bigint; data: Hex }

/** A call to `address` with `data` (and `value` from the account's balance). */
export function call(address: Address, data: Hex, value = 0n): RemoteCall {
  return { target: evmAddressToBytes32(address), value, data }
}

const CALLS = [
  {
    type: 'tuple[]',
    components: [
      { name: 'target', type: 'bytes32' },
      { name: 'value', type: 'uint256' },
      { name: 'data', type: 'bytes' },
    ],
  },
] as const

/** The EVM payload: `abi.encode(Call[])`. */
export function encodeCalls(calls: readonly RemoteCall[]): Hex {
  return encodeAbiParameters(CALLS, [calls])
}

/** A message body: `version u8 | kind u8 | owner b32 | payload`. */
export function encodeBody(kind: number, owner: Address | Hex, payload: Hex, version = 1): Hex {
  const owner32 = size(owner) === 32 ? owner : evmAddressToBytes32(owner)
  return concatHex([toHex(version, { size: 1 }), toHex(kind, { size: 1 }), owner32, payload])
}

/** A batch's result: `abi.encode(bytes[] results)`. */
export function decodeResults(result: Hex): readonly Hex[] {
  return decodeAbiParameters([{ type: 'bytes[]' }], result)[0]
}

/** `abi.encode(bytes[] results)`. */
export function encodeResults(results: readonly Hex[]): Hex {
  return encodeAbiParameters([{ type: 'bytes[]' }], [results])
}

/** Deploys `deployWorld` and an interchain-account router pair on it. */
export async function deployIcaWorld(): Promise<IcaWorld> {
  const world = await deployWorld()
  const owner = world.owner.account.address
  const side = async (s: Side) => {
    const factory = await world.viem.deployContract('InterchainAccountFactory', [owner])
    const router = await world.viem.deployContract('InterchainAccountRouter', [
      s.endpoint.address,
      factory.address,
      owner,
    ])
    await world.mined(factory.write.setRouter([router.address]))
    return { factory, router }
  }
  const a = await side(world.a)
  const b = await side(world.b)
  await world.mined(a.router.write.setPeer([DOMAIN_B, evmAddressToBytes32(b.router.address)]))
  await world.mined(b.router.write.setPeer([DOMAIN_A, evmAddressToBytes32(a.router.address)]))
  const target = await world.viem.deployContract('RemoteCallTarget')
  return {
    ...world,
    routerA: a.router,
    routerB: b.router,
    factoryA: a.factory,
    factoryB: b.factory,
    target,
  }
}

export type SendBatchOptions = {
  kind?: 'call' | 'read'
  gasLimit?: number
  ackGasLimit?: number
  deadline?: bigint
  /** Paid on top of the quote (refunded). */
  overpay?: bigint
}

/**
 * Has `from` send `calls` through `router` (on `origin`) to `destination`, paying the router's
 * quote; returns the receipt, the endpoint's MessageSent and the fee.
 */
export async function sendBatch(
  world: World,
  router: Router,
  origin: Side,
  from: World['alice'],
  destination: number,
  calls: readonly RemoteCall[],
  {
    kind = 'call',
    gasLimit = GAS_LIMIT,
    ackGasLimit = 0,
    deadline = 0n,
    overpay = 0n,
  }: SendBatchOptions = {},
): Promise<{ receipt: TransactionReceipt; sent: ReturnType<typeof sentIn>; fee: bigint }> {
  const fee = await router.read.quoteCallRemote([destination, calls, gasLimit, ackGasLimit])
  const args = [destination, calls, gasLimit, ackGasLimit, deadline] as const
  const options = { value: fee + overpay, account: from.account }
  const receipt = await world.mined(
    kind === 'call'
      ? router.write.callRemote(args, options)
      : router.write.readRemote(args, options),
  )
  return { receipt, sent: sentIn(receipt, origin), fee }
}

// The ERC-7786 gateways on the two endpoints of `deployWorld`: a FerryGateway per side, peered,
// each mapping domain D to the ERC-7930 chain eip155:D (both endpoints share one EDR chain, so
// the domains, not block.chainid, name the chains); plus the gateway body, written
// from spec/apps/erc7786-gateway.md with viem so that the tests check the contract against it.
import {
  decodeInteropAddress,
  encodeInteropAddress,
  evmAddressToBytes32,
  evmChainInterop,
} from '@ferry/protocol'
import type { ContractReturnType } from '@nomicfoundation/hardhat-viem/types'
import {
  type Address,
  concatHex,
  encodeAbiParameters,
  type Hex,
  keccak256,
  parseEventLogs,
  size,
  slice,
  type TransactionReceipt,
  toHex,
} from 'viem'
import { DOMAIN_A, DOMAIN_B, deployWorld, type Side, sentIn, type World } from './world.ts'

export type Gateway = ContractReturnType<'FerryGateway'>
export type GatewayWorld = World & { gatewayA: Gateway; gatewayB: Gateway }

/** Gas a recipient gets without a `minGasLimit` attribute, in these tests. */
export const DEFAULT_GAS_LIMIT = 200_000

/** Attribute selectors: the first 4 bytes of keccak256 of their signature. */
export const MIN_GAS_LIMIT = slice(keccak256(toHex('minGasLimit(uint256)')), 0, 4)
export const ACK_GAS_LIMIT = slice(keccak256(toHex('ackGasLimit(uint256)')), 0, 4)
export const DELIVER_BEFORE = slice(keccak256(toHex('deliverBefore(uint256)')), 0, 4)

/** An attribute: its selector and one ABI word. */
export function attribute(selector: Hex, value: bigint | number): Hex {
  return concatHex([selector, encodeAbiParameters([{ type: 'uint256' }], [BigInt(value)])])
}

/** The ERC-7930 address of an EVM account on eip155:chainId (chain-only without `address`). */
export function evmInterop(chainId: number | bigint, address?: Address): Hex {
  const chain = evmChainInterop(chainId)
  return address ? encodeInteropAddress({ ...decodeInteropAddress(chain), address }) : chain
}

/** The gateway body: `version | gasLimit | ackGasLimit | deadline | sender | recipient | payload`. */
export function encodeGatewayBody(fields: {
  gasLimit: number
  ackGasLimit?: number
  deadline?: bigint
  sender: Address | Hex
  recipient: Address | Hex
  payload: Hex
}): Hex {
  const b32 = (x: Hex) => (size(x) === 32 ? x : evmAddressToBytes32(x))
  return concatHex([
    toHex(1, { size: 1 }),
    toHex(fields.gasLimit, { size: 4 }),
    toHex(fields.ackGasLimit ?? 0, { size: 4 }),
    toHex(fields.deadline ?? 0n, { size: 8 }),
    b32(fields.sender),
    b32(fields.recipient),
    fields.payload,
  ])
}

/** The Ferry gas limit of a message whose recipient gets `recipientGas` (spec §4). */
export function ferryGasLimit(recipientGas: number, payloadLength: number): number {
  return recipientGas + Math.floor(recipientGas / 63) + 1 + 30_000 + 2 * payloadLength
}

/** Deploys `deployWorld` and a gateway pair on it, chains eip155:<domain>. */
export async function deployGatewayWorld(): Promise<GatewayWorld> {
  const world = await deployWorld()
  const owner = world.owner.account.address
  const deploy = (s: Side) =>
    world.viem.deployContract('FerryGateway', [
      s.endpoint.address,
      owner,
      DEFAULT_GAS_LIMIT,
      BigInt(s.domain),
    ])
  const gatewayA = await deploy(world.a)
  const gatewayB = await deploy(world.b)
  for (const [local, remote, remoteDomain] of [
    [gatewayA, gatewayB, DOMAIN_B],
    [gatewayB, gatewayA, DOMAIN_A],
  ] as const) {
    await world.mined(local.write.setChain([remoteDomain, evmInterop(remoteDomain)]))
    await world.mined(local.write.setPeer([remoteDomain, evmAddressToBytes32(remote.address)]))
  }
  return { ...world, gatewayA, gatewayB }
}

/**
 * Pays, as `payer`, every message `gateway` parked in `receipt` (sendMessage without value),
 * with the arguments of its MessageSent event and exactly the quote; returns the Ferry messages.
 */
export async function payParked(
  world: World,
  gateway: Gateway,
  origin: Side,
  receipt: TransactionReceipt,
  payer: World['alice'] = world.relayer,
) {
  const parked = parseEventLogs({
    abi: gateway.abi,
    logs: receipt.logs.filter((l) => l.address.toLowerCase() === gateway.address.toLowerCase()),
    eventName: 'MessageSent',
  }).map((l) => l.args)
  const sent = []
  for (const { sendId, sender, recipient, payload, attributes } of parked) {
    const fee = await gateway.read.quoteMessage([recipient, payload, attributes])
    const paid = await world.mined(
      gateway.write.payPending(
        // CAST: an EVM sender's ERC-7930 address part is its 20 bytes.
        [sendId, decodeInteropAddress(sender).address as Address, recipient, payload, attributes],
        { value: fee, account: payer.account },
      ),
    )
    sent.push(sentIn(paid, origin))
  }
  return sent
}

/**
 * Gas of the ERC-7786 gateway against the endpoint used directly, with the same payload: a
 * contract sends it either straight through `Endpoint.send` (its body is the payload) or
 * through `FerryGateway.sendMessage`, and the destination delivers it either straight to a
 * recipient doing nothing (`NoopRecipient.handle`) or through the gateway to an ERC-7786
 * recipient doing nothing (`NoopERC7786Recipient.receiveMessage`). The differences of the mean
 * whole-transaction gas are the gateway's overhead each way.
 */
import {
  decodeInteropAddress,
  encodeInteropAddress,
  evmAddressToBytes32,
  evmChainInterop,
} from '@ferry/protocol'
import { type Hex, parseEventLogs } from 'viem'
import { endpointAbi, ferryGatewayAbi } from '../../dist/index.js'
import { connectGateways, deployGateway } from '../../dist/testing/index.js'
import {
  type Bench,
  type Cost,
  meanCost,
  originTree,
  prove,
  receiptGas,
  sign,
  trust,
  validatorKeys,
} from '../ferry/measureFerry.ts'
import { DESTINATION, ORIGIN, startFerryBench } from '../ferry/startFerryBench.ts'
import { bodyOf } from '../shared.ts'

/** Messages of each kind before the measured window (first channel writes, cold slots). */
export const WARMUP = 8
/** Messages of each kind measured (a window of 16 leaves, see the sends). */
export const MEASURED = 16
/** Validators signing each delivery's checkpoint (n of n). */
export const SIGNATURES = 3
/** The payload of every message. */
export const PAYLOAD_BYTES = 32

export type GatewayGas = {
  directSend: number
  gatewaySend: number
  directDeliver: number
  gatewayDeliver: number
}

export async function measureGateway(viem: Bench['viem']): Promise<GatewayGas> {
  const { bench, chain } = await startFerryBench(viem)
  const { client, deployer, relayer, origin, destination } = bench
  const keys = validatorKeys(SIGNATURES)
  await trust(bench, keys, keys.length)

  const gatewayA = await deployGateway(chain, { endpoint: origin.endpoint, localChainId: ORIGIN })
  const gatewayB = await deployGateway(chain, {
    endpoint: destination.endpoint,
    localChainId: DESTINATION,
  })
  await connectGateways(chain, {
    gateway: gatewayA,
    remote: { domain: DESTINATION, gateway: gatewayB },
  })
  await connectGateways(chain, { gateway: gatewayB, remote: { domain: ORIGIN, gateway: gatewayA } })
  const sender = await viem.deployContract('GatewayBenchSender')
  const noop = await viem.deployContract('NoopRecipient')
  const noop7786 = await viem.deployContract('NoopERC7786Recipient')
  const to = encodeInteropAddress({
    ...decodeInteropAddress(evmChainInterop(DESTINATION)),
    address: noop7786.address,
  })

  // The direct message asks for the gas limit the gateway gives its own (fees alike; gas used
  // does not depend on it).
  const gasLimit = Number(
    await client.readContract({
      address: gatewayA,
      abi: ferryGatewayAbi,
      functionName: 'ferryGasLimit',
      args: [200_000n, BigInt(PAYLOAD_BYTES)],
    }),
  )
  const directFee = await client.readContract({
    address: origin.endpoint,
    abi: endpointAbi,
    functionName: 'quote',
    args: [DESTINATION, BigInt(PAYLOAD_BYTES), gasLimit, 0],
  })
  const gatewayFee = await client.readContract({
    address: gatewayA,
    abi: ferryGatewayAbi,
    functionName: 'quoteMessage',
    args: [to, bodyOf(PAYLOAD_BYTES, 0), []],
  })

  /** The one endpoint message a send emitted. */
  const messageOf = (cost: Awaited<ReturnType<typeof receiptGas>>): Hex => {
    const [sent] = parseEventLogs({
      abi: endpointAbi,
      eventName: 'MessageSent',
      logs: cost.receipt.logs,
    })
    if (!sent) throw new Error('gateway bench: a send emitted no Ferry message')
    return sent.args.message
  }

  // Sends. A send's gas depends on its leaf index (the tree insert walks up the index's trailing
  // ones) and a delivery's on how many of its proof's siblings are not zero hashes. So after
  // interleaved warm-ups, each kind's measured window is 16 consecutive leaves at the same place
  // in a 64-leaf block filled by sends to a sink that is never delivered: direct at S..S+15,
  // gateway at S+32..S+47 (S a multiple of 64). Both windows then cost the same tree work and
  // their proofs list the same number of siblings.
  const sink = evmAddressToBytes32(relayer.account.address)
  const sinkFee = await client.readContract({
    address: origin.endpoint,
    abi: endpointAbi,
    functionName: 'quote',
    args: [DESTINATION, BigInt(PAYLOAD_BYTES), gasLimit, 0],
  })
  const count = async () =>
    client.readContract({ address: origin.endpoint, abi: endpointAbi, functionName: 'merkleCount' })
  const sinkUntil = async (multiple: number, offset: number) => {
    while ((await count()) % multiple !== offset) {
      await client.waitForTransactionReceipt({
        hash: await deployer.writeContract({
          address: origin.endpoint,
          abi: endpointAbi,
          functionName: 'send',
          args: [DESTINATION, sink, bodyOf(PAYLOAD_BYTES, bench.salt++), gasLimit, 0, 0n],
          value: sinkFee,
        }),
      })
    }
  }
  const sendDirect = async () =>
    receiptGas(
      bench,
      await sender.write.sendDirect(
        [
          origin.endpoint,
          DESTINATION,
          evmAddressToBytes32(noop.address),
          bodyOf(PAYLOAD_BYTES, bench.salt++),
          gasLimit,
        ],
        { value: directFee },
      ),
      'sendDirect',
    )
  const sendViaGateway = async () =>
    receiptGas(
      bench,
      await sender.write.sendViaGateway([gatewayA, to, bodyOf(PAYLOAD_BYTES, bench.salt++)], {
        value: gatewayFee,
      }),
      'sendViaGateway',
    )
  const sends = { direct: [] as Cost[], gateway: [] as Cost[] }
  const messages = { direct: [] as Hex[], gateway: [] as Hex[] }
  for (let i = 0; i < WARMUP; i++) {
    messages.direct.push(messageOf(await sendDirect()))
    messages.gateway.push(messageOf(await sendViaGateway()))
  }
  await sinkUntil(64, 0)
  for (const [kind, send, next] of [
    ['direct', sendDirect, 32],
    ['gateway', sendViaGateway, 0],
  ] as const) {
    for (let i = 0; i < MEASURED; i++) {
      const cost = await send()
      messages[kind].push(messageOf(cost))
      sends[kind].push(cost)
    }
    await sinkUntil(64, next)
  }

  // Deliveries, interleaved likewise, each with its own proof of the latest checkpoint.
  const tree = await originTree(bench)
  const signatures = await sign(tree, keys)
  const proofs = {
    direct: prove(tree, messages.direct, signatures, 'every'),
    gateway: prove(tree, messages.gateway, signatures, 'every'),
  }
  const delivers = { direct: [] as Cost[], gateway: [] as Cost[] }
  for (let i = 0; i < WARMUP + MEASURED; i++) {
    for (const kind of ['direct', 'gateway'] as const) {
      const hash = await relayer.writeContract({
        address: destination.endpoint,
        abi: endpointAbi,
        functionName: 'deliver',
        args: [messages[kind][i] as Hex, proofs[kind][i] as Hex],
      })
      const cost = await receiptGas(bench, hash, `deliver ${kind}`)
      if (i >= WARMUP) delivers[kind].push(cost)
    }
  }
  return {
    directSend: meanCost(sends.direct).gas,
    gatewaySend: meanCost(sends.gateway).gas,
    directDeliver: meanCost(delivers.direct).gas,
    gatewayDeliver: meanCost(delivers.gateway).gas,
  }
}

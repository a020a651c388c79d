/**
 * Gas of Ferry's InterchainAccountRouter: `callRemote` with one call on the origin, `deliver` of
 * its message on the destination (the router runs the call through the owner's account). Two
 * endpoints deployed with the package's `/testing` helpers on one in-process chain; proofs and
 * signatures through the main bench's helpers (../ferry/measureFerry.ts).
 */
import { evmAddressToBytes32 } from '@ferry/protocol'
import type { HardhatViemHelpers } from '@nomicfoundation/hardhat-viem/types'
import { encodeFunctionData, type Hex, parseEventLogs } from 'viem'
import { endpointAbi } from '../../dist/index.js'
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
import { mean } from '../shared.ts'
import { FERRY_GAS_LIMIT, MEASURED, type RemoteCallGas, SIGNATURES, WARMUP } from './params.ts'

/** Measures with `ackGasLimit` (0: no ack, as Hyperlane's ICA has none). */
export async function measureFerryRemoteCalls(
  viem: Bench['viem'] & Pick<HardhatViemHelpers, 'deployContract'>,
  ackGasLimit: number,
): Promise<RemoteCallGas & { ackDeliver?: number }> {
  const { bench } = await startFerryBench(viem)
  const { client, relayer, origin, destination } = bench
  const owner = bench.deployer.account.address
  const keys = validatorKeys(SIGNATURES)
  await trust(bench, keys, keys.length)
  if (ackGasLimit > 0) {
    // Acks come back: the origin trusts the destination too (same keys).
    bench.origin = destination
    bench.destination = origin
    await trust(bench, keys, keys.length)
    bench.origin = origin
    bench.destination = destination
  }

  const side = async (endpoint: Hex) => {
    const factory = await viem.deployContract('InterchainAccountFactory', [owner])
    const router = await viem.deployContract('InterchainAccountRouter', [
      endpoint,
      factory.address,
      owner,
    ])
    await client.waitForTransactionReceipt({
      hash: await factory.write.setRouter([router.address]),
    })
    return router
  }
  const routerA = await side(origin.endpoint)
  const routerB = await side(destination.endpoint)
  for (const [router, domain, peer] of [
    [routerA, DESTINATION, routerB.address],
    [routerB, ORIGIN, routerA.address],
  ] as const) {
    await client.waitForTransactionReceipt({
      hash: await router.write.setPeer([domain, evmAddressToBytes32(peer)]),
    })
  }
  const target = await viem.deployContract('RemoteCallTarget')
  const calls = [
    {
      target: evmAddressToBytes32(target.address),
      value: 0n,
      data: encodeFunctionData({ abi: target.abi, functionName: 'increment', args: [1n] }),
    },
  ]

  // Sends: WARMUP, then MEASURED.
  const fee = await routerA.read.quoteCallRemote([DESTINATION, calls, FERRY_GAS_LIMIT, ackGasLimit])
  const sends: Cost[] = []
  const messages: Hex[] = []
  for (let i = 0; i < WARMUP + MEASURED; i++) {
    const hash = await routerA.write.callRemote(
      [DESTINATION, calls, FERRY_GAS_LIMIT, ackGasLimit, 0n],
      { value: fee },
    )
    const cost = await receiptGas(bench, hash, 'callRemote')
    const [sent] = parseEventLogs({
      abi: endpointAbi,
      eventName: 'MessageSent',
      logs: cost.receipt.logs,
    })
    if (!sent) throw new Error('remote-call bench: callRemote emitted no MessageSent')
    messages.push(sent.args.message)
    if (i >= WARMUP) sends.push(cost)
  }

  // Deliveries, in channel order, each with its own 3-signature proof of the latest checkpoint.
  const tree = await originTree(bench)
  const proofs = prove(tree, messages, await sign(tree, keys), 'every')
  const delivers: Cost[] = []
  const acks: Hex[] = []
  let firstDeliver = 0
  for (const [i, proof] of proofs.entries()) {
    const hash = await relayer.writeContract({
      address: destination.endpoint,
      abi: endpointAbi,
      functionName: 'deliver',
      args: [messages[i] as Hex, proof],
    })
    const cost = await receiptGas(bench, hash, 'deliver')
    if (i === 0) firstDeliver = Number(cost.gas)
    if (i >= WARMUP) delivers.push(cost)
    const [ack] = parseEventLogs({
      abi: endpointAbi,
      eventName: 'MessageSent',
      logs: cost.receipt.logs,
    })
    if ((ack !== undefined) !== ackGasLimit > 0)
      throw new Error('remote-call bench: an ack was sent exactly when asked for')
    if (ack) acks.push(ack.args.message)
    if ((await target.read.count()) !== BigInt(i + 1))
      throw new Error(`remote-call bench: delivery ${i} did not increment the counter`)
  }

  const result: RemoteCallGas & { ackDeliver?: number } = {
    callRemoteSend: meanCost(sends).gas,
    callRemoteDeliver: meanCost(delivers).gas,
    firstDeliver,
  }
  if (acks.length > 0) {
    // The acks back on the origin (an EOA owner: no callback), measured the same way.
    const back: Bench = { ...bench, origin: destination, destination: origin }
    // originTree names the main bench's origin domain in the checkpoint: the acks' is B.
    const built = await originTree(back)
    const ackTree = { ...built, checkpoint: { ...built.checkpoint, origin: DESTINATION } }
    const ackProofs = prove(ackTree, acks, await sign(ackTree, keys), 'every')
    const gas: bigint[] = []
    for (const [i, proof] of ackProofs.entries()) {
      const hash = await relayer.writeContract({
        address: origin.endpoint,
        abi: endpointAbi,
        functionName: 'deliver',
        args: [acks[i] as Hex, proof],
      })
      const cost = await receiptGas(back, hash, 'deliver ack')
      if (i >= WARMUP) gas.push(cost.gas)
    }
    result.ackDeliver = mean(gas)
  }
  return result
}

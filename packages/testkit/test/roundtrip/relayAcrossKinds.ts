// The test as relayer between an EVM and an embedded CosmWasm test chain, both ways: it reads
// what the origin sent (the EVM endpoint's `MessageSent` logs; the CosmWasm endpoint's
// `messageSent` events from the embedded chain's block log), checks it rebuilds the origin's
// latest checkpoint, signs that checkpoint with the given validator keys, and delivers every
// message for the other chain not delivered yet with its proof. The production relayer adds the
// rest (finality, fees, retries, batching by cost).
import {
  type DeliverReturnType,
  deliver,
  type EndpointEvent,
  latestCheckpoint,
  messageStatus,
  parseEndpointEvents,
} from '@ferry/cosmwasm-bindings'
import { endpointAbi } from '@ferry/evm-contracts'
import { getSentMessages } from '@ferry/evm-contracts/testing'
import {
  bech32ToBytes32,
  type Checkpoint,
  encodeProof,
  evmAddressToBytes32,
  getMessageId,
  MerkleTree,
  MessageStatus,
  signCheckpoint,
  sortSignaturesBySigner,
} from '@ferry/protocol'
import { type Hex, parseEventLogs, type TransactionReceipt } from 'viem'
import type { EvmTestChain } from '../../src/chains/deployEvmTestChain.js'
import type { CosmWasmTestChain } from '../../src/chains/startCosmWasmTestChain.js'
import { TEST_COSMWASM_ACCOUNTS } from '../../src/keys/testAccounts.js'

/** A message the CosmWasm endpoint sent, as its `messageSent` event reports it. */
export type CosmWasmSentMessage = Extract<EndpointEvent, { type: 'messageSent' }>

/** What a delivery did at the destination: the message, its status and the handler's result. */
export type RelayedMessage = { id: Hex; message: Hex; status: number; result: Hex }

/** Every message the CosmWasm chain's endpoint sent so far, in leaf order (embedded chains only). */
export function cosmWasmSentMessages(wasm: CosmWasmTestChain): CosmWasmSentMessage[] {
  if (wasm.node.type !== 'embedded')
    throw new Error(
      `${wasm.name} runs on wasmd: this relay reads the embedded chain's block log; use @ferry/relayer there`,
    )
  const { chain } = wasm.node
  return chain
    .getEvents({ fromHeight: 1, toHeight: chain.height, type: 'wasm-ferry_message_sent' })
    .flatMap(({ events }) => parseEndpointEvents(events, { contract: wasm.endpoint }))
    .filter((event): event is CosmWasmSentMessage => event.type === 'messageSent')
    .sort((a, b) => a.leafIndex - b.leafIndex)
}

/**
 * Delivers every EVM message for `wasm` not delivered yet, one transaction each, in leaf order;
 * each with its transaction (the endpoint's events typed, and every Cosmos event).
 */
export async function relayToCosmWasm(
  evm: EvmTestChain,
  wasm: CosmWasmTestChain,
  keys: readonly Hex[],
): Promise<(RelayedMessage & { delivery: DeliverReturnType })[]> {
  const sent = await getSentMessages(evm.client, { endpoint: evm.endpoint })
  const [root, index] = await evm.client.readContract({
    address: evm.endpoint,
    abi: endpointAbi,
    functionName: 'latestCheckpoint',
  })
  const prove = await prover(
    sent.map((message) => message.id),
    { origin: evm.domain, originEndpoint: evmAddressToBytes32(evm.endpoint), root, index },
    keys,
  )
  const relayed: (RelayedMessage & { delivery: DeliverReturnType })[] = []
  for (const { id, message, encoded, leafIndex } of sent) {
    if (message.destination !== wasm.domain) continue
    const status = await messageStatus(wasm.executor, { contract: wasm.endpoint, message: encoded })
    if (status !== MessageStatus.None) continue
    const delivery = await deliver(wasm.executor, {
      contract: wasm.endpoint,
      sender: TEST_COSMWASM_ACCOUNTS.relayer,
      message: encoded,
      proof: prove(leafIndex),
    })
    const delivered = delivery.events.find((event) => event.type === 'messageDelivered')
    relayed.push({
      id,
      message: encoded,
      status: delivered?.type === 'messageDelivered' ? delivered.status : MessageStatus.None,
      result: delivered?.type === 'messageDelivered' ? delivered.result : '0x',
      delivery,
    })
  }
  return relayed
}

/**
 * Delivers every CosmWasm message for `evm` not delivered yet in one `deliverBatch` (none sent
 * when there are none), in leaf order; each with the batch's receipt, whose logs hold the apps'
 * own events.
 */
export async function relayToEvm(
  wasm: CosmWasmTestChain,
  evm: EvmTestChain,
  keys: readonly Hex[],
): Promise<(RelayedMessage & { receipt: TransactionReceipt })[]> {
  const sent = cosmWasmSentMessages(wasm)
  const { root, index } = await latestCheckpoint(wasm.executor, { contract: wasm.endpoint })
  const prove = await prover(
    sent.map((event) => event.id),
    { origin: wasm.domain, originEndpoint: bech32ToBytes32(wasm.endpoint), root, index },
    keys,
  )
  const pending: CosmWasmSentMessage[] = []
  for (const event of sent) {
    if (event.destination !== evm.domain) continue
    const status = await evm.client.readContract({
      address: evm.endpoint,
      abi: endpointAbi,
      functionName: 'messageStatus',
      args: [event.message],
    })
    if (status === MessageStatus.None) pending.push(event)
  }
  if (pending.length === 0) return []
  const hash = await evm.wallet.writeContract({
    address: evm.endpoint,
    abi: endpointAbi,
    functionName: 'deliverBatch',
    args: [pending.map((event) => event.message), pending.map((event) => prove(event.leafIndex))],
    account: evm.wallet.account ?? null,
    chain: evm.wallet.chain,
  })
  const receipt = await evm.client.waitForTransactionReceipt({ hash })
  if (receipt.status !== 'success') throw new Error(`deliverBatch ${hash} reverted`)
  const delivered = parseEventLogs({
    abi: endpointAbi,
    eventName: 'MessageDelivered',
    logs: receipt.logs,
  })
  return pending.map(({ message }) => {
    const id = getMessageId(message)
    const log = delivered.find((entry) => entry.args.id === id)
    return {
      id,
      message,
      status: log?.args.status ?? MessageStatus.None,
      result: log?.args.result ?? '0x',
      receipt,
    }
  })
}

/**
 * Checks that the origin's messages `ids` (in leaf order) are the tree under its latest
 * `checkpoint`, signs the checkpoint with `keys`, and returns the proof of a leaf under it.
 */
async function prover(
  ids: readonly Hex[],
  checkpoint: Checkpoint,
  keys: readonly Hex[],
): Promise<(leafIndex: number) => Hex> {
  const tree = new MerkleTree([...ids])
  const count = checkpoint.index + 1
  if (tree.root(count) !== checkpoint.root)
    throw new Error(
      `the ${ids.length} messages read from domain ${checkpoint.origin} are not its endpoint's tree at checkpoint ${checkpoint.index}`,
    )
  const signatures = await sortSignaturesBySigner({
    checkpoint,
    signatures: await Promise.all(
      keys.map((privateKey) => signCheckpoint({ privateKey, checkpoint })),
    ),
  })
  return (leafIndex) =>
    encodeProof({
      checkpointIndex: checkpoint.index,
      leafIndex,
      branch: tree.getProof(leafIndex, count).branch,
      signatures,
    })
}

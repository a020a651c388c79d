// A one-shot relay between an EVM and a CosmWasm test chain, both ways, for the token bridge's
// cross-kind test: it signs the origin's latest checkpoint with the given validator keys, proves
// each message not yet delivered against it and delivers it. The CosmWasm origin's messages are
// those its caller recorded (the `messageSent` events of its transactions), in leaf order; the
// EVM origin's are read from its `MessageSent` logs. The production relayer adds the rest.
import {
  deliver,
  type EndpointEvent,
  latestCheckpoint,
  messageStatus,
} from '@ferry/cosmwasm-bindings'
import { endpointAbi } from '@ferry/evm-contracts'
import { getSentMessages } from '@ferry/evm-contracts/testing'
import {
  bech32ToBytes32,
  type Checkpoint,
  encodeProof,
  evmAddressToBytes32,
  MerkleTree,
  MessageStatus,
  signCheckpoint,
  sortSignaturesBySigner,
} from '@ferry/protocol'
import { type Hex, parseEventLogs } from 'viem'
import type { EvmTestChain } from '../../src/chains/deployEvmTestChain.js'
import type { CosmWasmTestChain } from '../../src/chains/startCosmWasmTestChain.js'
import { TEST_COSMWASM_ACCOUNTS } from '../../src/keys/testAccounts.js'

type MessageSent = Extract<EndpointEvent, { type: 'messageSent' }>

/** What the CosmWasm endpoint sent so far, as its transactions' events reported it. */
export type CosmWasmRelay = { sent: MessageSent[] }

async function signatures(checkpoint: Checkpoint, keys: readonly Hex[]): Promise<Hex[]> {
  return sortSignaturesBySigner({
    checkpoint,
    signatures: await Promise.all(
      keys.map((privateKey) => signCheckpoint({ privateKey, checkpoint })),
    ),
  })
}

/** What a delivery did: the message, its status and result at the destination. */
export type RelayedMessage = { message: Hex; status: number; result: Hex }

/** Delivers every EVM message for `wasm` it has not seen; each with its outcome, in order. */
export async function relayToCosmWasm(
  evm: EvmTestChain,
  wasm: CosmWasmTestChain,
  keys: readonly Hex[],
): Promise<RelayedMessage[]> {
  const sent = await getSentMessages(evm.client, { endpoint: evm.endpoint })
  const tree = new MerkleTree(sent.map((message) => message.id))
  const [root, index] = await evm.client.readContract({
    address: evm.endpoint,
    abi: endpointAbi,
    functionName: 'latestCheckpoint',
  })
  const checkpoint = {
    origin: evm.domain,
    originEndpoint: evmAddressToBytes32(evm.endpoint),
    root,
    index,
  }
  const signed = await signatures(checkpoint, keys)
  const outcomes: RelayedMessage[] = []
  for (const { message, encoded, leafIndex } of sent) {
    if (message.destination !== wasm.domain) continue
    const status = await messageStatus(wasm.executor, { contract: wasm.endpoint, message: encoded })
    if (status !== MessageStatus.None) continue
    const proof = encodeProof({
      checkpointIndex: index,
      leafIndex,
      branch: tree.getProof(leafIndex, index + 1).branch,
      signatures: signed,
    })
    const { events } = await deliver(wasm.executor, {
      contract: wasm.endpoint,
      sender: TEST_COSMWASM_ACCOUNTS.relayer,
      message: encoded,
      proof,
    })
    const delivered = events.find((event) => event.type === 'messageDelivered')
    outcomes.push(
      delivered?.type === 'messageDelivered'
        ? { message: encoded, status: delivered.status, result: delivered.result }
        : { message: encoded, status: MessageStatus.None, result: '0x' },
    )
  }
  return outcomes
}

/** Delivers every recorded CosmWasm message for `evm` it has not seen; each with its outcome. */
export async function relayToEvm(
  wasm: CosmWasmTestChain,
  evm: EvmTestChain,
  relay: CosmWasmRelay,
  keys: readonly Hex[],
): Promise<RelayedMessage[]> {
  const sent = [...relay.sent].sort((a, b) => a.leafIndex - b.leafIndex)
  const tree = new MerkleTree(sent.map((message) => message.id))
  const { root, index } = await latestCheckpoint(wasm.executor, { contract: wasm.endpoint })
  if (tree.root(index + 1) !== root)
    throw new Error('the recorded messages are not the endpoint’s tree')
  const checkpoint = {
    origin: wasm.domain,
    originEndpoint: bech32ToBytes32(wasm.endpoint),
    root,
    index,
  }
  const signed = await signatures(checkpoint, keys)
  const outcomes: RelayedMessage[] = []
  for (const { message, leafIndex, destination } of sent) {
    if (destination !== evm.domain) continue
    const status = await evm.client.readContract({
      address: evm.endpoint,
      abi: endpointAbi,
      functionName: 'messageStatus',
      args: [message],
    })
    if (status !== MessageStatus.None) continue
    const proof = encodeProof({
      checkpointIndex: index,
      leafIndex,
      branch: tree.getProof(leafIndex, index + 1).branch,
      signatures: signed,
    })
    const hash = await evm.wallet.writeContract({
      address: evm.endpoint,
      abi: endpointAbi,
      functionName: 'deliver',
      args: [message, proof],
      account: evm.wallet.account ?? null,
      chain: evm.wallet.chain,
    })
    const receipt = await evm.client.waitForTransactionReceipt({ hash })
    const [delivered] = parseEventLogs({
      abi: endpointAbi,
      eventName: 'MessageDelivered',
      logs: receipt.logs,
    })
    outcomes.push({
      message,
      status: delivered?.args.status ?? MessageStatus.None,
      result: delivered?.args.result ?? '0x',
    })
  }
  return outcomes
}

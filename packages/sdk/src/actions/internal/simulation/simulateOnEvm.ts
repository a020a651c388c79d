import { endpointAbi, evmFailureReason, ferryReceiverAbi } from '@ferry/evm-contracts'
import {
  bytes32ToEvmAddress,
  type DeliveryVerdict,
  describeDeliveryVerdict,
  type Message,
  MessageStatus,
} from '@ferry/protocol'
import {
  type Abi,
  type Address,
  encodeFunctionData,
  type Hex,
  hexToNumber,
  isAddressEqual,
  type PublicClient,
  toFunctionSelector,
  zeroAddress,
} from 'viem'
import type { FerryClient } from '../../../client/createFerryClient.js'
import type { FerryEvmChain } from '../../../client/defineFerryChain.js'
import { AlreadyDeliveredError } from '../../../errors/AlreadyDeliveredError.js'
import { SimulationUndecidedError } from '../../../errors/SimulationUndecidedError.js'
import type { DeliverySimulation, FailingFrame } from '../../simulateDelivery.js'
import { decodeEvmRevert } from './decodeEvmRevert.js'
import { decodingAbi, functionNameOf, type RecipientAbis } from './knownEvmAbis.js'
import { OUT_OF_GAS, searchEvmHandlerGas } from './searchEvmHandlerGas.js'
import { type EvmCallFrame, traceEvmCall } from './traceEvmCall.js'

/** `handle` and `handleAck`: how the endpoint's call to the handler is told from the verifier's. */
const HANDLER_SELECTORS: ReadonlySet<string> = new Set(
  ferryReceiverAbi.map((item) => toFunctionSelector(item)),
)

export type SimulateOnEvmParameters = {
  id: Hex
  encoded: Hex
  message: Message
  /** The proof to deliver with, read only when the message is undelivered. */
  proof: () => Promise<Hex>
  gasLimit: number | undefined
  block: bigint | undefined
  abis: RecipientAbis | undefined
}

/**
 * Dry-runs the delivery of an undelivered message (`deliver` with its proof) or the retry of a
 * Failed one on an EVM destination, on the state after `block` (default: the head), through
 * `debug_traceCall`, and reads the verdict off the call tree: the endpoint's own refusal (decoded
 * to its failure reason, the verifier's check included), or else the handler frame's outcome.
 */
export async function simulateOnEvm(
  client: FerryClient,
  chain: FerryEvmChain,
  { id, encoded, message, proof, gasLimit, block, abis }: SimulateOnEvmParameters,
): Promise<DeliverySimulation> {
  const publicClient = client.reader(chain).client
  const endpoint = chain.endpoint
  // Uncached: viem keeps a block number for its polling interval, and a verdict is of now.
  const blockNumber = block ?? (await publicClient.getBlockNumber({ cacheTime: 0 }))
  const status = await publicClient.readContract({
    address: endpoint,
    abi: endpointAbi,
    functionName: 'messageStatus',
    args: [encoded],
    blockNumber,
  })
  if (status !== MessageStatus.None && status !== MessageStatus.Failed)
    // CAST: the endpoint's status codes are MessageStatus values.
    throw new AlreadyDeliveredError({ id, status: status as MessageStatus })

  const call = status === MessageStatus.None ? 'deliver' : 'retry'
  const handlerGas = call === 'retry' ? (gasLimit ?? message.gasLimit) : message.gasLimit
  const data =
    call === 'deliver'
      ? encodeFunctionData({
          abi: endpointAbi,
          functionName: 'deliver',
          args: [encoded, await proof()],
        })
      : encodeFunctionData({ abi: endpointAbi, functionName: 'retry', args: [encoded, handlerGas] })
  const from = chain.walletClient?.account?.address ?? zeroAddress
  const top = await traceEvmCall(publicClient, { from, to: endpoint, data, block: blockNumber })
  const abi = decodingAbi(abis)
  const verdict = (
    verdict: DeliveryVerdict,
    details: Partial<DeliverySimulation> = {},
  ): DeliverySimulation => ({
    id,
    chain: chain.name,
    block: blockNumber,
    call,
    gasLimit: handlerGas,
    verdict,
    description: describeDeliveryVerdict(verdict),
    gasUsed: undefined,
    revert: undefined,
    frame: undefined,
    blockedBy: undefined,
    recovery: undefined,
    ...details,
  })

  // The endpoint (or the verifier it asks) refused the call: nothing was delivered.
  if (top.error !== undefined) {
    const revert = decodeEvmRevert(top.output ?? '0x', abi)
    const reason = revert.kind === 'custom' ? evmFailureReason(revert.name) : undefined
    if (reason === undefined) throw new SimulationUndecidedError({ id, error: top.error, revert })
    return verdict(reason, {
      revert,
      frame: failingFrame(top, abi),
      blockedBy:
        reason === 'nonce_out_of_order' && revert.kind === 'custom'
          ? // CAST: EndpointNonceOutOfOrder(channel, expected, nonce) carries a uint64 `expected`.
            { nonce: revert.args.expected as bigint }
          : undefined,
      recovery:
        reason === 'deadline_passed'
          ? { action: 'timeoutMessage' }
          : reason === 'nonce_out_of_order'
            ? { action: 'relayMessage' }
            : undefined,
    })
  }

  // The endpoint calls no handler for a recipient that is not an EVM address, has no code or is
  // the endpoint itself, nor for a message delivered past its deadline (it times out, §7).
  const recipient = recipientAddress(message.recipient)
  if (recipient === undefined || isAddressEqual(recipient, endpoint))
    return verdict('recipient_not_contract')
  const handler = top.calls?.find(
    (frame) =>
      frame.to !== undefined &&
      isAddressEqual(frame.to, recipient) &&
      isAddressEqual(frame.from, endpoint) &&
      HANDLER_SELECTORS.has(frame.input.slice(0, 10)),
  )
  if (!handler) {
    const code = await publicClient.getCode({ address: recipient, blockNumber })
    if (code === undefined || code === '0x') return verdict('recipient_not_contract')
    return verdict('deadline_passed', { recovery: { action: 'timeoutMessage' } })
  }

  const gasUsed = hexToNumber(handler.gasUsed)
  if (handler.error === undefined) return verdict('would_succeed', { gasUsed })
  const frame = failingFrame(handler, abi, 1)
  if (OUT_OF_GAS.test(handler.error)) {
    const { gasLimit: blockGasLimit } = await publicClient.getBlock({ blockNumber })
    const minimum = await searchEvmHandlerGas(publicClient, {
      endpoint,
      recipient,
      data: handler.input,
      block: blockNumber,
      failing: handlerGas,
      cap: Number(blockGasLimit),
    })
    return verdict('handler_out_of_gas', {
      gasUsed,
      frame,
      recovery: minimum === undefined ? undefined : { action: 'retryMessage', gasLimit: minimum },
    })
  }
  const revert = decodeEvmRevert(handler.output ?? '0x', abi)
  // A contract without the handler (and no fallback) reverts with nothing; Solidity's
  // dispatcher compares the selector with a PUSH4 of it, so code without one has no handler.
  if (
    revert.kind === 'empty' &&
    !(await hasSelector(publicClient, { address: recipient, input: handler.input, blockNumber }))
  )
    return verdict('recipient_not_contract', { gasUsed, frame })
  return verdict('handler_reverted', { gasUsed, revert, frame })
}

/** The 20-byte address a message's recipient names; undefined when it is not one. */
function recipientAddress(recipient: Hex): Address | undefined {
  try {
    return bytes32ToEvmAddress(recipient)
  } catch {
    return undefined
  }
}

/**
 * Where the failure started: from `frame` down through the last failed call of each frame, as
 * a revert bubbles up the other way. `depth` counts from the call to the endpoint (0).
 */
function failingFrame(frame: EvmCallFrame, abi: Abi, depth = 0): FailingFrame {
  const failed = frame.calls?.findLast((child) => child.error !== undefined)
  if (failed) return failingFrame(failed, abi, depth + 1)
  return {
    contract: frame.to ?? zeroAddress,
    // CAST: the first four bytes of hex calldata are hex.
    selector: frame.input.slice(0, 10) as Hex,
    functionName: functionNameOf(abi, frame.input),
    depth,
  }
}

/** Whether the code at `address` has a PUSH4 of the selector `input` starts with. */
async function hasSelector(
  publicClient: PublicClient,
  { address, input, blockNumber }: { address: Address; input: Hex; blockNumber: bigint },
): Promise<boolean> {
  const code = await publicClient.getCode({ address, blockNumber })
  return (code ?? '0x').toLowerCase().includes(`63${input.slice(2, 10).toLowerCase()}`)
}

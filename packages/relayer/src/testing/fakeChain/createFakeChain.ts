import {
  BaseError,
  decodeMessage,
  encodeAckBody,
  encodeMessage,
  getChannelKey,
  getMessageId,
  MerkleTree,
  type Message,
  MessageFlags,
  MessageStatus,
  PROTOCOL_VERSION,
} from '@ferry/protocol'
import type {
  BlockRef,
  ChainFailure,
  ChainFailureReason,
  DeliveryOutcome,
  FeeAddedEvent,
  SentMessageEvent,
} from '@ferry/sdk'
import { type Hex, keccak256, numberToHex, pad, toHex } from 'viem'
import type {
  CallReceipt,
  ChainSubmitter,
  EndpointCall,
  SubmitOptions,
} from '../../chains/types.js'

// A chain in memory for the relayer core's unit tests: typed only against the sdk's reader
// types, `src/chains/types.ts` and `@ferry/protocol`, so it can move to a shared test kit as it is.

/** What the next `submit` does instead of succeeding; see {@link FakeChain.failNext}. */
export type FakeFailure =
  /** Throws a chain failure with this reason (e.g. `tx_reverted`, `rpc_error`), as an adapter would. */
  | { type: 'chain'; reason: ChainFailureReason }
  /** Throws this error as it is (e.g. a `TypeError`: an error no adapter names). */
  | { type: 'throw'; error: unknown }
  /** Hangs until the submit's signal aborts or `ms` pass, then throws an `rpc_error` timeout. */
  | { type: 'timeout'; ms: number }

/** A transaction the fake destination mined. */
export type FakeTransaction = {
  call: EndpointCall
  receipt: CallReceipt
  /** Ids of the messages the call carried (`SubmitOptions.messageIds`). */
  messageIds: readonly Hex[]
}

/** What {@link FakeChain.send} takes; everything but the recipient has a default. */
export type FakeSendParameters = {
  destination: number
  /** bytes32; default a fixed app. */
  sender?: Hex | undefined
  /** bytes32; default a fixed app. */
  recipient?: Hex | undefined
  deadline?: bigint | undefined
  gasLimit?: number | undefined
  ackGasLimit?: number | undefined
  flags?: number | undefined
  body?: Hex | undefined
  /** What the origin charged, in base units. Default 0. */
  fee?: bigint | undefined
}

export type FakeChain = ChainSubmitter & {
  /** Mines a block holding one `MessageSent`; returns the event. */
  send(parameters: FakeSendParameters): SentMessageEvent
  /** Mines a block holding an ack (flag `isAck`) of `originalId`, sent back to `destination`. */
  sendAck(parameters: FakeSendParameters & { originalId: Hex }): SentMessageEvent
  /** Mines a block holding a `FeeAdded` of `id`. */
  addFee(id: Hex, amount: bigint): FeeAddedEvent
  /** Mines `count` empty blocks. */
  mine(count?: number): void
  /** Replaces every block from `number` up with new empty ones (new hashes): their events are gone. */
  reorg(number: bigint): void
  /** Sets the head's timestamp (unix seconds) for blocks mined from now on. */
  setTime(seconds: bigint): void
  /** Queues failures for the next `submit`s, in order. */
  failNext(...failures: FakeFailure[]): void
  /** Makes the handler of message `id` fail (status Failed) on this destination until `succeed(id)`. */
  failHandler(id: Hex): void
  succeed(id: Hex): void
  /** Holds every `submit` until the returned function is called (a transaction in flight). */
  hold(): () => void
  /** Every transaction mined on this chain as a destination, in order. */
  readonly transactions: readonly FakeTransaction[]
  /** Every submit that threw, with what it was asked. */
  readonly rejected: readonly { call: EndpointCall; reason: string }[]
  /** Status of `id` on this chain as a destination. */
  statusOf(id: Hex): MessageStatus
  /** Calls of each adapter method, by name. */
  readonly calls: ReadonlyMap<string, number>
}

/**
 * The error the fake throws for a scripted chain failure: a named error carrying the
 * `chainFailure` data the core reads, as the EVM and CosmWasm adapters' errors do.
 */
export class FakeChainError extends BaseError {
  override name = 'FakeChainError'
  readonly chainFailure: ChainFailure
  constructor(args: { domain: number; reason: ChainFailureReason; detail: string }) {
    const retryable = args.reason !== 'gas_estimate_reverted'
    super(`Fake chain ${args.domain}: ${args.reason}: ${args.detail}`, { retryable })
    this.chainFailure = { reason: args.reason, retryable }
  }
}

type Block = BlockRef & { sent: SentMessageEvent[]; fees: FeeAddedEvent[] }

const DEFAULT_APP: Hex = pad('0xa11ce', { size: 32 })

/**
 * A chain held in memory that implements `ChainSubmitter` (and so `ChainReader`): as an origin, blocks with `MessageSent`
 * and `FeeAdded` events and the endpoint's tree; as a destination, channel nonces and statuses
 * checked like the endpoint does (a message out of order is refused as `gas_estimate_reverted`),
 * deliveries recorded, and failures, handler failures and held (in-flight) transactions scripted.
 * Proofs are not checked.
 *
 * @example
 * const a = createFakeChain({ domain: 1 }); const b = createFakeChain({ domain: 2 })
 * const sent = a.send({ destination: 2 }); a.mine(2)
 */
export function createFakeChain({
  domain,
  kind = 'evm',
  startTime = 1_700_000_000n,
}: {
  domain: number
  kind?: 'evm' | 'cosmwasm' | undefined
  startTime?: bigint | undefined
}): FakeChain {
  const endpoint = pad(numberToHex(domain), { size: 32 })
  let reorgs = 0
  let time = startTime
  const blockHash = (number: bigint) => keccak256(toHex(`fake:${domain}:${number}:${reorgs}`))
  const blocks: Block[] = [{ number: 0n, hash: blockHash(0n), timestamp: time, sent: [], fees: [] }]
  const outboundNonces = new Map<Hex, bigint>()
  const fees = new Map<Hex, bigint>()
  const inbound = new Map<Hex, bigint>()
  const statuses = new Map<Hex, MessageStatus>()
  const failingHandlers = new Set<Hex>()
  const failures: FakeFailure[] = []
  const transactions: FakeTransaction[] = []
  const rejected: { call: EndpointCall; reason: string }[] = []
  const calls = new Map<string, number>()
  let gate: Promise<void> | undefined
  let txCount = 0

  const count = (method: string) => calls.set(method, (calls.get(method) ?? 0) + 1)
  const head = () => blocks[blocks.length - 1] as Block // CAST: never empty (genesis)
  const allSent = () => blocks.flatMap((block) => block.sent)

  function mineBlock(sent: SentMessageEvent[] = [], added: FeeAddedEvent[] = []): Block {
    const number = head().number + 1n
    time += 1n
    const block: Block = { number, hash: blockHash(number), timestamp: time, sent, fees: added }
    blocks.push(block)
    return block
  }

  function sendMessage(parameters: FakeSendParameters, body: Hex): SentMessageEvent {
    const flags = parameters.flags ?? 0
    const sender = parameters.sender ?? DEFAULT_APP
    const recipient = parameters.recipient ?? DEFAULT_APP
    const channel = getChannelKey({
      origin: domain,
      sender,
      destination: parameters.destination,
      recipient,
      flags,
    })
    const nonce = (outboundNonces.get(channel) ?? 0n) + 1n
    outboundNonces.set(channel, nonce)
    const message: Message = {
      version: PROTOCOL_VERSION,
      flags,
      origin: domain,
      sender,
      destination: parameters.destination,
      recipient,
      nonce,
      deadline: parameters.deadline ?? 0n,
      gasLimit: parameters.gasLimit ?? 100_000,
      ackGasLimit: parameters.ackGasLimit ?? 0,
      body,
    }
    const encoded = encodeMessage(message)
    const id = getMessageId(encoded)
    fees.set(id, parameters.fee ?? 0n)
    const number = head().number + 1n
    const event: SentMessageEvent = {
      id,
      leafIndex: allSent().length,
      encoded,
      message,
      block: { number, hash: blockHash(number) },
      transactionHash: keccak256(toHex(`send:${domain}:${id}`)),
    }
    mineBlock([event])
    return event
  }

  function tx(call: EndpointCall, outcomes: DeliveryOutcome[], messageIds: readonly Hex[]) {
    const block = mineBlock()
    const receipt: CallReceipt = {
      transactionHash: keccak256(toHex(`tx:${domain}:${++txCount}`)),
      blockNumber: block.number,
      status: 'success',
      outcomes,
      gasUsed: 21_000n,
      l1Fee: 0n,
    }
    transactions.push({ call, receipt, messageIds })
    return receipt
  }

  function refuse(call: EndpointCall, reason: ChainFailureReason, detail: string): never {
    rejected.push({ call, reason })
    throw new FakeChainError({ domain, reason, detail })
  }

  function execute(encoded: Hex): DeliveryOutcome {
    const id = getMessageId(encoded)
    const status = failingHandlers.has(id) ? MessageStatus.Failed : MessageStatus.Executed
    statuses.set(id, status)
    return { id, status, result: '0x' }
  }

  async function submit(call: EndpointCall, options: SubmitOptions): Promise<CallReceipt> {
    count('submit')
    if (gate) await gate
    const failure = failures.shift()
    if (failure?.type === 'throw') {
      rejected.push({ call, reason: 'thrown' })
      throw failure.error
    }
    if (failure?.type === 'chain') refuse(call, failure.reason, 'scripted')
    if (failure?.type === 'timeout') {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, failure.ms)
        options.signal?.addEventListener('abort', () => {
          clearTimeout(timer)
          resolve()
        })
      })
      refuse(call, 'rpc_error', `no receipt after ${failure.ms} ms`)
    }
    switch (call.type) {
      case 'deliverBatch': {
        // Checked whole before any effect, as one transaction.
        const next = new Map<Hex, bigint>()
        for (const encoded of call.messages) {
          const message = decodeMessage(encoded)
          if (message.destination !== domain)
            refuse(call, 'gas_estimate_reverted', 'wrong destination')
          const channel = getChannelKey(message)
          const expected = (next.get(channel) ?? inbound.get(channel) ?? 0n) + 1n
          if (message.nonce !== expected)
            refuse(call, 'gas_estimate_reverted', `nonce ${message.nonce}, expected ${expected}`)
          next.set(channel, expected)
        }
        for (const [channel, nonce] of next) inbound.set(channel, nonce)
        return tx(call, call.messages.map(execute), options.messageIds)
      }
      case 'retry': {
        const id = getMessageId(call.message)
        if (statuses.get(id) !== MessageStatus.Failed)
          refuse(call, 'gas_estimate_reverted', 'not Failed')
        return tx(call, [execute(call.message)], options.messageIds)
      }
      case 'timeout': {
        const message = decodeMessage(call.message)
        const id = getMessageId(call.message)
        const status = statuses.get(id) ?? MessageStatus.None
        if (message.deadline === 0n || head().timestamp <= message.deadline)
          refuse(call, 'gas_estimate_reverted', 'not past its deadline')
        if (status !== MessageStatus.Failed && status !== MessageStatus.None)
          refuse(call, 'gas_estimate_reverted', 'already final')
        statuses.set(id, MessageStatus.TimedOut)
        return tx(call, [{ id, status: MessageStatus.TimedOut, result: '0x' }], options.messageIds)
      }
      case 'setL1FeeConfig':
        // The fake endpoint takes its key as the fee manager's.
        return tx(call, [], options.messageIds)
    }
  }

  const chain: FakeChain = {
    kind,
    domain,
    endpoint,
    get transactions() {
      return transactions
    },
    get rejected() {
      return rejected
    },
    calls,

    async getHead() {
      count('getHead')
      const { number, hash, timestamp } = head()
      return { number, hash, timestamp }
    },
    async getBlockHash(number) {
      count('getBlockHash')
      return blocks[Number(number)]?.hash
    },
    async getSentMessages(fromBlock, toBlock) {
      count('getSentMessages')
      return blocks
        .filter((block) => block.number >= fromBlock && block.number <= toBlock)
        .flatMap((block) => block.sent)
    },
    async getFeesAdded(fromBlock, toBlock) {
      count('getFeesAdded')
      return blocks
        .filter((block) => block.number >= fromBlock && block.number <= toBlock)
        .flatMap((block) => block.fees)
    },
    async getTree(blockNumber) {
      count('getTree')
      const leaves = blocks
        .filter((block) => block.number <= blockNumber)
        .flatMap((block) => block.sent.map((event) => event.id))
      const tree = new MerkleTree(leaves)
      return { root: tree.root(), count: tree.count }
    },
    async getFeePaid(event) {
      count('getFeePaid')
      return fees.get(event.id) ?? 0n
    },
    async getMessageStatus(message) {
      count('getMessageStatus')
      return statuses.get(getMessageId(message)) ?? MessageStatus.None
    },
    async getDeliveryResult(id) {
      count('getDeliveryResult')
      // The fake's handlers return nothing: a delivered message's result is empty.
      const status = statuses.get(id) ?? MessageStatus.None
      return status === MessageStatus.None ? undefined : { status, result: '0x' }
    },
    async getInboundNonce(channel) {
      count('getInboundNonce')
      // CAST: lower-casing keeps the `0x` prefix; channel keys are stored lower case.
      return inbound.get(channel.toLowerCase() as Hex) ?? 0n
    },
    submit,
    async getSignerBalance() {
      return 10n ** 18n
    },
    async recover() {
      return []
    },

    send: (parameters) => sendMessage(parameters, parameters.body ?? '0x1234'),
    sendAck: ({ originalId, ...parameters }) =>
      sendMessage(
        { ...parameters, flags: (parameters.flags ?? 0) | MessageFlags.isAck },
        encodeAckBody({ originalId, status: MessageStatus.Executed, result: '0x' }),
      ),
    addFee(id, amount) {
      const number = head().number + 1n
      const event: FeeAddedEvent = {
        id,
        amount,
        block: { number, hash: blockHash(number) },
        transactionHash: keccak256(toHex(`fee:${domain}:${number}`)),
        eventIndex: 0,
      }
      mineBlock([], [event])
      return event
    },
    mine(n = 1) {
      for (let i = 0; i < n; i++) mineBlock()
    },
    reorg(number) {
      const depth = blocks.length - Number(number)
      for (const block of blocks.splice(Number(number)))
        for (const event of block.sent) {
          const channel = getChannelKey(event.message)
          outboundNonces.set(channel, (outboundNonces.get(channel) ?? 1n) - 1n)
        }
      reorgs++
      for (let i = 0; i < depth; i++) mineBlock()
    },
    setTime(seconds) {
      time = seconds
    },
    failNext(...next) {
      failures.push(...next)
    },
    failHandler(id) {
      failingHandlers.add(id)
    },
    succeed(id) {
      failingHandlers.delete(id)
    },
    hold() {
      let release = () => {}
      gate = new Promise<void>((resolve) => {
        release = () => {
          gate = undefined
          resolve()
        }
      })
      return release
    },
    statusOf: (id) => statuses.get(id) ?? MessageStatus.None,
  }
  return chain
}

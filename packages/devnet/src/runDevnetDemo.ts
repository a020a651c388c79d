import { send } from '@ferry/cosmwasm-bindings'
import { viaTestRecipient } from '@ferry/cosmwasm-bindings/testing'
import {
  endpointAbi,
  pingPongAbi,
  revertingRecipientAbi,
  testRecipientAbi,
} from '@ferry/evm-contracts'
import {
  bech32ToBytes32,
  decodeAckBody,
  evmAddressToBytes32,
  MessageFlags,
  MessageStatus,
} from '@ferry/protocol'
import type { RelayerStore, StoredMessage } from '@ferry/relayer'
import {
  type CosmWasmTestChain,
  type EvmTestChain,
  TEST_COSMWASM_ACCOUNTS,
  type TestChain,
} from '@ferry/testkit'
import { type Hex, parseEventLogs, stringToHex, type TransactionReceipt } from 'viem'

/** One demo message as it ended, with its ack if it asked for one. */
export type DemoOutcome = { label: string; message: StoredMessage; ack?: StoredMessage | undefined }

const STATUS = ['None', 'Executed', 'Failed', 'TimedOut'] as const

/**
 * Sends the devnet's demo messages and reports each as it completes: a PingPong ping
 * EVM → EVM with an ack (its handler answers with a pong), EVM → CosmWasm, CosmWasm → EVM with an
 * ack, and EVM → EVM to a recipient that fails, which is retried once the recipient is fixed.
 *
 * @example
 * const outcomes = await runDevnetDemo({ chains, store, report: console.log })
 */
export async function runDevnetDemo({
  chains,
  store,
  report,
  timeoutMs = 120_000,
}: {
  chains: readonly TestChain[]
  store: RelayerStore
  report: (lines: string[]) => void
  timeoutMs?: number
}): Promise<DemoOutcome[]> {
  const [a, b] = chains.filter((chain): chain is EvmTestChain => chain.kind === 'evm')
  const wasm = chains.find((chain): chain is CosmWasmTestChain => chain.kind === 'cosmwasm')
  if (!a || !b || !wasm) throw new Error('devnet demo: needs two EVM chains and a CosmWasm chain')
  const names = new Map(chains.map((chain) => [chain.domain, chain.name]))
  const deadline = Date.now() + timeoutMs

  async function until<T>(what: string, check: () => Promise<T | undefined>): Promise<T> {
    for (;;) {
      const value = await check()
      if (value !== undefined) return value
      if (Date.now() > deadline) throw new Error(`devnet demo: timed out waiting for ${what}`)
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }
  const inStage = (id: Hex, stage: StoredMessage['stage']) =>
    until(`${id} to be ${stage}`, async () => {
      const message = await store.getMessage(id)
      return message?.stage === stage ? message : undefined
    })
  const ackOf = (original: Hex) =>
    until(`the ack of ${original}`, async () => {
      for (const message of await store.getMessagesInStage('done', 10_000)) {
        if ((message.flags & MessageFlags.isAck) === 0) continue
        const body = `0x${message.encoded.slice(2 + 98 * 2)}` as Hex // CAST: the body follows the 98-byte header
        if (decodeAckBody(body).originalId === original) return message
      }
      return undefined
    })

  const confirm = async (chain: EvmTestChain, what: string, sent: Promise<Hex>) => {
    const receipt = await chain.client.waitForTransactionReceipt({ hash: await sent })
    if (receipt.status !== 'success')
      throw new Error(`devnet demo: ${what} reverted on ${chain.name}`)
    return receipt
  }
  const sentId = (receipt: TransactionReceipt): Hex => {
    const [log] = parseEventLogs({ abi: endpointAbi, eventName: 'MessageSent', logs: receipt.logs })
    if (!log) throw new Error('devnet demo: no MessageSent')
    return log.args.id
  }
  const account = (chain: EvmTestChain) => {
    if (!chain.wallet.account) throw new Error('devnet demo: the deployer wallet has no account')
    return chain.wallet.account
  }
  const sendVia = async (
    from: EvmTestChain,
    destination: number,
    recipient: Hex,
    body: string,
    gasLimit: number,
  ) => {
    const bodyHex = stringToHex(body)
    const fee = await from.client.readContract({
      address: from.endpoint,
      abi: endpointAbi,
      functionName: 'quote',
      args: [destination, BigInt((bodyHex.length - 2) / 2), gasLimit, 0],
    })
    return sentId(
      await confirm(
        from,
        'sendVia',
        from.wallet.writeContract({
          address: testRecipientOf(from),
          abi: testRecipientAbi,
          functionName: 'sendVia',
          args: [from.endpoint, destination, recipient, bodyHex, gasLimit, 0, 0n],
          value: fee,
          account: account(from),
          chain: from.wallet.chain,
        }),
      ),
    )
  }
  const describe = (label: string, message: StoredMessage, ack?: StoredMessage) => {
    const route = `${names.get(message.origin)} → ${names.get(message.destination)}`
    const lines = [`${message.id}  ${label}  (${route}, nonce ${message.nonce})`]
    return { lines, route, ack }
  }
  const outcomes: DemoOutcome[] = []
  const finish = async (label: string, message: StoredMessage, ack?: StoredMessage) => {
    const { lines } = describe(label, message, ack)
    lines.push(
      `    ${message.sentAt.toISOString()}  sent  block ${message.originBlockNumber}  tx ${message.originTransactionHash}`,
    )
    if (message.finalizedAt) lines.push(`    ${message.finalizedAt.toISOString()}  final`)
    for (const attempt of await store.getAttempts(message.id))
      lines.push(
        `    ${attempt.at.toISOString()}  ${attempt.reason}${attempt.transactionHash ? `  tx ${attempt.transactionHash}` : ''}${attempt.detail ? `  (${attempt.detail})` : ''}`,
      )
    lines.push(`    → ${STATUS[message.status] ?? message.status}`)
    if (ack)
      lines.push(
        `    ack ${ack.id} → ${STATUS[decodeAckBody(`0x${ack.encoded.slice(2 + 98 * 2)}`).status]}, delivered back: ${STATUS[ack.status]}`,
      )
    report(lines)
    outcomes.push({ label, message, ack })
  }

  // PingPong peers, so a ping's handler can answer.
  for (const [local, remote] of [
    [a, b],
    [b, a],
  ] as const)
    await confirm(
      local,
      'setPeer',
      local.wallet.writeContract({
        address: local.apps.pingPong,
        abi: pingPongAbi,
        functionName: 'setPeer',
        args: [remote.domain, evmAddressToBytes32(remote.apps.pingPong)],
        account: account(local),
        chain: local.wallet.chain,
      }),
    )

  // 1. EVM → EVM: a ping with an ack.
  const pingFee = await a.client.readContract({
    address: a.apps.pingPong,
    abi: pingPongAbi,
    functionName: 'quote',
    args: [b.domain, 4n, 300_000, 100_000],
  })
  const ping = sentId(
    await confirm(
      a,
      'ping',
      a.wallet.writeContract({
        address: a.apps.pingPong,
        abi: pingPongAbi,
        functionName: 'ping',
        args: [b.domain],
        value: pingFee,
        account: account(a),
        chain: a.wallet.chain,
      }),
    ),
  )
  // 2. EVM → CosmWasm.
  const toWasm = await sendVia(
    a,
    wasm.domain,
    bech32ToBytes32(testRecipientOf(wasm)),
    'ok:hello from evm-a',
    300_000,
  )
  // 3. CosmWasm → EVM with an ack, sent as the test recipient app so the ack comes back to it.
  const { id: fromWasm } = await send(viaTestRecipient(wasm.executor, testRecipientOf(wasm)), {
    contract: wasm.endpoint,
    sender: TEST_COSMWASM_ACCOUNTS.user,
    destination: a.domain,
    recipient: evmAddressToBytes32(testRecipientOf(a)),
    body: stringToHex('hello from wasm'),
    gasLimit: 300_000,
    ackGasLimit: 300_000,
  })
  // 4. EVM → EVM to a recipient that fails: Failed, then retried once it is fixed.
  const failing = await sendVia(
    a,
    b.domain,
    evmAddressToBytes32(b.apps.revertingRecipient),
    'fail then retry',
    100_000,
  )

  await finish('ping (PingPong, ack requested)', await inStage(ping, 'done'), await ackOf(ping))
  await finish('EVM → CosmWasm', await inStage(toWasm, 'done'))
  await finish(
    'CosmWasm → EVM (ack requested)',
    await inStage(fromWasm, 'done'),
    await ackOf(fromWasm),
  )
  const failed = await inStage(failing, 'failed')
  report([
    `${failed.id}  to a failing recipient: ${STATUS[failed.status]} (${failed.reason}); fixing the recipient…`,
  ])
  await confirm(
    b,
    'setReverting',
    b.wallet.writeContract({
      address: b.apps.revertingRecipient,
      abi: revertingRecipientAbi,
      functionName: 'setReverting',
      args: [false],
      account: account(b),
      chain: b.wallet.chain,
    }),
  )
  const retried = await inStage(failing, 'done')
  if (retried.status !== MessageStatus.Executed)
    throw new Error(`devnet demo: the retried message ended ${STATUS[retried.status]}`)
  await finish('failed, then retried', retried)
  return outcomes
}

/** The one test recipient the devnet deploys on each chain. */
function testRecipientOf<chain extends TestChain>(
  chain: chain,
): chain['apps']['testRecipients'][number] {
  const [recipient] = chain.apps.testRecipients
  if (recipient === undefined) throw new Error(`devnet demo: no test recipient on ${chain.name}`)
  return recipient
}

import { send } from '@ferry/cosmwasm-bindings'
import { viaTestRecipient } from '@ferry/cosmwasm-bindings/testing'
import {
  endpointAbi,
  pingPongAbi,
  revertingRecipientAbi,
  testRecipientAbi,
} from '@ferry/evm-contracts'
import { bech32ToBytes32, evmAddressToBytes32 } from '@ferry/protocol'
import {
  type CosmWasmTestChain,
  type EvmTestChain,
  TEST_COSMWASM_ACCOUNTS,
  type TestChain,
} from '@ferry/testkit'
import { type Hex, parseEventLogs, stringToHex, type TransactionReceipt } from 'viem'

/**
 * What the demo reads of the relayer API's `GET /v1/messages/{id}` (its `MessageDetail`, see
 * the relayer's `api/schemas/messages.ts`).
 */
export type DemoMessage = {
  id: Hex
  origin: number
  destination: number
  nonce: string
  isAck: boolean
  stage: 'pending' | 'ready' | 'submitted' | 'failed' | 'done' | 'orphaned'
  status: 'none' | 'executed' | 'failed' | 'timed_out'
  reason: string
  lifecycle: {
    sent: { at: string; blockNumber: string; transactionHash: string }
    finalized: { at: string } | null
    checkpoint: { signers: { validator: string; index: number; root: string }[] }
    attempts: {
      at: string
      reason: string
      detail: string | null
      transactionHash: string | null
    }[]
    delivered: { at: string | null; status: string; transactionHash: string | null } | null
  }
  ack: { id: Hex; stage: string; status: string; deliveredAt: string | null } | null
  /** For an ack: the message it acknowledges and how that ended. */
  acknowledges: { originalId: Hex; status: string } | null
}

/** One demo message as it ended, with its ack if it asked for one. */
export type DemoOutcome = { label: string; message: DemoMessage; ack?: DemoMessage | undefined }

/**
 * Sends the devnet's demo messages and reports each as it completes: a PingPong ping
 * EVM → EVM with an ack (its handler answers with a pong, which goes back), EVM → CosmWasm,
 * CosmWasm → EVM with an ack, and EVM → EVM to a recipient that fails, which is retried once the
 * recipient is fixed. It follows them as any client of a running relayer can, through its HTTP
 * API (`GET /v1/messages/{id}`): stage, attempts, the validators who signed the checkpoint, the
 * delivery and the ack.
 *
 * @example
 * const { apiUrl, validators } = devnet.file
 * const outcomes = await runDevnetDemo({ chains: devnet.chains, apiUrl, validators, report: console.log })
 */
export async function runDevnetDemo({
  chains,
  apiUrl,
  validators,
  report,
  timeoutMs = 120_000,
}: {
  chains: readonly TestChain[]
  /** The relayer's API, e.g. `http://127.0.0.1:8080`. */
  apiUrl: string
  /** Every origin's validators, in order (the devnet file's), to name who signed. */
  validators: readonly { origin: number; address: string }[]
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
  const get = async <T>(path: string): Promise<T | undefined> => {
    const response = await fetch(`${apiUrl}${path}`)
    if (response.status === 404) return undefined // not indexed yet
    if (!response.ok)
      throw new Error(
        `devnet demo: GET ${path} answered ${response.status}: ${await response.text()}`,
      )
    return (await response.json()) as T // CAST: the relayer API's documented answer (DemoMessage)
  }
  const inStage = (id: Hex, stage: DemoMessage['stage']) =>
    until(`${id} to be ${stage}`, async () => {
      const message = await get<DemoMessage>(`/v1/messages/${id}`)
      return message?.stage === stage ? message : undefined
    })
  /** The ack of `original` once delivered: the detail names it once the relayer indexed it. */
  const ackOf = (original: Hex) =>
    until(`the ack of ${original}`, async () => {
      const ack = (await get<DemoMessage>(`/v1/messages/${original}`))?.ack
      return ack?.stage === 'done' ? get<DemoMessage>(`/v1/messages/${ack.id}`) : undefined
    })
  /** The pong a PingPong sent back: the one message from `app` on `origin`. */
  const pongFrom = (origin: number, app: Hex) =>
    until(`the pong from ${app}`, async () => {
      const page = await get<{ items: DemoMessage[] }>(
        `/v1/messages?origin=${origin}&sender=${app}&stage=done`,
      )
      const pong = page?.items.find((message) => !message.isAck)
      return pong && get<DemoMessage>(`/v1/messages/${pong.id}`)
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
  const outcomes: DemoOutcome[] = []
  const finish = (
    label: string,
    message: DemoMessage,
    { ack, pong }: { ack?: DemoMessage | undefined; pong?: DemoMessage | undefined } = {},
  ) => {
    const route = `${names.get(message.origin)} → ${names.get(message.destination)}`
    const { sent, finalized, checkpoint, attempts } = message.lifecycle
    const lines = [
      `${message.id}  ${label}  (${route}, nonce ${message.nonce})`,
      `    ${sent.at}  sent  block ${sent.blockNumber}  tx ${sent.transactionHash}`,
    ]
    if (finalized) lines.push(`    ${finalized.at}  final`)
    const origin = validators.filter((validator) => validator.origin === message.origin)
    const signers = checkpoint.signers.map(({ validator }) => {
      const n = origin.findIndex((v) => v.address.toLowerCase() === validator.toLowerCase())
      return n < 0 ? validator : `validator ${n + 1} (${validator})`
    })
    if (signers.length > 0)
      lines.push(
        `    checkpoint #${checkpoint.signers[0]?.index} signed by ${signers.length}/${origin.length}: ${signers.join(', ')}`,
      )
    for (const attempt of attempts)
      lines.push(
        `    ${attempt.at}  ${attempt.reason}${attempt.transactionHash ? `  tx ${attempt.transactionHash}` : ''}${attempt.detail ? `  (${attempt.detail})` : ''}`,
      )
    lines.push(`    → ${message.status}`)
    if (pong)
      lines.push(
        `    pong ${pong.id} (${names.get(pong.origin)} → ${names.get(pong.destination)}, sent by the ping's handler) → ${pong.status}`,
      )
    if (ack)
      lines.push(
        `    ack ${ack.id} → ${ack.acknowledges?.status ?? '?'}, delivered back: ${ack.status}`,
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

  finish('ping (PingPong, ack requested)', await inStage(ping, 'done'), {
    pong: await pongFrom(b.domain, b.apps.pingPong),
    ack: await ackOf(ping),
  })
  finish('EVM → CosmWasm', await inStage(toWasm, 'done'))
  finish('CosmWasm → EVM (ack requested)', await inStage(fromWasm, 'done'), {
    ack: await ackOf(fromWasm),
  })
  const failed = await inStage(failing, 'failed')
  report([
    `${failed.id}  to a failing recipient: ${failed.status} (${failed.reason}); fixing the recipient…`,
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
  if (retried.status !== 'executed')
    throw new Error(`devnet demo: the retried message ended ${retried.status}`)
  finish('failed, then retried', retried)
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

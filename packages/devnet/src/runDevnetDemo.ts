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
import { formatEther, type Hex, stringToHex } from 'viem'
import { bridgeTokens, evmTokenEnd, type TokenEnd } from './bridgeTokens.js'
import type { DevnetBridges } from './devnetBridges.js'
import { confirm, deployerOf, sentMessageId } from './evmTransactions.js'
import { type DemoMessage, followMessages } from './followMessages.js'
import { swapOnDevnet } from './swapOnDevnet.js'
import { mintTestToken, tokenFormatter } from './tokens.js'
import { transferThroughOpenZeppelin } from './transferThroughOpenZeppelin.js'

/** One demo message as it ended, with its ack if it asked for one. */
export type DemoOutcome = { label: string; message: DemoMessage; ack?: DemoMessage | undefined }

/**
 * Sends the devnet's demo messages and reports each as it completes: a PingPong ping
 * EVM → EVM with an ack (its handler answers with a pong, which goes back), EVM → CosmWasm,
 * CosmWasm → EVM with an ack, and EVM → EVM to a recipient that fails, which is retried once the
 * recipient is fixed; then tokens: OpenZeppelin's `BridgeERC20.crosschainTransfer` evm-a → evm-b
 * over the ERC-7786 gateways (the gateway parks the fee-less send, the demo pays it with
 * `payPending`); through Ferry's token bridges a round trip evm-a → evm-b → evm-a (18 → 6
 * decimals, the dust staying with the sender), then the CosmWasm denom brought to evm-a and a
 * round trip evm-a → CosmWasm → evm-a, each with the balances before and after; then an atomic
 * swap of evm-a's ETH for the CosmWasm denom between two users (`swapOnDevnet`), whose secret
 * Ferry carries to evm-a. It
 * follows every message as any client of a running relayer can, through its HTTP API
 * (`GET /v1/messages/{id}`): stage, attempts, the validators who signed the checkpoint, the
 * delivery and the ack.
 *
 * @example
 * const { apiUrl, validators } = devnet.file
 * const { chains, bridges } = devnet
 * const outcomes = await runDevnetDemo({ chains, bridges, apiUrl, validators, report: console.log })
 */
export async function runDevnetDemo({
  chains,
  apiUrl,
  validators,
  bridges,
  report,
  timeoutMs = 120_000,
}: {
  chains: readonly TestChain[]
  /** The bridges the devnet deployed beyond the chains' own (`devnet.bridges`). */
  bridges: DevnetBridges
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
  const follow = followMessages({ apiUrl, timeoutMs })
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
    return sentMessageId(
      await confirm(
        from,
        'sendVia',
        from.wallet.writeContract({
          address: testRecipientOf(from),
          abi: testRecipientAbi,
          functionName: 'sendVia',
          args: [from.endpoint, destination, recipient, bodyHex, gasLimit, 0, 0n],
          value: fee,
          account: deployerOf(from),
          chain: from.wallet.chain,
        }),
      ),
    )
  }
  const outcomes: DemoOutcome[] = []
  const finish = (
    label: string,
    message: DemoMessage,
    {
      ack,
      pong,
      notes = [],
    }: { ack?: DemoMessage | undefined; pong?: DemoMessage | undefined; notes?: string[] } = {},
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
    for (const note of notes) lines.push(`    ${note}`)
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
        account: deployerOf(local),
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
  const ping = sentMessageId(
    await confirm(
      a,
      'ping',
      a.wallet.writeContract({
        address: a.apps.pingPong,
        abi: pingPongAbi,
        functionName: 'ping',
        args: [b.domain],
        value: pingFee,
        account: deployerOf(a),
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

  finish('ping (PingPong, ack requested)', await follow.inStage(ping, 'done'), {
    pong: await follow.sentBy(b.domain, b.apps.pingPong),
    ack: await follow.ackOf(ping),
  })
  finish('EVM → CosmWasm', await follow.inStage(toWasm, 'done'))
  finish('CosmWasm → EVM (ack requested)', await follow.inStage(fromWasm, 'done'), {
    ack: await follow.ackOf(fromWasm),
  })
  const failed = await follow.inStage(failing, 'failed')
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
      account: deployerOf(b),
      chain: b.wallet.chain,
    }),
  )
  const retried = await follow.inStage(failing, 'done')
  if (retried.status !== 'executed')
    throw new Error(`devnet demo: the retried message ended ${retried.status}`)
  finish('failed, then retried', retried)

  // The tokens: each bridge's two ends, and how to print their amounts.
  const { openZeppelin, cosmWasmToken } = bridges
  const [ttA, ttB] = [evmTokenEnd(a), evmTokenEnd(b)]
  const stakeA: TokenEnd = { chain: a, ...cosmWasmToken.evm }
  const stakeWasm: TokenEnd = { chain: wasm, ...cosmWasmToken.cosmwasm }
  const [tt, xct, btt, bstake] = await Promise.all([
    tokenFormatter(a, openZeppelin.token),
    tokenFormatter(b, openZeppelin.erc20Crosschain),
    tokenFormatter(b, ttB.token),
    tokenFormatter(a, cosmWasmToken.evm.token),
  ])
  const ustake: Format = (amount) => `${amount} ${cosmWasmToken.cosmwasm.denom}`

  // 5. OpenZeppelin's BridgeERC20 (as published) evm-a → evm-b over the ERC-7786 gateways: it
  // pays no fee, so the gateway parks its send and the demo pays it with payPending.
  const oz = await transferThroughOpenZeppelin({
    home: a,
    remote: b,
    openZeppelin,
    amount: OPEN_ZEPPELIN_AMOUNT,
    follow,
  })
  finish(`OpenZeppelin BridgeERC20.crosschainTransfer of ${tt(OPEN_ZEPPELIN_AMOUNT)}`, oz.message, {
    notes: [
      `parked by the gateway as sendId ${oz.sendId}, sent by payPending`,
      `${a.name}: sender ${tt(oz.before.sender)} → ${tt(oz.after.sender)}, locked in BridgeERC20 ${tt(oz.before.locked)} → ${tt(oz.after.locked)}`,
      `${b.name}: recipient ${xct(oz.before.recipient)} → ${xct(oz.after.recipient)}, ERC20Crosschain supply ${xct(oz.before.supply)} → ${xct(oz.after.supply)}`,
    ],
  })

  /** One transfer through Ferry's token bridges, reported with its quote and balances. */
  const bridgeLeg = async (
    from: TokenEnd,
    to: TokenEnd,
    amount: bigint,
    [origin, destination]: readonly [Format, Format],
  ) => {
    const transfer = await bridgeTokens({ from, to, amount, follow })
    const { quote, before, after } = transfer
    const [source, target] = [from.chain.name, to.chain.name]
    // On CosmWasm the Ferry fee (and on wasmd the gas) is paid in the bridged denom itself: the
    // sender's balance shows it.
    const fee = from.chain.kind === 'cosmwasm' ? ` (and a Ferry fee of ${origin(quote.fee)})` : ''
    finish(`Ferry token bridge: ${origin(amount)} ${source} → ${target}`, transfer.message, {
      notes: [
        `quote: takes ${origin(quote.sent)}${fee}, delivers ${destination(quote.amountReceived)}, dust ${origin(quote.dust)} stays with the sender`,
        `${source}: sender ${origin(before.sender)} → ${origin(after.sender)}; ${target}: recipient ${destination(before.recipient)} → ${destination(after.recipient)}`,
      ],
    })
    return quote.amountReceived
  }

  // 6. A round trip EVM → EVM → EVM: evm-a's 18-decimal token locked, 6-decimal bTT minted on
  // evm-b (the dust that does not scale stays with the sender), then all of it back.
  await mintTestToken(a, ttA.token, TOKEN_AMOUNT)
  const arrived = await bridgeLeg(ttA, ttB, TOKEN_AMOUNT, [tt, btt])
  await bridgeLeg(ttB, ttA, arrived, [btt, tt])

  // 7. The CosmWasm chain's denom on evm-a (6 → 18 decimals, locked there, minted here), then a
  // round trip EVM → CosmWasm → EVM of part of it, the dust of 18 → 6 staying on evm-a.
  await bridgeLeg(stakeWasm, stakeA, STAKE_AMOUNT, [ustake, bstake])
  const onWasm = await bridgeLeg(stakeA, stakeWasm, STAKE_ROUND_TRIP, [bstake, ustake])
  await bridgeLeg(stakeWasm, stakeA, onWasm, [ustake, bstake])

  // 8. An atomic swap, as the SDK README walks through it: Alice's evm-a ETH for Bob's STAKE.
  // Only the embedded chain signs for a user without a key (Alice); on wasmd, the README's
  // walkthrough is run with the users' own keys.
  if (wasm.node.type === 'embedded') {
    const eth: Format = (amount) => `${formatEther(amount)} ETH`
    const swap = await swapOnDevnet({ evm: a, wasm, amounts: SWAP_AMOUNTS, follow })
    const { before, after } = swap
    finish(
      `atomic swap: ${eth(SWAP_AMOUNTS.evm)} on ${a.name} for ${ustake(SWAP_AMOUNTS.wasm)} on ${wasm.name}`,
      swap.message,
      {
        notes: [
          `Alice claimed Bob's lock on ${wasm.name} with the secret; this message carried it to ${a.name}, whose HTLC paid Bob in the handler (Bob prepaid ${ustake(swap.relayFee)})`,
          `Alice: ${a.name} ${eth(before.alice.evm)} → ${eth(after.alice.evm)}, ${wasm.name} ${ustake(before.alice.wasm)} → ${ustake(after.alice.wasm)}`,
          `Bob: ${a.name} ${eth(before.bob.evm)} → ${eth(after.bob.evm)}, ${wasm.name} ${ustake(before.bob.wasm)} → ${ustake(after.bob.wasm)}`,
        ],
      },
    )
  }
  return outcomes
}

/** Formats a token's base units (`tokenFormatter`). */
type Format = (amount: bigint) => string

/** What the demo moves with OpenZeppelin's bridge: 2.5 tokens of 18 decimals. */
const OPEN_ZEPPELIN_AMOUNT = 25n * 10n ** 17n
/**
 * What the demo sends round trip with Ferry's token bridge, 1.234567891234567891 tokens of 18
 * decimals: 1.234567 arrive as 6-decimal tokens, 0.000000891234567891 stays as dust.
 */
const TOKEN_AMOUNT = 1_234_567_891_234_567_891n
/** The CosmWasm denom the demo brings to evm-a: 5 STAKE (6 decimals). */
const STAKE_AMOUNT = 5_000_000n
/**
 * What of it goes EVM → CosmWasm → EVM: 2.345678912345678912 bSTAKE (18 decimals), of which
 * 2.345678 STAKE arrive and 0.000000912345678912 stays on evm-a as dust.
 */
const STAKE_ROUND_TRIP = 2_345_678_912_345_678_912n

/** What the demo swaps: 0.1 ETH on evm-a for 5 STAKE (6 decimals) on the CosmWasm chain. */
const SWAP_AMOUNTS = { evm: 10n ** 17n, wasm: 5_000_000n }

/** The one test recipient the devnet deploys on each chain. */
function testRecipientOf<chain extends TestChain>(
  chain: chain,
): chain['apps']['testRecipients'][number] {
  const [recipient] = chain.apps.testRecipients
  if (recipient === undefined) throw new Error(`devnet demo: no test recipient on ${chain.name}`)
  return recipient
}

/**
 * `pnpm bench:bridge`: the ERC-7786 gateway's overhead, send and delivery, against the endpoint
 * used directly with the same payload (bench/gateway/measureGateway.ts), and a token transfer's
 * gas on both legs with Ferry's bridges and Hyperlane's warp route (bench/token), each on a
 * fresh in-process EDR chain. Prints tables and writes bench/bridge.json.
 */
import { writeFileSync } from 'node:fs'
import type {} from '@nomicfoundation/hardhat-viem'
import { network } from 'hardhat'
import {
  MEASURED,
  measureGateway,
  PAYLOAD_BYTES,
  SIGNATURES,
  WARMUP,
} from '../bench/gateway/measureGateway.ts'
import {
  measureFerryTransfers,
  measureHyperlaneTransfers,
  MEASURED as TRANSFER_MEASURED,
  SIGNATURES as TRANSFER_SIGNATURES,
  WARMUP as TRANSFER_WARMUP,
} from '../bench/token/measureTokenTransfers.ts'

/** The target: at most this much gas more than the endpoint used directly, each way (issue 16). */
const TARGET_OVERHEAD = 15_000

const gas = await measureGateway((await network.connect()).viem)
const round = (value: number) => Math.round(value)
const overheadSend = round(gas.gatewaySend - gas.directSend)
const overheadDeliver = round(gas.gatewayDeliver - gas.directDeliver)

const fmt = (value: number) => round(value).toLocaleString('en-US')
console.log(
  `Gas per whole transaction (mean gasUsed of ${MEASURED} after ${WARMUP} warm-ups), ${PAYLOAD_BYTES}-byte payload, ${SIGNATURES}-of-${SIGNATURES} proofs\n`,
)
console.log(
  `${'operation'.padEnd(12)}${'direct'.padStart(10)}${'gateway'.padStart(10)}${'overhead'.padStart(10)}`,
)
console.log(
  `${'send'.padEnd(12)}${fmt(gas.directSend).padStart(10)}${fmt(gas.gatewaySend).padStart(10)}${fmt(overheadSend).padStart(10)}`,
)
console.log(
  `${'deliver'.padEnd(12)}${fmt(gas.directDeliver).padStart(10)}${fmt(gas.gatewayDeliver).padStart(10)}${fmt(overheadDeliver).padStart(10)}`,
)

const ferry = await measureFerryTransfers((await network.connect()).viem)
const hyperlane = await measureHyperlaneTransfers((await network.connect()).viem)
const ratio = (a: number, b: number) => Number((a / b).toFixed(3))
console.log(
  `\nToken transfer, one token, gas per whole transaction (mean gasUsed of ${TRANSFER_MEASURED} after ${TRANSFER_WARMUP} warm-ups), ${TRANSFER_SIGNATURES}-of-${TRANSFER_SIGNATURES} proofs\n`,
)
console.log(
  `${'leg'.padEnd(12)}${'ferry'.padStart(10)}${'hyperlane'.padStart(12)}${'ratio'.padStart(8)}`,
)
for (const [leg, f, h] of [
  ['send', ferry.transferSend, hyperlane.transferSend],
  ['deliver', ferry.transferDeliver, hyperlane.transferDeliver],
] as const) {
  console.log(
    `${leg.padEnd(12)}${fmt(f).padStart(10)}${fmt(h).padStart(12)}${ratio(f, h).toFixed(3).padStart(8)}`,
  )
}

const file = new URL('../bench/bridge.json', import.meta.url)
const report = {
  gatewayOverheadSend: overheadSend,
  gatewayOverheadDeliver: overheadDeliver,
  gateway: {
    directSend: round(gas.directSend),
    gatewaySend: round(gas.gatewaySend),
    directDeliver: round(gas.directDeliver),
    gatewayDeliver: round(gas.gatewayDeliver),
    target: TARGET_OVERHEAD,
    setup: `A contract (GatewayBenchSender) sends a ${PAYLOAD_BYTES}-byte payload either with Endpoint.send (body = payload) or with FerryGateway.sendMessage (no attributes), paying exactly the quote, from an EOA; deliveries one message per transaction with a ${SIGNATURES}-of-${SIGNATURES} multisig proof of the latest checkpoint, to NoopRecipient.handle or through the gateway to NoopERC7786Recipient.receiveMessage (both do nothing). One fresh in-process EDR chain; ${WARMUP} warm-ups of each kind, then each kind's ${MEASURED} measured sends fill the same 16-leaf window of a 64-leaf block (direct at S..S+15, gateway at S+32..S+47, the rest sends to a sink), so both pay the same tree insertion and proof length. Overhead = gateway mean - direct mean.`,
  },
  ferry: { transferSend: round(ferry.transferSend), transferDeliver: round(ferry.transferDeliver) },
  hyperlane: {
    transferSend: round(hyperlane.transferSend),
    transferDeliver: round(hyperlane.transferDeliver),
  },
  transferSetup: `One token (18 decimals on both sides) per transfer from an EOA that approved the bridge, to one recipient, on fresh in-process EDR chains; mean of ${TRANSFER_MEASURED} after ${TRANSFER_WARMUP} warm-ups; one message per delivery transaction with a ${TRANSFER_SIGNATURES}-of-${TRANSFER_SIGNATURES} multisig proof. Ferry: CollateralTokenBridge -> SyntheticTokenBridge, paying exactly quoteTransfer's fee, unlimited rate limits (the buckets are still read and written). ${hyperlane.setup}`,
}
writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`)
console.log('\nwrote bench/bridge.json')
const over = [
  ['send', overheadSend],
  ['deliver', overheadDeliver],
].filter(([, value]) => Number(value) > TARGET_OVERHEAD)
if (over.length > 0)
  console.log(`over the ${TARGET_OVERHEAD} target: ${over.map(([w]) => w).join(', ')}`)

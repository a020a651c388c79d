/**
 * `pnpm bench:remote-calls`: gas of `callRemote` with one call, send side and delivery side, for
 * Ferry's InterchainAccountRouter and Hyperlane's, each on a fresh in-process EDR chain. Prints
 * a table and writes bench/remote-calls.json.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import type {} from '@nomicfoundation/hardhat-viem'
import { network } from 'hardhat'
import { measureFerryRemoteCalls } from '../bench/remote-calls/measureFerryRemoteCalls.ts'
import { measureHyperlaneRemoteCalls } from '../bench/remote-calls/measureHyperlaneRemoteCalls.ts'
import { FERRY_ACK_GAS_LIMIT, MEASURED, SIGNATURES, WARMUP } from '../bench/remote-calls/params.ts'

/** The target: Ferry at most this fraction of Hyperlane's gas on each side (issue 14). */
const TARGET_RATIO = 0.8

const ferry = await measureFerryRemoteCalls((await network.connect()).viem, 0)
const ferryWithAck = await measureFerryRemoteCalls(
  (await network.connect()).viem,
  FERRY_ACK_GAS_LIMIT,
)
const hyperlane = await measureHyperlaneRemoteCalls((await network.connect()).viem)

const round = (gas: number) => Math.round(gas)
const ratio = (a: number, b: number) => Number((a / b).toFixed(3))
const rows = [
  ['callRemote send', ferry.callRemoteSend, hyperlane.callRemoteSend],
  ['callRemote deliver', ferry.callRemoteDeliver, hyperlane.callRemoteDeliver],
  ['first deliver (deploys the account)', ferry.firstDeliver, hyperlane.firstDeliver],
  ['callRemote send, with ack', ferryWithAck.callRemoteSend, undefined],
  ['callRemote deliver, sends the ack', ferryWithAck.callRemoteDeliver, undefined],
  ['ack deliver on the origin (EOA owner)', ferryWithAck.ackDeliver ?? 0, undefined],
] as const
const fmt = (gas: number | undefined) =>
  gas === undefined ? '' : round(gas).toLocaleString('en-US')
console.log(
  `Gas per whole transaction (mean gasUsed of ${MEASURED} after ${WARMUP} warm-ups), one call, ${SIGNATURES}-of-${SIGNATURES} proofs\n`,
)
console.log(
  `${'operation'.padEnd(40)}${'ferry'.padStart(10)}${'hyperlane'.padStart(12)}${'ratio'.padStart(8)}`,
)
for (const [what, f, h] of rows) {
  console.log(
    `${what.padEnd(40)}${fmt(f).padStart(10)}${fmt(h).padStart(12)}${(h === undefined ? '' : ratio(f, h).toFixed(3)).padStart(8)}`,
  )
}
console.log(`\nHyperlane setup: ${hyperlane.setup}`)

const file = new URL('../bench/remote-calls.json', import.meta.url)
/** The round trip is the examples' bench's (it needs the devnet): kept as that bench wrote it. */
const roundTrip = (() => {
  try {
    const { roundTripMs = null, roundTripBlocks = null } = JSON.parse(readFileSync(file, 'utf8'))
    return { roundTripMs, roundTripBlocks }
  } catch {
    return { roundTripMs: null, roundTripBlocks: null }
  }
})()
const report = {
  ferry: {
    callRemoteSend: round(ferry.callRemoteSend),
    callRemoteDeliver: round(ferry.callRemoteDeliver),
  },
  hyperlane: {
    callRemoteSend: round(hyperlane.callRemoteSend),
    callRemoteDeliver: round(hyperlane.callRemoteDeliver),
  },
  ...roundTrip,
  ratios: {
    callRemoteSend: ratio(ferry.callRemoteSend, hyperlane.callRemoteSend),
    callRemoteDeliver: ratio(ferry.callRemoteDeliver, hyperlane.callRemoteDeliver),
    target: TARGET_RATIO,
  },
  firstDeliver: { ferry: ferry.firstDeliver, hyperlane: hyperlane.firstDeliver },
  ferryWithAck: {
    ackGasLimit: FERRY_ACK_GAS_LIMIT,
    callRemoteSend: round(ferryWithAck.callRemoteSend),
    callRemoteDeliver: round(ferryWithAck.callRemoteDeliver),
    ackDeliver: round(ferryWithAck.ackDeliver ?? 0),
  },
  setup: `One call (RemoteCallTarget.increment(1)) per batch from an EOA, on fresh in-process EDR chains; mean of ${MEASURED} transactions after ${WARMUP} warm-ups (measured sends at tree leaves ${WARMUP}..${WARMUP + MEASURED - 1}); one message per delivery transaction with a ${SIGNATURES}-of-${SIGNATURES} multisig proof of the latest checkpoint; the owner's account already deployed (firstDeliver: the delivery that deploys it). Ferry without an ack (Hyperlane's ICA has none; ferryWithAck: the same with an ack of ${FERRY_ACK_GAS_LIMIT} gas). ${hyperlane.setup}`,
}
writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`)
console.log('\nwrote bench/remote-calls.json')
const over = (['callRemoteSend', 'callRemoteDeliver'] as const).filter(
  (key) => report.ratios[key] > TARGET_RATIO,
)
if (over.length > 0) console.log(`over the ${TARGET_RATIO} target: ${over.join(', ')}`)

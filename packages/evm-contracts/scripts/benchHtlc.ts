/**
 * `pnpm bench:htlc`: gas of lock, claim and refund for Ferry's HashedTimelock against a minimal
 * reference HTLC (bench/htlc/measureHtlc.ts), on a fresh in-process EDR chain. Prints a table
 * and writes bench/htlc.json, keeping the "cosmwasm" figures the testkit's wasmd bench writes
 * there (`pnpm --filter @ferry/testkit bench:htlc`, it needs wasmd).
 */
import { readFileSync, writeFileSync } from 'node:fs'
import type {} from '@nomicfoundation/hardhat-viem'
import { network } from 'hardhat'
import { CLAIM_GAS_LIMIT, MEASURED, measureHtlc, WARMUP } from '../bench/htlc/measureHtlc.ts'

const { ferry, ferryRelay, reference } = await measureHtlc((await network.connect()).viem)
const round = (gas: number) => Math.round(gas)
const fmt = (gas: number) => round(gas).toLocaleString('en-US')
console.log(
  `HTLC gas per whole transaction, native token (mean gasUsed of ${MEASURED} after ${WARMUP} warm-ups)\n`,
)
console.log(
  `${'operation'.padEnd(10)}${'ferry'.padStart(10)}${'reference'.padStart(12)}${'extra'.padStart(9)}${'ferry+relay'.padStart(14)}`,
)
for (const op of ['lock', 'claim', 'refund'] as const) {
  console.log(
    `${op.padEnd(10)}${fmt(ferry[op]).padStart(10)}${fmt(reference[op]).padStart(12)}${fmt(ferry[op] - reference[op]).padStart(9)}${fmt(ferryRelay[op]).padStart(14)}`,
  )
}

const rounded = (gas: { lock: number; claim: number; refund: number }) => ({
  lock: round(gas.lock),
  claim: round(gas.claim),
  refund: round(gas.refund),
})
const file = new URL('../bench/htlc.json', import.meta.url)
/** The CosmWasm HTLC's wasmd figures are the testkit's bench's: kept as it wrote them. */
const cosmwasm = (() => {
  try {
    return JSON.parse(readFileSync(file, 'utf8')).cosmwasm ?? null
  } catch {
    return null
  }
})()
const report = {
  ferry: rounded(ferry),
  reference: rounded(reference),
  ferryWithRelay: rounded(ferryRelay),
  setup: `Native token, one in-process EDR chain, whole-transaction gasUsed from an EOA, mean of ${MEASURED} after ${WARMUP} warm-ups of each operation (the locker's nonce slot and both accounts warm). ferry: HashedTimelock.lock / claim / refund without a relay. reference: ReferenceHtlc (contracts/test), the least a native HTLC does: the id is the hash of the terms, four storage slots, sha256 of a 32-byte preimage, no ERC-20, nonces, guard or relay. ferryWithRelay: lockWithRelay prepaying the quote, a claim that sends the 65-byte preimage message through the endpoint (handler gas ${CLAIM_GAS_LIMIT}), and a refund that credits the fee back. The peer's delivery of that message is a regular Ferry delivery (see gas.json).`,
}
writeFileSync(file, `${JSON.stringify({ ...report, cosmwasm }, null, 2)}\n`)
console.log('\nwrote bench/htlc.json')

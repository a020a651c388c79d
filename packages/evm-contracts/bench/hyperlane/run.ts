/**
 * Standalone run of the Hyperlane gas bench: `node bench/hyperlane/run.ts` from packages/evm-contracts.
 * Measures the production-like deployment (proxied Mailbox/IGP) and, for reference, the same
 * contracts without proxies, each on its own fresh in-process network, and prints a table.
 */
// Type-only: brings in the `viem` field hardhat-viem adds to network connections, so this file
// typechecks on its own (the plugin itself is enabled in hardhat.config.ts).
import type {} from '@nomicfoundation/hardhat-viem'
import { network } from 'hardhat'
import type { HyperlaneGas } from './measureHyperlane.ts'
import { measureHyperlane } from './measureHyperlane.ts'

async function measure(proxies: boolean): Promise<HyperlaneGas> {
  // Each connect() starts a separate in-process EDR chain, so the two runs do not share state.
  const { viem } = await network.connect()
  return measureHyperlane(viem, { proxies })
}

const proxied = await measure(true)
const bare = await measure(false)

const rows: [string, number, number][] = [
  ...(['0', '32', '256', '1024'] as const).map((size): [string, number, number] => [
    `dispatch, ${size}-byte body`,
    proxied.dispatch[size],
    bare.dispatch[size],
  ]),
  ...(['1', '3', '5'] as const).map((n): [string, number, number] => [
    `process, ${n}-of-${n} merkle-root multisig`,
    proxied.process[n],
    bare.process[n],
  ]),
]

const fmt = (gas: number): string => Math.round(gas).toLocaleString('en-US')
const labelWidth = Math.max(...rows.map(([label]) => label.length))
const line = (label: string, a: string, b: string): string =>
  `${label.padEnd(labelWidth)}  ${a.padStart(14)}  ${b.padStart(14)}`

console.log('Hyperlane gas (mean whole-transaction gasUsed)\n')
console.log(line('operation', 'proxied', 'no proxies'))
console.log(line('-'.repeat(labelWidth), '-'.repeat(14), '-'.repeat(14)))
for (const [label, a, b] of rows) console.log(line(label, fmt(a), fmt(b)))
console.log(`\nSetup (proxied column): ${proxied.setup}`)

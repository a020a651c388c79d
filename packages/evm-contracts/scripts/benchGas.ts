/**
 * `pnpm bench`: gas of Ferry's endpoint next to Hyperlane's real contracts on the same in-process
 * EDR network, with the floor of each operation. Prints a table and writes bench/gas.json.
 */
import { writeFileSync } from 'node:fs'
import type {} from '@nomicfoundation/hardhat-viem'
import { network } from 'hardhat'
import { batchFloorPerMessage, deliverFloor, sendFloor } from '../bench/ferry/floors.ts'
import { measureFerry } from '../bench/ferry/measureFerry.ts'
import { measureHyperlane } from '../bench/hyperlane/measureHyperlane.ts'
import { DEEP_TREE_SIZE, PROCESS_BODY_BYTES } from '../bench/hyperlane/params.ts'

// Each connect() is a fresh chain, so neither side warms the other's storage.
const ferry = await measureFerry((await network.connect()).viem)
const hyperlane = await measureHyperlane((await network.connect()).viem, {
  proxies: false,
  deepTreeSize: DEEP_TREE_SIZE,
})
const hyperlaneDeep = hyperlane.processDeepTree
if (!hyperlaneDeep) throw new Error('bench: the Hyperlane run did not measure the deep tree')
const hyperlaneProxied = await measureHyperlane((await network.connect()).viem, { proxies: true })

type Row = { operation: string; ferry: number; hyperlane: number | undefined; floor: number }
const rows: Row[] = [
  ...(['0', '32', '256', '1024'] as const).map((size) => ({
    operation: `send, ${size}-byte body`,
    ferry: ferry.send[size].gas,
    hyperlane: hyperlane.dispatch[size],
    floor: sendFloor(Number(size), ferry.send[size].calldata),
  })),
  {
    operation: 'send with ack, 32-byte body',
    ferry: ferry.sendWithAck['32'].gas,
    hyperlane: undefined,
    floor: sendFloor(32, ferry.sendWithAck['32'].calldata),
  },
  ...(['1', '3', '5'] as const).map((count) => ({
    operation: `deliver, ${count} signature(s)`,
    ferry: ferry.deliver[count].gas,
    hyperlane: hyperlane.process[count],
    floor: deliverFloor(
      Number(count),
      PROCESS_BODY_BYTES,
      ferry.deliver[count].calldata,
      ferry.recipientExecution,
    ),
  })),
  ...(['1', '3', '5'] as const).map((count) => ({
    operation: `deliver, ${count} signature(s), tree of ${DEEP_TREE_SIZE.toLocaleString('en-US')}`,
    ferry: ferry.deliverTree65536[count].gas,
    hyperlane: hyperlaneDeep[count],
    floor: deliverFloor(
      Number(count),
      PROCESS_BODY_BYTES,
      ferry.deliverTree65536[count].calldata,
      ferry.recipientExecution,
    ),
  })),
  {
    operation: 'deliverBatch of 10, 3 signatures, per message',
    ferry: ferry.batch10PerMessage.gas,
    hyperlane: hyperlane.process['3'],
    floor: batchFloorPerMessage(
      10,
      3,
      PROCESS_BODY_BYTES,
      ferry.batch10PerMessage.calldata,
      ferry.recipientExecution,
    ),
  },
]

const fmt = (gas: number) => Math.round(gas).toLocaleString('en-US')
const ratio = (a: number, b: number | undefined) => (b === undefined ? '' : (a / b).toFixed(3))
const header = ['operation', 'ferry', 'hyperlane', 'ratio', 'floor', 'ferry/floor']
const table = rows.map((row) => [
  row.operation,
  fmt(row.ferry),
  row.hyperlane === undefined ? '' : fmt(row.hyperlane),
  ratio(row.ferry, row.hyperlane),
  fmt(row.floor),
  ratio(row.ferry, row.floor),
])
const widths = header.map((_, i) =>
  Math.max(header[i]?.length ?? 0, ...table.map((cells) => cells[i]?.length ?? 0)),
)
const line = (cells: string[]) =>
  cells
    .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
    .join('  ')
console.log('Gas per whole transaction (mean gasUsed from receipts); Hyperlane bare (no proxies)')
console.log('ferry/floor: how far each figure sits above the floor (bench/ferry/floors.ts)\n')
console.log(line(header))
console.log(line(widths.map((width) => '-'.repeat(width))))
for (const cells of table) console.log(line(cells))
console.log(`\nHyperlane setup: ${hyperlane.setup}`)

const round = <K extends string>(record: Record<K, number>) =>
  Object.fromEntries(
    Object.entries<number>(record).map(([key, gas]) => [key, Math.round(gas)]),
  ) as Record<K, number>
const gasOf = <K extends string>(record: Record<K, { gas: number }>) =>
  round(
    Object.fromEntries(
      Object.entries<{ gas: number }>(record).map(([key, { gas }]) => [key, gas]),
    ) as Record<K, number>,
  )
const report = {
  ferry: {
    send: gasOf(ferry.send),
    sendWithAck: gasOf(ferry.sendWithAck),
    deliver: gasOf(ferry.deliver),
    deliverTree65536: gasOf(ferry.deliverTree65536),
    batch10PerMessage: Math.round(ferry.batch10PerMessage.gas),
  },
  hyperlane: {
    dispatch: round(hyperlane.dispatch),
    process: round(hyperlane.process),
    processTree65536: round(hyperlaneDeep),
  },
  hyperlaneProxied: {
    dispatch: round(hyperlaneProxied.dispatch),
    process: round(hyperlaneProxied.process),
  },
  ratios: Object.fromEntries(
    rows
      .filter((row) => row.hyperlane !== undefined)
      .map((row) => [row.operation, Number(ratio(row.ferry, row.hyperlane))]),
  ),
  floors: Object.fromEntries(rows.map((row) => [row.operation, Math.round(row.floor)])),
  ratiosToFloor: Object.fromEntries(
    rows.map((row) => [row.operation, Number(ratio(row.ferry, row.floor))]),
  ),
  batchVersusSingleDelivery: Number(
    (ferry.batch10PerMessage.gas / ferry.deliver['3'].gas).toFixed(3),
  ),
  hyperlaneSetup: hyperlane.setup,
}
writeFileSync(new URL('../bench/gas.json', import.meta.url), `${JSON.stringify(report, null, 2)}\n`)
console.log('\nwrote bench/gas.json')

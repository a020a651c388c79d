// `pnpm bench:rollup` (and the end of `pnpm bench`): how well the origin's quote prices a
// delivery to an OP Stack rollup (Hardhat's `chainType: 'op'`), per body size, written to
// bench/rollup.json. quoteAccuracy is quoted / actual total cost: the quote (the testkit's 1:1
// fee config, so in the rollup's wei) over the delivery receipt's gasUsed × effectiveGasPrice +
// l1Fee. l1QuoteAccuracy is the quote's L1 part over the receipt's l1Fee alone. Bodies are random
// bytes (incompressible), the relayer syncs the L1 fee parameters before each send.
import { writeFileSync } from 'node:fs'
import { getL1DataFee } from '@ferry/protocol'
import { openStore } from '../src/store/openStore.ts'
import { startAgents } from '../test/world/agents.ts'
import { evmAgentChain } from '../test/world/evmAdapters.ts'
import { randomBody, startRollupWorld } from '../test/world/rollupWorld.ts'

const SIZES = [0, 1024, 16_384] as const

const rollup = await startRollupWorld()
const store = await openStore('memory://')
const validatorStore = await openStore('memory://')
const agents = await startAgents({
  chains: [evmAgentChain(rollup.a, 1), evmAgentChain(rollup.b, 1)],
  store,
  validatorStore,
})
const round = (value: number) => Math.round(value * 1000) / 1000
const quoteAccuracy: Record<string, number> = {}
const l1QuoteAccuracy: Record<string, number> = {}
try {
  for (const length of SIZES) {
    await rollup.sync(store)
    const quoted = await rollup.quote(length)
    const quotedL1 = getL1DataFee(await rollup.l1FeeConfig(), length)
    const delivery = await rollup.delivery(await rollup.send(randomBody(length)))
    const actual = delivery.gasUsed * delivery.effectiveGasPrice + delivery.l1Fee
    quoteAccuracy[length] = round(Number(quoted) / Number(actual))
    l1QuoteAccuracy[length] = round(Number(quotedL1) / Number(delivery.l1Fee))
    console.log(
      `body ${length} B: quoted ${quoted} wei, paid ${actual} wei (gas ${delivery.gasUsed} × ${delivery.effectiveGasPrice} + L1 ${delivery.l1Fee}), ` +
        `ratio ${quoteAccuracy[length]}, L1 part ${l1QuoteAccuracy[length]}`,
    )
  }
} finally {
  await agents.stop()
  await store.close()
  await validatorStore.close()
  await rollup.stop()
}
const result = { quoteAccuracy, l1QuoteAccuracy }
writeFileSync(
  new URL('../bench/rollup.json', import.meta.url),
  `${JSON.stringify(result, null, 2)}\n`,
)
console.log(JSON.stringify(result))

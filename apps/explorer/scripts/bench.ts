// The explorer's figures (`pnpm bench` here; not run in CI), written to bench/explorer.json:
// - firstPageJsGzipBytes: the JS the first page loads (the entry chunk and its static imports,
//   from Vite's manifest), minified and gzipped; target ≤ 150 kB;
// - messagePageP50Ms: from navigation to a message page showing its status, p50 over 20 loads
//   on the devnet; target ≤ 800 ms;
// - liveUpdateP50Ms: from the delivery's block (first seen on the destination, polled every
//   25 ms) to an open message page showing "delivered" (through the SSE stream), p50 over 10
//   messages; target ≤ 1 s.
// Needs the built explorer (`pnpm build`) and Debian's chromium.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { createEvmChainReader } from '@ferry/sdk'
import type { Hex } from 'viem'
import { sendText, startExplorerWorld, untilApi } from '../test/world.ts'

const root = join(import.meta.dirname, '..')
const dist = join(root, 'dist')

type ManifestChunk = {
  file: string
  imports?: string[]
  isEntry?: boolean
  isDynamicEntry?: boolean
}
// CAST: Vite's manifest format (build.manifest).
const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8')) as Record<
  string,
  ManifestChunk
>
const gzipOf = (file: string) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length
const firstPage = new Set<string>()
const visit = (key: string) => {
  const chunk = manifest[key]
  if (!chunk || firstPage.has(chunk.file)) return
  firstPage.add(chunk.file)
  for (const imported of chunk.imports ?? []) visit(imported)
}
for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key)
const firstPageJsGzipBytes = [...firstPage]
  .filter((f) => f.endsWith('.js'))
  .reduce((sum, f) => sum + gzipOf(f), 0)
const allJs = Object.values(manifest).filter((chunk) => chunk.file.endsWith('.js'))
console.log(
  `first page JS: ${(firstPageJsGzipBytes / 1000).toFixed(1)} kB min+gzip (target ≤ 150 kB), in ${[...firstPage].join(', ')}`,
)
for (const chunk of allJs.filter((c) => !firstPage.has(c.file)))
  console.log(`  loaded on demand: ${chunk.file} ${(gzipOf(chunk.file) / 1000).toFixed(1)} kB`)

const p50 = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN
}

const world = await startExplorerWorld({ name: 'bench' })
try {
  const context = await world.browser.newContext({ viewport: { width: 1280, height: 900 } })
  const page = await context.newPage()

  const { id } = await sendText(world.devnet, { from: 'evm-a', to: 'evm-b', body: 'bench' })
  await untilApi(world.devnet, id, (d) => d.stage === 'done')
  const loads: number[] = []
  for (let i = 0; i < 21; i++) {
    await page.goto('about:blank')
    const started = performance.now()
    await page.goto(`${world.url}/message/${id}`)
    await page.getByTestId('status').filter({ hasText: 'delivered' }).waitFor()
    if (i > 0) loads.push(performance.now() - started) // the first load warms the cache
  }
  const messagePageP50Ms = Math.round(p50(loads))
  console.log(
    `message page: p50 ${messagePageP50Ms} ms over ${loads.length} loads (target ≤ 800 ms)`,
  )

  const evmB = world.devnet.file.chains.find((chain) => chain.name === 'evm-b')
  if (evmB?.kind !== 'evm') throw new Error('no evm-b')
  const reader = createEvmChainReader({
    domain: evmB.domain,
    // CAST: the devnet file's endpoint is a 0x address.
    endpoint: evmB.endpoint as Hex,
    rpcUrls: [evmB.rpcUrl],
  })
  const updates: number[] = []
  for (let i = 0; i < 10; i++) {
    const sent = await sendText(world.devnet, { from: 'evm-a', to: 'evm-b', body: `live ${i}` })
    await page.goto(`${world.url}/message/${sent.id}`)
    await page.getByTestId('status').waitFor()
    // The page records when its status first reads "delivered".
    await page.evaluate(() => {
      const w = window as unknown as { __deliveredAt?: number }
      const check = () => {
        if (
          w.__deliveredAt === undefined &&
          document.querySelector('[data-testid="status"]')?.textContent === 'delivered'
        )
          w.__deliveredAt = Date.now()
      }
      check()
      new MutationObserver(check).observe(document.body, {
        subtree: true,
        childList: true,
        characterData: true,
      })
    })
    const detail = (await (
      await fetch(`${world.devnet.file.apiUrl}/v1/messages/${sent.id}`)
    ).json()) as { encoded: Hex }
    let deliveredBlockSeenAt: number | undefined
    for (
      const deadline = Date.now() + 60_000;
      Date.now() < deadline && deliveredBlockSeenAt === undefined;
    ) {
      if ((await reader.getMessageStatus(detail.encoded)) !== 0) deliveredBlockSeenAt = Date.now()
      else await new Promise((resolve) => setTimeout(resolve, 25))
    }
    if (deliveredBlockSeenAt === undefined) throw new Error(`${sent.id} was not delivered`)
    await page.getByTestId('status').filter({ hasText: 'delivered' }).waitFor()
    const shownAt = await page.evaluate(
      () => (window as unknown as { __deliveredAt?: number }).__deliveredAt,
    )
    if (shownAt === undefined) throw new Error('the page never recorded the delivery')
    updates.push(shownAt - deliveredBlockSeenAt)
  }
  const liveUpdateP50Ms = Math.round(p50(updates))
  console.log(
    `live update: p50 ${liveUpdateP50Ms} ms over ${updates.length} deliveries (target ≤ 1000 ms); all: ${updates.join(', ')}`,
  )

  mkdirSync(join(root, 'bench'), { recursive: true })
  writeFileSync(
    join(root, 'bench/explorer.json'),
    `${JSON.stringify({ firstPageJsGzipBytes, messagePageP50Ms, liveUpdateP50Ms }, null, 2)}\n`,
  )
  console.log('wrote bench/explorer.json')
} finally {
  await world.stop()
}

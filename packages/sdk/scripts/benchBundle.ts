// The SDK's weight in a browser dApp (bundled by src/test/bundleSendTrackApp.ts): what an EVM app
// doing send + waitForMessage loads at start, each chunk gzipped as a browser fetches it, against
// the 20 kB target, with the inputs that weigh most; the chunks loaded by `import()` (the CosmWasm
// branches) are printed apart, with the total of every chunk. Fails if any chunk imports a `node:`
// module. `pnpm bench` here writes `sendTrackBundleBytesGzip` (at start) and
// `sendTrackAllChunksBytesGzip` to bench/sdk.json (the examples' latency bench adds its own keys).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { bundleSendTrackApp } from '../src/test/bundleSendTrackApp.ts'

/** The target for the gzipped bundle ("The dApp SDK"). */
const TARGET_BYTES = 20_000

const { eager, lazy, nodeImports } = await bundleSendTrackApp()
if (nodeImports.length > 0) {
  console.error(`The browser bundle imports Node modules:\n  ${nodeImports.join('\n  ')}`)
  process.exit(1)
}
const sum = (chunks: { gzipBytes: number }[]) =>
  chunks.reduce((total, { gzipBytes }) => total + gzipBytes, 0)
const eagerBytes = sum(eager)
const allBytes = eagerBytes + sum(lazy)

console.log(
  `send + waitForMessage (EVM), loaded at start (${eager.length} chunks): ${eagerBytes} B gzipped (target ≤ ${TARGET_BYTES} B: ${eagerBytes <= TARGET_BYTES ? 'met' : 'over'})`,
)
console.log(`every chunk, the ${lazy.length} lazy ones included: ${allBytes} B gzipped`)
console.log('heaviest inputs loaded at start (minified bytes):')
for (const { input, bytesInOutput } of eager
  .flatMap(({ inputs }) => inputs)
  .sort((a, b) => b.bytesInOutput - a.bytesInOutput)
  .slice(0, 12))
  console.log(`  ${String(bytesInOutput).padStart(7)}  ${input}`)
console.log('lazy chunks (gzipped bytes, heaviest input):')
for (const { path, gzipBytes, inputs } of lazy)
  console.log(
    `  ${String(gzipBytes).padStart(7)}  ${path}  (${inputs[0]?.input ?? 're-exports a shared chunk'})`,
  )

const packageRoot = join(import.meta.dirname, '..')
const file = join(packageRoot, 'bench/sdk.json')
mkdirSync(join(packageRoot, 'bench'), { recursive: true })
let figures: Record<string, unknown> = {}
try {
  figures = JSON.parse(readFileSync(file, 'utf8'))
} catch {
  // No figures yet: this bench writes the first.
}
writeFileSync(
  file,
  `${JSON.stringify({ ...figures, sendTrackBundleBytesGzip: eagerBytes, sendTrackAllChunksBytesGzip: allBytes }, null, 2)}\n`,
)

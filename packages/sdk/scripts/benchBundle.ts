// The SDK's weight in a browser dApp: bundles sendTrackApp.ts (send + waitForMessage on EVM) with
// esbuild as a dApp's bundler would (minified, ESM, for browsers), leaving out what the dApp has
// anyway (viem) or that only CosmWasm chains load (cosmjs, cosmjs-types), gzips it and prints
// the size against the 20 kB target with the inputs that weigh most. Fails if the bundle imports
// a `node:` module (the SDK must run in a browser). `pnpm bench` here writes
// `sendTrackBundleBytesGzip` to bench/sdk.json (the examples' latency bench adds its own keys).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'

/** This package's folder, where bench/sdk.json goes. */
const packageRoot = join(import.meta.dirname, '..')
/** The target for the gzipped bundle ("The dApp SDK"). */
const TARGET_BYTES = 20_000

const result = await build({
  entryPoints: [join(import.meta.dirname, 'sendTrackApp.ts')],
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  write: false,
  metafile: true,
  outfile: 'sendTrack.js',
  // Left to the dApp's own copy; `node:*` stays external so that the check below can name it.
  external: ['viem', 'viem/*', '@cosmjs/*', 'cosmjs-types', 'cosmjs-types/*', 'node:*'],
  logLevel: 'warning',
})
const [output] = result.outputFiles
if (!output) throw new Error('esbuild wrote no bundle')

const nodeImports = Object.entries(result.metafile.inputs).flatMap(([input, { imports }]) =>
  imports.filter(({ path }) => path.startsWith('node:')).map(({ path }) => `${input} → ${path}`),
)
if (nodeImports.length > 0) {
  console.error(`The browser bundle imports Node modules:\n  ${nodeImports.join('\n  ')}`)
  process.exit(1)
}

const gzipBytes = gzipSync(output.contents, { level: 9 }).length
const [bundle] = Object.values(result.metafile.outputs)
const heaviest = Object.entries(bundle?.inputs ?? {})
  .map(([input, { bytesInOutput }]) => ({ input, bytesInOutput }))
  .sort((a, b) => b.bytesInOutput - a.bytesInOutput)
  .slice(0, 12)
console.log(
  `send + waitForMessage (EVM) bundle: ${output.contents.length} B minified, ${gzipBytes} B gzipped (target ≤ ${TARGET_BYTES} B: ${gzipBytes <= TARGET_BYTES ? 'met' : 'over'})`,
)
console.log('heaviest inputs (minified bytes in the bundle):')
for (const { input, bytesInOutput } of heaviest)
  console.log(`  ${String(bytesInOutput).padStart(7)}  ${input}`)

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
  `${JSON.stringify({ ...figures, sendTrackBundleBytesGzip: gzipBytes }, null, 2)}\n`,
)

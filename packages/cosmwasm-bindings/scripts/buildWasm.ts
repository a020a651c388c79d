// Builds the CosmWasm contracts written in AssemblyScript (contract/) into build/*.wasm with the
// `asc` compiler of the `assemblyscript` devDependency. `pnpm run build:wasm`.
//
// The flags are what a real CosmWasm VM accepts (checked by
// test/contract/wasmStatic.test.ts): no bulk-memory, sign-extension, non-trapping float-to-int
// or mutable-global features; no start section (`--exportStart`, and the transform makes every
// export call the start function); `abort` replaced by one with the VM's `env.abort(region)`
// signature; the stub runtime (a bump allocator, see contract/assembly/runtime/region.ts).
import { mkdirSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import asc from 'assemblyscript/asc'
import type { Transform } from 'assemblyscript/transform'
import { StartFromEntryPoints } from './startFromEntryPoints.ts'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')

/** Each contract: entry file under contract/, output under build/. */
const targets = [
  { entry: 'contract/assembly/endpoint.ts', out: 'build/endpoint.wasm' },
  { entry: 'contract/test/testRecipient.ts', out: 'build/test-recipient.wasm' },
  { entry: 'contract/examples/pingPong.ts', out: 'build/ping-pong.wasm' },
  // Interchain accounts: the router (an EndpointApp), the factory and the account.
  { entry: 'contract/ica/router.ts', out: 'build/ica-router.wasm' },
  { entry: 'contract/ica/factory.ts', out: 'build/ica-factory.wasm' },
  { entry: 'contract/ica/account.ts', out: 'build/ica-account.wasm' },
  // Token bridge: one contract, native (lock) or synthetic (CW20-compatible mint) mode.
  { entry: 'contract/token/bridge.ts', out: 'build/token-bridge.wasm' },
  // Hash time-locked contracts (atomic swaps, spec/apps/htlc.md), an EndpointApp.
  { entry: 'contract/htlc/htlc.ts', out: 'build/htlc.wasm' },
  // Test-only: smart queries running the endpoint's codec, tree, digests and verifier.
  { entry: 'contract/test/codecProbe.ts', out: 'build/codec-probe.wasm' },
]

const flags = [
  '--runtime',
  'stub',
  '--exportStart',
  '_start',
  '--disable',
  'bulk-memory,sign-extension,nontrapping-f2i,mutable-globals',
  '--use',
  'abort=contract/assembly/runtime/abort/cosmwasmAbort',
  '--optimizeLevel',
  '3',
  '--shrinkLevel',
  '1',
  '--noAssert',
]

let quiet = false

/** Silences the size lines (tests build in-process). */
export function setQuiet(value: boolean): void {
  quiet = value
}

async function build(entry: string, out: string): Promise<void> {
  mkdirSync(join(root, dirname(out)), { recursive: true })
  const { error, stderr } = await asc.main(
    [
      entry,
      '--outFile',
      out,
      '--textFile',
      out.replace(/\.wasm$/, '.wat'),
      ...flags,
      '--baseDir',
      root,
    ],
    // CAST: asc accepts a transform class and instantiates it, assigning `binaryen` and the rest.
    { transforms: [StartFromEntryPoints as unknown as Transform] },
  )
  if (error) {
    process.stderr.write(stderr.toString())
    throw new Error(`asc failed for ${entry}: ${error.message}`)
  }
  if (!quiet) process.stdout.write(`${out}: ${statSync(join(root, out)).size} bytes\n`)
}

/** Builds every contract (or those whose output path contains one of `only`). */
export async function buildContracts(only: readonly string[] = []): Promise<void> {
  for (const { entry, out } of targets) {
    if (only.length === 0 || only.some((name) => out.includes(name))) await build(entry, out)
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href)
  await buildContracts(process.argv.slice(2))

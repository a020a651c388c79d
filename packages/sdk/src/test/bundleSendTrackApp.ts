// Bundles scripts/sendTrackApp.ts (send + waitForMessage on EVM, importing `@ferry/sdk` by name
// from its built `dist`) with esbuild as a dApp's bundler would: minified, ESM with code
// splitting, for browsers, leaving out what the dApp has anyway (viem) or what only CosmWasm chains
// load (cosmjs, cosmjs-types). Shared by the bundle bench (figures) and the bundle test (what may
// load at start).
import { join, relative } from 'node:path'
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'

/** One output chunk: its gzipped size and the inputs (source files) in it, heaviest first. */
export type BundleChunk = {
  path: string
  gzipBytes: number
  inputs: { input: string; bytesInOutput: number }[]
}

export type BundleSendTrackAppReturnType = {
  /** The entry chunk and every chunk it imports statically: what an EVM app loads at start. */
  eager: BundleChunk[]
  /** The chunks loaded by `import()` only (the CosmWasm branches). */
  lazy: BundleChunk[]
  /** `input → node:module` for every `node:` import in any chunk (must be none). */
  nodeImports: string[]
}

const packageRoot = join(import.meta.dirname, '../..')
/** Where esbuild names the chunks; nothing is written there (`write: false`). */
const outdir = join(packageRoot, 'bench/bundle')
/** The app; esbuild also counts each `import()` target as an entry point, so this one is named. */
const app = join(packageRoot, 'scripts/sendTrackApp.ts')

export async function bundleSendTrackApp(): Promise<BundleSendTrackAppReturnType> {
  const result = await build({
    entryPoints: [app],
    absWorkingDir: packageRoot,
    bundle: true,
    minify: true,
    format: 'esm',
    splitting: true,
    platform: 'browser',
    target: 'es2022',
    write: false,
    metafile: true,
    outdir,
    // Left to the dApp's own copy; `node:*` stays external so that callers can name it.
    external: ['viem', 'viem/*', '@cosmjs/*', 'cosmjs-types', 'cosmjs-types/*', 'node:*'],
    logLevel: 'warning',
  })
  const nodeImports = Object.entries(result.metafile.inputs).flatMap(([input, { imports }]) =>
    imports.filter(({ path }) => path.startsWith('node:')).map(({ path }) => `${input} → ${path}`),
  )
  // The metafile names outputs relative to absWorkingDir, outputFiles by absolute path.
  const outputs = result.metafile.outputs
  const gzipOf = new Map(
    result.outputFiles.map((file) => [
      relative(packageRoot, file.path),
      gzipSync(file.contents, { level: 9 }).length,
    ]),
  )
  const entry = Object.keys(outputs).find(
    (path) => outputs[path]?.entryPoint === relative(packageRoot, app),
  )
  if (entry === undefined) throw new Error('esbuild wrote no entry chunk')
  const eager = new Set<string>()
  for (const pending = [entry]; pending.length > 0; ) {
    const path = pending.pop() ?? ''
    if (eager.has(path)) continue
    eager.add(path)
    for (const { path: imported, kind } of outputs[path]?.imports ?? [])
      if (kind === 'import-statement' && imported in outputs) pending.push(imported)
  }
  const toChunk = (path: string): BundleChunk => ({
    path: relative(outdir, path),
    gzipBytes: gzipOf.get(path) ?? 0,
    inputs: Object.entries(outputs[path]?.inputs ?? {})
      .map(([input, { bytesInOutput }]) => ({ input, bytesInOutput }))
      .filter(({ bytesInOutput }) => bytesInOutput > 0)
      .sort((a, b) => b.bytesInOutput - a.bytesInOutput),
  })
  const chunks = Object.keys(outputs).filter((path) => path.endsWith('.js'))
  return {
    eager: chunks.filter((path) => eager.has(path)).map(toChunk),
    lazy: chunks.filter((path) => !eager.has(path)).map(toChunk),
    nodeImports,
  }
}

import { dirname, join, relative } from 'node:path'
import { describe, expect, test } from 'vitest'
import { importedPackage, readImports, readWorkspace, repoRoot } from './workspace.js'

// The layers, lowest first: a package may depend on and import only packages of a lower layer
// (protocol ← contracts and bindings ← sdk ← relayer ← devnet ← examples and the explorer).
// Private packages (the spec's vectors, the test kit, this test) serve tests only.
const LAYER: Record<string, number> = {
  '@ferry/protocol': 0,
  '@ferry/evm-contracts': 1,
  '@ferry/cosmwasm-bindings': 1,
  // Test worlds: above the chain packages it deploys, below everything whose tests use it (the
  // sdk's included).
  '@ferry/testkit': 1.5,
  '@ferry/sdk': 2,
  '@ferry/relayer': 3,
  '@ferry/devnet': 4,
  // What a dApp developer copies, and CI runs against an in-process devnet.
  '@ferry/examples': 5,
  // A web app: its browser tests run against an in-process devnet, like the examples; what it
  // runs in the browser is held to RUNTIME_IMPORTS below.
  '@ferry/explorer': 5,
}
// Packages whose run-time code (what ships) may import only these workspace packages: the
// explorer runs in a browser, on the browser-safe sdk and protocol alone.
const RUNTIME_IMPORTS: Record<string, readonly string[]> = {
  '@ferry/explorer': ['@ferry/sdk', '@ferry/protocol'],
}
// Packages whose code must run in a browser: no `node:` module.
const BROWSER_SAFE = new Set(['@ferry/protocol', '@ferry/sdk', '@ferry/explorer'])

// Where the tree does not yet have the shape the layering wants: each entry names the one place
// it allows and why. The test fails when an entry no longer matches anything, so that the list
// only shrinks.
const KNOWN: { rule: string; file: RegExp; why: string }[] = []

const packages = readWorkspace()
const names = new Set(packages.map(({ name }) => name))
const privateNames = new Set(packages.filter((pkg) => pkg.private).map(({ name }) => name))
const imports = packages.flatMap(readImports)

type Violation = { rule: string; file: string; detail: string }

function violations(): Violation[] {
  const found: Violation[] = []
  for (const pkg of packages) {
    const own = LAYER[pkg.name]
    if (own === undefined) continue
    for (const dependency of pkg.dependencies) {
      const allowed = RUNTIME_IMPORTS[pkg.name]
      if (allowed && names.has(dependency) && !allowed.includes(dependency))
        found.push({
          rule: 'runtime',
          file: relative(repoRoot, join(pkg.dir, 'package.json')),
          detail: `${pkg.name} depends at run time on ${dependency}`,
        })
      const layer = LAYER[dependency]
      if (names.has(dependency) && (layer === undefined || layer >= own))
        found.push({
          rule: privateNames.has(dependency) ? 'private' : 'dependency',
          file: relative(repoRoot, join(pkg.dir, 'package.json')),
          detail: `${pkg.name} depends on ${dependency}`,
        })
    }
  }
  for (const { from, file, specifier, runtime } of imports) {
    const own = LAYER[from]
    const target = importedPackage(specifier, names)
    const allowed = RUNTIME_IMPORTS[from]
    if (allowed && runtime && target !== undefined && target !== from && !allowed.includes(target))
      found.push({ rule: 'runtime', file, detail: `${from} imports ${target} in code that ships` })
    if (target === from) {
      // Tests and scripts use their package through its entry points, as users do.
      if (runtime)
        found.push({ rule: 'barrel', file, detail: `imports its own package (${specifier})` })
    } else if (target !== undefined && own !== undefined) {
      const layer = LAYER[target]
      // A published package must run without them; a private one (the devnet) may use them.
      if (privateNames.has(target) && runtime && !privateNames.has(from))
        found.push({ rule: 'private', file, detail: `imports private ${target} at run time` })
      else if (layer !== undefined && layer >= own)
        found.push({ rule: 'layer', file, detail: `${from} imports ${target}, not below it` })
    }
    // A browser-safe package may keep a Node-only entry point in `src/node/` (`@ferry/sdk/node`),
    // which nothing else in it imports.
    const nodeEntry = /^packages\/[^/]+\/src\/node\//
    if (specifier.startsWith('node:') && BROWSER_SAFE.has(from) && runtime && !nodeEntry.test(file))
      found.push({ rule: 'browser-safe', file, detail: `imports ${specifier}` })
    if (
      BROWSER_SAFE.has(from) &&
      runtime &&
      !nodeEntry.test(file) &&
      /^\.\.?\//.test(specifier) &&
      nodeEntry.test(join(dirname(file), specifier))
    )
      found.push({ rule: 'browser-safe', file, detail: `imports the Node-only ${specifier}` })
    if (/^\.\.?\//.test(specifier) && leavesPackage(file, specifier))
      found.push({
        rule: 'outside',
        file,
        detail: `reaches into another package's folder (${specifier}): import its entry points`,
      })
    if (runtime && /^\.\.?\//.test(specifier) && isOwnBarrel(file, specifier))
      found.push({
        rule: 'barrel',
        file,
        detail: `imports its package's entry point (${specifier})`,
      })
  }
  return found
}

/** The package folder `file` (repo-relative) lives in. */
function packageDirOf(file: string): string | undefined {
  const pkg = packages.find(({ dir }) => file.startsWith(`${relative(repoRoot, dir)}/`))
  return pkg && relative(repoRoot, pkg.dir)
}

/**
 * Whether the relative `specifier`, imported by `file`, points into another package's folder
 * (the workspace root's shared config, `vitest.shared.ts`, belongs to none).
 */
function leavesPackage(file: string, specifier: string): boolean {
  const target = packageDirOf(join(dirname(file), specifier))
  return target !== undefined && target !== packageDirOf(file)
}

/** Whether `specifier`, imported by `file`, is its package's `src/index.ts`. */
function isOwnBarrel(file: string, specifier: string): boolean {
  const target = join(dirname(file), specifier).replace(/\.js$/, '.ts')
  const pkg = packages.find(({ dir }) => file.startsWith(`${relative(repoRoot, dir)}/`))
  return pkg !== undefined && target === join(relative(repoRoot, pkg.dir), 'src/index.ts')
}

describe('layering', () => {
  const found = violations()
  const known = (violation: Violation) =>
    KNOWN.some(({ rule, file }) => rule === violation.rule && file.test(violation.file))

  test('every package imports and depends only on the packages below it', () => {
    expect(found.filter((violation) => !known(violation))).toEqual([])
  })

  test('every known exception still matches something (the list only shrinks)', () => {
    const unused = KNOWN.filter(
      ({ rule, file }) =>
        !found.some((violation) => violation.rule === rule && file.test(violation.file)),
    )
    expect(unused.map(({ why }) => why)).toEqual([])
  })

  test('the scan sees the workspace: every layered package, and its imports', () => {
    for (const name of Object.keys(LAYER).filter((name) => names.has(name)))
      expect(
        imports.some(({ from }) => from === name),
        name,
      ).toBe(true)
    expect(names).toContain('@ferry/protocol')
    expect(names).toContain('@ferry/spec')
  })
})

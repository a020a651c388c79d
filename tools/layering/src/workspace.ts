// Reads the workspace: each package's name, folder, privacy and dependencies, and every import in
// its TypeScript files, each marked runtime or not (tests, test helpers, scripts, benches).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'

export type WorkspacePackage = {
  name: string
  dir: string
  private: boolean
  dependencies: string[]
}

export type SourceImport = {
  /** The importing package. */
  from: string
  /** The file, relative to the repository. */
  file: string
  /** What the import names: a package (`@ferry/protocol`, `node:fs`) or a relative path. */
  specifier: string
  /** False for tests, test helpers, scripts and benches, which never run in a user's program. */
  runtime: boolean
}

export const repoRoot = join(import.meta.dirname, '../../..')

const WORKSPACE_GLOBS = ['spec', 'packages/*', 'apps/*', 'tools/*', 'examples']
const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'build', 'artifacts', 'cache', 'generated'])
// AssemblyScript: compiled to wasm, it imports nothing from the workspace.
const SKIPPED_PATHS = ['packages/cosmwasm-bindings/contract/']
const NOT_RUNTIME =
  /(\.test\.ts|\.test-d\.ts|\.bench\.ts)$|(^|\/)(test|scripts|bench)\/|vitest\.config\.ts$|hardhat\.config\.ts$/

export function readWorkspace(): WorkspacePackage[] {
  const dirs = WORKSPACE_GLOBS.flatMap((glob) => {
    if (!glob.endsWith('/*')) return [join(repoRoot, glob)]
    const parent = join(repoRoot, glob.slice(0, -2))
    if (!existsSync(parent)) return []
    return readdirSync(parent).map((name) => join(parent, name))
  })
  return dirs
    .filter((dir) => existsSync(join(dir, 'package.json')))
    .map((dir) => {
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
      return {
        name: manifest.name,
        dir,
        private: manifest.private === true,
        dependencies: Object.keys(manifest.dependencies ?? {}),
      }
    })
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (SKIPPED_PATHS.some((skipped) => relative(repoRoot, path).startsWith(skipped))) return []
    if (statSync(path).isDirectory()) return SKIPPED_DIRS.has(name) ? [] : sourceFiles(path)
    return /\.(ts|tsx|mts)$/.test(name) && !name.endsWith('.d.ts') ? [path] : []
  })
}

const BLOCK_COMMENT = /\/\*[\s\S]*?\*\//g
// A `//` after a colon or a quote is part of a URL or a string, not a comment.
const LINE_COMMENT = /(^|[^:'"`])\/\/.*$/gm
// `import … from 'x'`, `export … from 'x'`, `import 'x'`, `import('x')`.
const IMPORT = /(?:\bfrom\s+|\bimport\s*\(\s*|\bimport\s+)['"]([^'"]+)['"]/g

export function readImports(pkg: WorkspacePackage): SourceImport[] {
  return sourceFiles(pkg.dir).flatMap((path) => {
    const file = relative(repoRoot, path)
    const inPackage = relative(pkg.dir, path)
    // Comments go first: doc comments' `@example`s import the package they document.
    const text = readFileSync(path, 'utf8').replace(BLOCK_COMMENT, '').replace(LINE_COMMENT, '$1')
    return [...text.matchAll(IMPORT)].map(([, specifier = '']) => ({
      from: pkg.name,
      file,
      specifier,
      runtime: !NOT_RUNTIME.test(inPackage),
    }))
  })
}

/** The workspace package an import names (`@ferry/cosmwasm-bindings/embedded` → `@ferry/cosmwasm-bindings`), if any. */
export function importedPackage(specifier: string, names: ReadonlySet<string>): string | undefined {
  const [scope, name] = specifier.split('/')
  const candidate = `${scope}/${name}`
  return names.has(candidate) ? candidate : undefined
}

import { readFileSync } from 'node:fs'
import { dirname, isAbsolute, resolve } from 'node:path'
import { LineCounter, parseDocument } from 'yaml'
import { applyEnvOverrides } from './envOverrides.js'
import { ConfigError, type ConfigIssue } from './errors.js'
import type { SignerConfig } from './fields.js'
import { type FerryConfig, FerryConfigSchema } from './schema.js'
import { toConfigIssues } from './toConfigIssues.js'

export type LoadConfigParameters = {
  /** The config file: read unless `text` is given, named in errors, and the base of relative paths. */
  path?: string | undefined
  /** The config's YAML text, instead of reading `path` (tests, embedding). */
  text?: string | undefined
  /** Environment for `FERRY__…` overrides (see `applyEnvOverrides`); usually `process.env`. */
  env: Readonly<Record<string, string | undefined>>
  /** Base of relative paths when there is no `path`. Default: the working directory. */
  baseDir?: string | undefined
}

export type LoadConfigReturnType = FerryConfig

export type LoadConfigErrorType = ConfigError

/**
 * Reads a Ferry config: parses the YAML, applies `FERRY__…` environment overrides, validates the
 * result (fields, then references between sections), and resolves relative paths (signer key
 * files, a `file:` store) against the config file's directory, so the agent's working directory
 * does not matter. Throws one `ConfigError` listing every issue with its field path, or the line
 * and column of a YAML syntax error. Reads no secrets (see `resolveSigner`). Synchronous: it runs
 * once, at start-up, before there is anything else to do.
 *
 * Unquoted `0x…` and `0o…` scalars stay strings (YAML 1.2 would read `0x5FbD…` as a number and
 * lose the address).
 *
 * @example
 * const config = loadConfig({ path: 'ferry.yaml', env: process.env })
 * config.chains.map((chain) => chain.name) // ['hardhat-a', 'wasm']
 */
export function loadConfig({
  path,
  text,
  env,
  baseDir,
}: LoadConfigParameters): LoadConfigReturnType {
  const file = path ?? '<text>'
  const fail = (issues: ConfigIssue[]): never => {
    throw new ConfigError({ file, issues })
  }

  let source = text
  if (source === undefined) {
    if (path === undefined) return fail([{ field: '(file)', message: 'no config file given' }])
    try {
      source = readFileSync(path, 'utf8')
    } catch (error) {
      const code = error instanceof Error && 'code' in error ? String(error.code) : 'unknown error'
      return fail([
        {
          field: '(file)',
          message: `cannot read the file (${code === 'ENOENT' ? 'no such file' : code})`,
        },
      ])
    }
  }

  const lineCounter = new LineCounter()
  const yaml = parseDocument(source, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
    customTags: (tags) =>
      tags.filter(
        (tag) => typeof tag === 'string' || (tag.format !== 'HEX' && tag.format !== 'OCT'),
      ),
  })
  if (yaml.errors.length > 0) {
    return fail(
      yaml.errors.map((error) => {
        const { line, col } = lineCounter.linePos(error.pos[0])
        return {
          field: '(yaml)',
          message: error.message.split('\n')[0] ?? error.code,
          line,
          column: col,
        }
      }),
    )
  }
  let document: unknown
  try {
    document = yaml.toJS({ maxAliasCount: 1_000 })
  } catch (error) {
    return fail([
      { field: '(yaml)', message: error instanceof Error ? error.message : String(error) },
    ])
  }

  const overridden = applyEnvOverrides({ document, env })
  const parsed = FerryConfigSchema.safeParse(overridden.document)
  const issues = [
    ...overridden.issues,
    ...(parsed.success
      ? []
      : toConfigIssues({
          issues: parsed.error.issues,
          document: overridden.document,
          sources: overridden.sources,
        })),
  ]
  if (issues.length > 0 || !parsed.success) return fail(issues)

  return resolvePaths(
    parsed.data,
    path === undefined ? resolve(baseDir ?? '.') : dirname(resolve(path)),
  )
}

/** The config with relative file paths made absolute against `base`. */
function resolvePaths(config: FerryConfig, base: string): FerryConfig {
  const signer = <T extends SignerConfig | undefined>(ref: T): T =>
    ref?.source === 'file' && !isAbsolute(ref.file)
      ? { ...ref, file: resolve(base, ref.file) }
      : ref
  return {
    ...config,
    store:
      config.store.kind === 'pglite'
        ? { ...config.store, dataDir: resolve(base, config.store.dataDir) }
        : config.store,
    chains: config.chains.map((chain) => ({ ...chain, signer: signer(chain.signer) })),
    ...(config.validator === undefined
      ? {}
      : { validator: { ...config.validator, signer: signer(config.validator.signer) } }),
  }
}

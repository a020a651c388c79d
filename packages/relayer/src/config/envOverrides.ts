import type { ConfigIssue } from './errors.js'

/**
 * Prefix of override variables; single-underscore `FERRY_…` variables (keys, `FERRY_CONFIG`) are not overrides.
 *
 * @example
 * `${ENV_OVERRIDE_PREFIX}LOG__LEVEL` // 'FERRY__LOG__LEVEL'
 */
export const ENV_OVERRIDE_PREFIX = 'FERRY__'

/** Lists of named entries that a path segment selects by name rather than by index. */
const KEYED_LISTS = new Map([
  ['chains', 'name'],
  ['validators', 'origin'],
])
/** Maps keyed by chain name, whose new keys must be spelt as the chain is. */
const CHAIN_KEYED_MAPS = new Set(['relayer.feePolicy.minimumFee'])

export type ApplyEnvOverridesParameters = {
  /** The parsed YAML document (not modified). */
  document: unknown
  env: Readonly<Record<string, string | undefined>>
}

export type ApplyEnvOverridesReturnType = {
  /** A copy of `document` with every override applied. */
  document: unknown
  /** Which variable set which path, so validation issues can name it. */
  sources: { path: (string | number)[]; variable: string }[]
  /** Overrides that could not be applied, each naming its variable. */
  issues: ConfigIssue[]
}

/**
 * Applies `FERRY__<PATH>` environment variables to a parsed config, so one file serves several
 * deployments and secrets-bearing values (a PostgreSQL URL) can stay out of it:
 * - `__` separates path segments; each segment is the field's name in upper snake case
 *   (`FERRY__RELAYER__BATCH_SIZE` → `relayer.batchSize`, `FERRY__LOG__LEVEL` → `log.level`).
 * - Chains are addressed by name (`FERRY__CHAINS__HARDHAT_A__RPC_URLS` → the chain named
 *   `hardhat-a`), validator sets by origin (`FERRY__VALIDATORS__HARDHAT_A__THRESHOLD`), and
 *   `relayer.feePolicy.minimumFee` entries by chain name. An unknown name is an error.
 * - A value that parses as JSON is used as JSON (`2`, `true`, `["http://a"]`, `{"env":"K"}`),
 *   else as a string. Integers beyond 2^53 stay strings, so amounts keep every digit.
 * - Variables apply in name order, so `FERRY__STORE__URL` wins over a `url` inside `FERRY__STORE`.
 * Missing sections are created; whole lists are replaced with a JSON value.
 *
 * @example
 * applyEnvOverrides({ document: { log: { level: 'info' } }, env: { FERRY__LOG__LEVEL: 'debug' } })
 * // { document: { log: { level: 'debug' } }, sources: [{ path: ['log', 'level'], variable: 'FERRY__LOG__LEVEL' }], issues: [] }
 */
export function applyEnvOverrides({
  document,
  env,
}: ApplyEnvOverridesParameters): ApplyEnvOverridesReturnType {
  const variables = Object.keys(env)
    .filter((name) => name.startsWith(ENV_OVERRIDE_PREFIX) && env[name] !== undefined)
    .sort()
  const result: ApplyEnvOverridesReturnType = {
    document: structuredClone(document),
    sources: [],
    issues: [],
  }
  if (variables.length === 0) return result
  if (result.document === null || result.document === undefined) result.document = {}
  if (!isRecord(result.document)) return result // the schema reports a root that is not a mapping
  const root = result.document

  for (const variable of variables) {
    const fail = (message: string) => result.issues.push({ field: variable, message })
    const segments = variable.slice(ENV_OVERRIDE_PREFIX.length).toUpperCase().split('__')
    if (segments.some((segment) => !/^[A-Z0-9]+(?:_[A-Z0-9]+)*$/.test(segment))) {
      fail(
        'path segments must be letters and digits joined by single underscores, separated by "__"',
      )
      continue
    }
    // CAST: the filter above kept only names whose value is defined.
    const value = parseValue(env[variable] as string)
    const path: (string | number)[] = []
    let node: unknown = root
    for (const [index, segment] of segments.entries()) {
      const last = index === segments.length - 1
      const at = path.filter((part) => typeof part === 'string').join('.')
      let key: string | number
      if (Array.isArray(node)) {
        const keyField = KEYED_LISTS.get(at)
        if (keyField === undefined) {
          fail(`${at} is a list: set it whole, as JSON`)
          break
        }
        key = node.findIndex(
          (item) =>
            isRecord(item) &&
            typeof item[keyField] === 'string' &&
            toEnvSegment(item[keyField]) === segment,
        )
        if (key < 0) {
          const names = node.flatMap((item) =>
            isRecord(item) && typeof item[keyField] === 'string' ? [item[keyField]] : [],
          )
          fail(
            `no ${at} entry whose ${keyField} matches ${segment} (${at}: ${names.join(', ') || 'none'})`,
          )
          break
        }
      } else if (isRecord(node)) {
        const existing = Object.keys(node).find((name) => toEnvSegment(name) === segment)
        if (existing !== undefined) key = existing
        else if (CHAIN_KEYED_MAPS.has(at)) {
          const chains = Array.isArray(root.chains) ? root.chains : []
          const names = chains.flatMap((chain) =>
            isRecord(chain) && typeof chain.name === 'string' ? [chain.name] : [],
          )
          const name = names.find((candidate) => toEnvSegment(candidate) === segment)
          if (name === undefined) {
            fail(`no chain whose name matches ${segment} (chains: ${names.join(', ') || 'none'})`)
            break
          }
          key = name
        } else key = toCamelCase(segment)
      } else {
        fail(`${at} is not a section, so it has no field ${toCamelCase(segment)}`)
        break
      }
      path.push(key)
      // CAST: `node` is an array or a record here, and `key` an index or a key of it.
      const container = node as Record<string | number, unknown>
      if (last) {
        container[key] = value
        result.sources.push({ path, variable })
      } else {
        // Own properties only: `CONSTRUCTOR` must not walk into Object.prototype.
        if (
          !Object.hasOwn(container, key) ||
          container[key] === undefined ||
          container[key] === null
        )
          container[key] = {}
        node = container[key]
      }
    }
  }
  return result
}

/** How a field or chain name is spelt in a variable: `rpcUrls` → `RPC_URLS`, `hardhat-a` → `HARDHAT_A`. */
function toEnvSegment(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/-/g, '_')
    .toUpperCase()
}

/** A segment as a field name: `RPC_URLS` → `rpcUrls`. */
function toCamelCase(segment: string): string {
  return segment.toLowerCase().replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase())
}

function parseValue(raw: string): unknown {
  // JSON would round a long integer to a double: keep amounts exact as strings.
  if (/^-?\d+$/.test(raw) && !Number.isSafeInteger(Number(raw))) return raw
  try {
    return JSON.parse(raw)
  } catch {
    return raw
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

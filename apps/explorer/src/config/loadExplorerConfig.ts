import { BaseError } from '@ferry/protocol'

/**
 * What the served page is told (`/config.json`, written by `ferry explorer` or the devnet next to
 * the static files): the relayer API's URL and, optionally, the chains in the devnet file's shape
 * (`.devnet/devnet.json`: RPC URLs, endpoints, validators), which the SDK's `devnetChains` reads.
 * Without chains the explorer works from the API alone and offers no wallet actions.
 */
export type ExplorerConfig = {
  apiUrl: string
  /** The devnet file, as served; checked by the SDK's `devnetChains` when the page needs chains. */
  chains?: unknown
}

/** `/config.json` is missing a field or has a bad one: names it. */
export class InvalidExplorerConfigError extends BaseError {
  override name = 'InvalidExplorerConfigError'
  readonly field: string
  constructor({ field, problem, source }: { field: string; problem: string; source: string }) {
    super(`${source}: \`${field}\` ${problem}.`)
    this.field = field
  }
}

/**
 * Checks a parsed `/config.json`.
 *
 * @example
 * const config = toExplorerConfig(await (await fetch('/config.json')).json())
 */
export function toExplorerConfig(value: unknown, source = '/config.json'): ExplorerConfig {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new InvalidExplorerConfigError({ field: '(root)', problem: 'must be an object', source })
  // CAST: checked to be a non-null, non-array object just above.
  const record = value as Record<string, unknown>
  const { apiUrl, chains } = record
  if (typeof apiUrl !== 'string')
    throw new InvalidExplorerConfigError({ field: 'apiUrl', problem: 'must be a string', source })
  let url: URL
  try {
    url = new URL(apiUrl)
  } catch {
    throw new InvalidExplorerConfigError({ field: 'apiUrl', problem: 'must be a URL', source })
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new InvalidExplorerConfigError({ field: 'apiUrl', problem: 'must be http(s)', source })
  return { apiUrl: apiUrl.replace(/\/+$/, ''), ...(chains !== undefined && { chains }) }
}

/**
 * Fetches and checks the page's config, next to the page (`./config.json`).
 *
 * @example
 * const config = await loadExplorerConfig()
 */
export async function loadExplorerConfig(fetchImpl: typeof fetch = fetch): Promise<ExplorerConfig> {
  const response = await fetchImpl('/config.json', { headers: { accept: 'application/json' } })
  if (!response.ok)
    throw new InvalidExplorerConfigError({
      field: '(file)',
      problem: `could not be read (HTTP ${response.status})`,
      source: '/config.json',
    })
  return toExplorerConfig(await response.json())
}

import { BaseError } from '@ferry/protocol'
import type { ApiPaths as paths } from '@ferry/sdk'
import { useQuery } from '@tanstack/react-query'
import { useExplorer } from '../context.tsx'

/** The relayer API could not be reached (network, CORS, or a 5xx): the page says so in a banner. */
export class ApiUnreachableError extends BaseError {
  override name = 'ApiUnreachableError'
  constructor({ url, cause }: { url: string; cause?: Error | undefined }) {
    super(`The relayer API at ${url} cannot be reached.`, { cause, retryable: true })
  }
}

/** The API answered with an error body (a 4xx other than 404). */
export class ApiAnswerError extends BaseError {
  override name = 'ApiAnswerError'
  readonly code: string
  constructor({ code, message }: { code: string; message: string }) {
    super(message)
    this.code = code
  }
}

/** openapi-fetch's answer, as the hooks below want it: data, null for 404, or a named error. */
async function answer<T>(
  apiUrl: string,
  request: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T | null> {
  let result: { data?: T; error?: unknown; response: Response }
  try {
    result = await request
  } catch (error) {
    throw new ApiUnreachableError({
      url: apiUrl,
      cause: error instanceof Error ? error : undefined,
    })
  }
  if (result.data !== undefined) return result.data
  if (result.response.status === 404) return null
  if (result.response.status >= 500 || result.response.status === 429)
    throw new ApiUnreachableError({ url: apiUrl })
  // CAST: every API error answers `#/components/schemas/Error`.
  const body = result.error as { error?: { code?: string; message?: string } } | undefined
  throw new ApiAnswerError({
    code: body?.error?.code ?? 'unknown',
    message: body?.error?.message ?? `HTTP ${result.response.status}`,
  })
}

export type MessagesQuery = NonNullable<paths['/v1/messages']['get']['parameters']['query']>

/** `GET /v1/messages` with `query` (keyed by it); the SSE stream invalidates it. */
export function useMessages(query: MessagesQuery, { enabled = true }: { enabled?: boolean } = {}) {
  const { api, config } = useExplorer()
  return useQuery({
    queryKey: ['messages', query],
    queryFn: ({ signal }) =>
      answer(config.apiUrl, api.GET('/v1/messages', { params: { query }, signal })),
    enabled,
  })
}

/** `GET /v1/messages/{id}`: null when the relayer has never seen it. */
export function useMessage(id: string, { enabled = true }: { enabled?: boolean } = {}) {
  const { api, config } = useExplorer()
  return useQuery({
    queryKey: ['message', id],
    queryFn: ({ signal }) =>
      answer(config.apiUrl, api.GET('/v1/messages/{id}', { params: { path: { id } }, signal })),
    enabled,
  })
}

/** `GET /v1/channels/{channel}`: null when unknown. */
export function useChannel(channel: string | undefined) {
  const { api, config } = useExplorer()
  return useQuery({
    queryKey: ['channel', channel],
    queryFn: ({ signal }) =>
      answer(
        config.apiUrl,
        api.GET('/v1/channels/{channel}', { params: { path: { channel: channel ?? '' } }, signal }),
      ),
    enabled: channel !== undefined,
  })
}

/** `GET /v1/stats`: messages by stage; the SSE stream invalidates it. */
export function useStats() {
  const { api, config } = useExplorer()
  return useQuery({
    queryKey: ['stats'],
    queryFn: ({ signal }) => answer(config.apiUrl, api.GET('/v1/stats', { signal })),
  })
}

/** `GET /v1/chains`, refreshed every few seconds (heads move without lifecycle events). */
export function useChains() {
  const { api, config } = useExplorer()
  return useQuery({
    queryKey: ['chains'],
    queryFn: ({ signal }) => answer(config.apiUrl, api.GET('/v1/chains', { signal })),
    refetchInterval: 3_000,
  })
}

/** `GET /v1/validators`. */
export function useValidators() {
  const { api, config } = useExplorer()
  return useQuery({
    queryKey: ['validators'],
    queryFn: ({ signal }) => answer(config.apiUrl, api.GET('/v1/validators', { signal })),
    refetchInterval: 5_000,
  })
}

/**
 * Domain → chain name, from `/v1/chains`, else from the page's chains file (the API may be
 * down), else the domain itself.
 */
export function useChainName(): (domain: number) => string {
  const chains = useChains()
  const { config } = useExplorer()
  // CAST: the devnet file's chains carry a domain and a name; read loosely, for names only.
  const fileChains =
    (config.chains as { chains?: { domain?: unknown; name?: unknown }[] } | undefined)?.chains ?? []
  return (domain) => {
    const fromApi = chains.data?.items.find((chain) => chain.domain === domain)?.name
    const fromFile = fileChains.find((chain) => chain.domain === domain)?.name
    return fromApi ?? (typeof fromFile === 'string' ? fromFile : `domain ${domain}`)
  }
}

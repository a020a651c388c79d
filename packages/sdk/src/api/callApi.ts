import type { FerryClient } from '../client/createFerryClient.js'
import { ApiRequestError } from '../errors/ApiRequestError.js'
import type { paths } from '../generated/openapi.js'

/** The relayer API's paths that answer `GET` with JSON. */
export type ApiGetPath = {
  [path in keyof paths]: paths[path] extends {
    get: { responses: { 200: { content: { 'application/json': unknown } } } }
  }
    ? path
    : never
}[keyof paths]

type Operation<path extends ApiGetPath> = paths[path]['get']

/** What `GET path` answers with 200, as the generated types say. */
export type ApiResponse<path extends ApiGetPath> =
  Operation<path>['responses'][200]['content']['application/json']

/** The error body every API error carries (`#/components/schemas/Error`). */
export type ApiErrorBody = { error: { code: string; message: string; details?: unknown } }

export type CallApiParameters<path extends ApiGetPath> = {
  /** Path parameters by name (`{ id }` for `/v1/messages/{id}`). */
  path?: Record<string, string> | undefined
  query?: NonNullable<Operation<path>['parameters']['query']> | undefined
  signal?: AbortSignal | undefined
}

/** The answer: its JSON on 200, or the API's error body (a 4xx that is an answer, not a failure). */
export type CallApiReturnType<path extends ApiGetPath> =
  | { ok: true; data: ApiResponse<path> }
  | { ok: false; status: number; error: ApiErrorBody['error'] }

export type CallApiErrorType = ApiRequestError

/**
 * `GET` one route of the client's relayer API (`client.apiUrl`), typed by the OpenAPI document's
 * generated types (`src/generated/openapi.ts`): a thin wrapper over `fetch`, so the SDK needs no
 * HTTP client. 4xx answers come back as `{ ok: false, error }`; a network failure, a 5xx, a 429
 * or a body that is not JSON throws `ApiRequestError` (retryable).
 *
 * @example
 * const answer = await callApi(client, '/v1/messages/{id}', { path: { id } })
 * if (answer.ok) console.log(answer.data.stage, answer.data.reason)
 */
export async function callApi<path extends ApiGetPath>(
  client: Pick<FerryClient, 'apiUrl' | 'fetch'>,
  path: path,
  { path: pathParams = {}, query, signal }: CallApiParameters<path> = {},
): Promise<CallApiReturnType<path>> {
  if (client.apiUrl === undefined) throw new ApiRequestError({ url: path, reason: 'no_api' })
  const filled = path.replace(/\{(\w+)\}/g, (_, name: string) =>
    encodeURIComponent(pathParams[name] ?? ''),
  )
  const search = new URLSearchParams()
  for (const [name, value] of Object.entries(query ?? {}))
    if (value !== undefined) search.set(name, String(value))
  const url = `${client.apiUrl}${filled}${search.size > 0 ? `?${search}` : ''}`
  let response: Response
  try {
    response = await client.fetch(url, {
      signal: signal ?? null,
      headers: { accept: 'application/json' },
    })
  } catch (error) {
    if (signal?.aborted) throw error
    throw new ApiRequestError({ url, reason: 'unreachable', cause: error })
  }
  const body: unknown = await response.json().catch(() => undefined)
  if (response.ok && body !== undefined)
    // CAST: the relayer answers 200 with the documented schema (its contract test checks it).
    return { ok: true, data: body as ApiResponse<path> }
  if (
    response.status >= 400 &&
    response.status < 500 &&
    response.status !== 429 &&
    isErrorBody(body)
  )
    return { ok: false, status: response.status, error: body.error }
  throw new ApiRequestError({ url, reason: 'bad_answer', status: response.status })
}

function isErrorBody(body: unknown): body is ApiErrorBody {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false
  const { error } = body
  return (
    typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
  )
}

import type { ApiPaths as paths } from '@ferry/sdk'
import createClient, { type Client } from 'openapi-fetch'

/** The relayer API's typed client (openapi-fetch over the generated `paths`). */
export type Api = Client<paths>

/**
 * A typed client of the relayer API at `apiUrl`, generated from `spec/api/openapi.json`.
 *
 * @example
 * const api = createApi('http://127.0.0.1:8080')
 * const { data } = await api.GET('/v1/messages/{id}', { params: { path: { id } } })
 */
export function createApi(
  apiUrl: string,
  fetchImpl: typeof fetch = (...args) => fetch(...args),
): Api {
  return createClient<paths>({ baseUrl: apiUrl, fetch: fetchImpl })
}

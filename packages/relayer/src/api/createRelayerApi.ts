import { OpenAPIHono } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { cors } from 'hono/cors'
import { HTTPException } from 'hono/http-exception'
import { ApiError, errorBody } from './errors.js'
import { apiKeyAuth } from './middleware/apiKeyAuth.js'
import { createRateLimiter } from './middleware/createRateLimiter.js'
import { limitBody } from './middleware/limitBody.js'
import { rateLimit } from './middleware/rateLimit.js'
import { registerChainRoutes } from './routes/chains.js'
import { registerChannelRoutes } from './routes/channels.js'
import { registerEventRoutes } from './routes/events.js'
import { registerHealthRoutes } from './routes/health.js'
import { registerMessageRoutes } from './routes/messages.js'
import { registerMetricsRoute } from './routes/metrics.js'
import { registerOperatorRoutes } from './routes/operatorActions.js'
import { registerSimulationRoute } from './routes/simulation.js'
import { registerStatsRoute } from './routes/stats.js'
import { BEARER_SCHEME } from './schemas/operator.js'
import type { ApiApp, RelayerApiDeps, RelayerApiOptions } from './types.js'
import { validationHook } from './validationHook.js'

/** Where the OpenAPI 3.1 document is served. */
export const OPENAPI_PATH = '/v1/openapi.json'

/**
 * The relayer's operator API as a Hono app (serve it with `startRelayerApi`, or call
 * `app.request` in-process): messages, channels, chains and validators under `/v1`, message
 * counts by stage at `/v1/stats`, their OpenAPI 3.1 document at `/v1/openapi.json` (generated
 * from the schemas that validate each request), lifecycle events as SSE at `/v1/events`, `/healthz`, `/readyz` and `/metrics`.
 * Every error is JSON `{ error: { code, message, details? } }`: 400 for bad input, 404, 405 with
 * `Allow`, 413 past the body limit, 429 with `Retry-After` past the client's rate limit (on
 * `/v1/*`; probes and scrapes are not limited).
 *
 * @example
 * ```ts
 * const app = createRelayerApi(deps, { rateLimit: { requestsPerSecond: 20, burst: 40 } })
 * const response = await app.request('/v1/messages?limit=10')
 * ```
 */
export function createRelayerApi(deps: RelayerApiDeps, options: RelayerApiOptions): ApiApp {
  const log = deps.logger?.child({ module: 'api' })
  const app = new OpenAPIHono({ defaultHook: validationHook })

  app.use('*', async (c, next) => {
    const started = performance.now()
    await next()
    log?.debug(
      {
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round(performance.now() - started),
      },
      'request',
    )
  })
  // Before the rate limit, so that a refused request still carries the headers a browser needs
  // to read its 429. Only the listed origins; reads only; `Last-Event-ID` for the event stream.
  const allowed = new Set(options.corsOrigins ?? [])
  if (allowed.size > 0)
    app.use(
      '*',
      cors({
        origin: (origin) => (allowed.has(origin) ? origin : null),
        allowMethods: ['GET', 'HEAD'],
        allowHeaders: ['Accept', 'Last-Event-ID'],
        exposeHeaders: ['Retry-After'],
        maxAge: 600,
      }),
    )
  app.use('*', limitBody(options.maxBodyBytes ?? 16 * 1024))
  app.use('/v1/*', rateLimit(createRateLimiter(options.rateLimit), options.clientKey))
  // After the rate limit, so guessing keys is as slow as any other request.
  app.use(
    '/v1/*',
    apiKeyAuth(deps.store, { requireKeyForReads: options.requireKeyForReads ?? false }),
  )
  app.openAPIRegistry.registerComponent('securitySchemes', BEARER_SCHEME, {
    type: 'http',
    scheme: 'bearer',
    description: 'An API key from `ferry api-key create`: `read`, or `operate` for writes.',
  })

  registerMessageRoutes(app, deps)
  registerOperatorRoutes(app, deps)
  registerSimulationRoute(app, deps)
  registerStatsRoute(app, deps)
  registerChannelRoutes(app, deps)
  registerChainRoutes(app, deps)
  registerEventRoutes(app, deps, options)
  registerHealthRoutes(app, deps)
  registerMetricsRoute(app, deps)
  app.doc31(OPENAPI_PATH, {
    openapi: '3.1.0',
    info: {
      title: 'Ferry relayer API',
      version: '1',
      description:
        "A relayer's view of its messages, channels, chains and validators, and a live stream of message lifecycle events.",
    },
  })

  app.notFound((c) => {
    const allowed = allowedMethods(app, c.req.path)
    if (allowed.length === 0)
      return c.json(errorBody('route_not_found', `No route ${c.req.method} ${c.req.path}.`), 404)
    return c.json(
      errorBody('method_not_allowed', `${c.req.method} is not allowed on ${c.req.path}.`, {
        allow: allowed,
      }),
      405,
      { Allow: allowed.join(', ') },
    )
  })

  app.onError((error, c: Context) => {
    if (error instanceof ApiError) return c.json(error.body, error.status, error.headers)
    if (error instanceof HTTPException && error.status < 500)
      return c.json(
        errorBody(error.status === 413 ? 'payload_too_large' : 'invalid_parameter', error.message),
        error.status,
      )
    log?.error({ err: error, method: c.req.method, path: c.req.path }, 'request failed')
    return c.json(errorBody('internal', 'Internal error; see the relayer log.'), 500)
  })
  return app
}

/** Methods some route serves at `path` (GET implying HEAD), for 405 and `Allow`. */
function allowedMethods(app: ApiApp, path: string): string[] {
  const methods = new Set<string>()
  for (const route of app.routes) {
    if (route.method === 'ALL') continue // middleware
    const pattern = route.path
      .split('/')
      .map((segment) =>
        segment.startsWith(':') ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
      )
      .join('/')
    if (new RegExp(`^${pattern}/?$`).test(path)) methods.add(route.method)
  }
  if (methods.has('GET')) methods.add('HEAD')
  return [...methods].sort()
}

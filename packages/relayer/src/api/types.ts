import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Context } from 'hono'
import type { Logger } from 'pino'
import type { EventBus } from '../events/createEventBus.js'
import type { RelayerMetrics } from '../metrics/createRelayerMetrics.js'
import type { RelayerStore } from '../store/types.js'
import type { ChainMonitor } from './monitor/createChainMonitor.js'
import type { ValidatorProbe } from './monitor/createValidatorProbe.js'
import type { ProofSource } from './proofs/createProofSource.js'
import type { SimulationSource } from './simulations/createSimulationSource.js'

/** What the API reads from: the relayer's store and bus, and monitors of its chains and validators. */
export type RelayerApiDeps = {
  store: RelayerStore
  bus: EventBus
  metrics: RelayerMetrics
  chains: ChainMonitor
  validators: ValidatorProbe
  /** Proofs for `GET /v1/messages/{id}/proof` (self-relay). */
  proofs: ProofSource
  /** Dry runs for `GET /v1/messages/{id}/simulation`; without it the route answers 409 `simulation_unavailable`. */
  simulations?: SimulationSource | undefined
  /**
   * The relayer's minimum fee per origin domain (`RelayerPolicy.minimumFee`), for an underpaid
   * message's `underpaid` in its detail: the same map the relayer runs with.
   */
  minimumFee: ReadonlyMap<number, bigint>
  logger?: Logger | undefined
  /** Aborted when the server shuts down: open SSE streams end. */
  shutdown?: AbortSignal | undefined
}

/** `relayer.api.rateLimit`. */
export type RateLimitOptions = { requestsPerSecond: number; burst: number }

export type RelayerApiOptions = {
  rateLimit: RateLimitOptions
  /** Largest request body accepted (routes take none). Default 16 KiB. */
  maxBodyBytes?: number | undefined
  /** SSE heartbeat period. Default 15000. */
  heartbeatMs?: number | undefined
  /** Events one SSE client may have waiting before it is cut off (it reconnects). Default 1000. */
  maxStreamBacklog?: number | undefined
  /**
   * Page origins browsers may read the API from (CORS: `relayer.api.cors.allowedOrigins`).
   * Default none.
   */
  corsOrigins?: readonly string[] | undefined
  /** Whether reads need an API key too (`relayer.api.requireKeyForReads`). Default false. */
  requireKeyForReads?: boolean | undefined
  /** Who a request counts against for rate limiting. Default: the TCP peer address. */
  clientKey?: ((c: Context) => string) | undefined
}

/** The app routes are registered on. */
export type ApiApp = OpenAPIHono

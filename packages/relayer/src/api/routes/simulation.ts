import {
  AlreadyDeliveredError,
  NotProvableError,
  SimulationUndecidedError,
  SimulationUnsupportedError,
} from '@ferry/sdk'
import { createRoute } from '@hono/zod-openapi'
import { STATUS_NAMES } from '../../events/types.js'
import { ApiError } from '../errors.js'
import { MessageIdParams } from '../schemas/messages.js'
import { errorResponses } from '../schemas/responses.js'
import { DeliverySimulation, SimulationQuery } from '../schemas/simulation.js'
import type { ApiApp, RelayerApiDeps } from '../types.js'
import { toSimulationView } from '../views/toSimulationView.js'

const simulationRoute = createRoute({
  method: 'get',
  path: '/v1/messages/{id}/simulation',
  tags: ['messages'],
  summary: 'Why the message’s delivery fails, or that it would succeed (a dry run)',
  description:
    'Runs the delivery of an undelivered message with its real proof, or the retry of a Failed one with `gasLimit`, on its destination at the head or at `block`, without sending anything (EVM: `debug_traceCall`, which the destination RPC must serve), and answers with a verdict from the failure reasons: the endpoint’s refusal (the proof check that failed, `nonce_out_of_order` with the nonce it waits for, `paused`, `deadline_passed`), or the handler’s outcome (`would_succeed` with its gas used, `handler_reverted` with the revert decoded, `handler_out_of_gas` with the smallest gas limit that succeeds, `recipient_not_contract`), and the frame of the call tree where it failed. 409 `already_delivered` for an Executed or TimedOut message, `not_provable` while it cannot be proven, `simulation_unavailable` when this API runs no simulations or not on that destination (`details.reason`: `not_configured`, `unsupported_destination`, `undecided`).',
  request: { params: MessageIdParams, query: SimulationQuery },
  responses: {
    200: {
      description: 'The verdict.',
      content: { 'application/json': { schema: DeliverySimulation } },
    },
    ...errorResponses(400, 404, 409),
  },
})

/**
 * `GET /v1/messages/{id}/simulation`: the replay debugger over the relayer's store and chains.
 *
 * @example
 * ```ts
 * registerSimulationRoute(app, deps)
 * ```
 */
export function registerSimulationRoute(app: ApiApp, { store, simulations }: RelayerApiDeps): void {
  app.openapi(simulationRoute, async (c) => {
    const { id } = c.req.valid('param')
    const query = c.req.valid('query')
    const message = await store.getMessage(id)
    if (!message)
      throw new ApiError({ status: 404, code: 'not_found', message: `No message ${id}.` })
    if (!simulations)
      throw new ApiError({
        status: 409,
        code: 'simulation_unavailable',
        message: 'This relayer API simulates no deliveries.',
        details: { reason: 'not_configured' },
      })
    try {
      const simulation = await simulations.simulate(message, query, c.req.raw.signal)
      return c.json(toSimulationView(simulation), 200)
    } catch (error) {
      throw toApiError(error)
    }
  })
}

/** The SDK's refusals as the API's answers; anything else stays a 500. */
function toApiError(error: unknown): unknown {
  if (error instanceof AlreadyDeliveredError)
    return new ApiError({
      status: 409,
      code: 'already_delivered',
      message: error.shortMessage,
      details: { reason: 'already_delivered', status: STATUS_NAMES[error.status] },
    })
  if (error instanceof NotProvableError)
    return new ApiError({
      status: 409,
      code: 'not_provable',
      message: error.shortMessage,
      details: { reason: error.reason },
    })
  // 409, not 5xx: the API is healthy, this message just cannot be simulated by it.
  if (error instanceof SimulationUnsupportedError)
    return new ApiError({
      status: 409,
      code: 'simulation_unavailable',
      message: error.shortMessage,
      details: { reason: 'unsupported_destination' },
    })
  if (error instanceof SimulationUndecidedError)
    return new ApiError({
      status: 409,
      code: 'simulation_unavailable',
      message: error.shortMessage,
      details: { reason: 'undecided', revert: error.revert.data },
    })
  return error
}

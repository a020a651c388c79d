import type { MessageStatus } from '@ferry/protocol'
import { createRoute } from '@hono/zod-openapi'
import { STATUS_NAMES } from '../../events/types.js'
import { decodeCursor, encodeCursor } from '../cursor.js'
import { ApiError } from '../errors.js'
import { LIMIT_DEFAULT } from '../schemas/common.js'
import {
  ListMessagesQuery,
  MessageDetail,
  MessageIdParams,
  MessagePage,
  MessageProof,
} from '../schemas/messages.js'
import { errorResponses } from '../schemas/responses.js'
import type { ApiApp, RelayerApiDeps } from '../types.js'
import { toMessageDetail } from '../views/toMessageDetail.js'
import { toMessageSummary } from '../views/toMessageSummary.js'

const listRoute = createRoute({
  method: 'get',
  path: '/v1/messages',
  tags: ['messages'],
  summary: 'Messages, newest first, filtered and paginated',
  request: { query: ListMessagesQuery },
  responses: {
    200: {
      description: 'A page of messages.',
      content: { 'application/json': { schema: MessagePage } },
    },
    ...errorResponses(400),
  },
})

const getRoute = createRoute({
  method: 'get',
  path: '/v1/messages/{id}',
  tags: ['messages'],
  summary: 'One message with its decoded fields and lifecycle',
  request: { params: MessageIdParams },
  responses: {
    200: {
      description: 'The message.',
      content: { 'application/json': { schema: MessageDetail } },
    },
    ...errorResponses(400, 404),
  },
})

const proofRoute = createRoute({
  method: 'get',
  path: '/v1/messages/{id}/proof',
  tags: ['messages'],
  summary: 'A proof to deliver the message yourself',
  description:
    'The encoded message, its leaf index and a checkpoint signed by a threshold of the origin’s validators (each signature checked, its root checked against the indexed tree), with the proof bytes: call `deliver(encoded, proof)` on the destination endpoint. 409 `not_provable` while it cannot be proven: `details.reason` is `waiting_finality` or `waiting_signatures` (with `Retry-After`), `orphaned` or `no_validators`.',
  request: { params: MessageIdParams },
  responses: {
    200: {
      description: 'The proof.',
      content: { 'application/json': { schema: MessageProof } },
    },
    ...errorResponses(400, 404, 409),
  },
})

/**
 * `GET /v1/messages`, `GET /v1/messages/{id}` and `GET /v1/messages/{id}/proof`.
 *
 * @example
 * ```ts
 * registerMessageRoutes(app, deps)
 * ```
 */
export function registerMessageRoutes(
  app: ApiApp,
  { store, proofs, minimumFee }: RelayerApiDeps,
): void {
  app.openapi(listRoute, async (c) => {
    const query = c.req.valid('query')
    const limit = query.limit ?? LIMIT_DEFAULT
    const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor, 'm')
    const rows = await store.listMessages({
      stage: query.stage,
      // CAST: the index of a status name is its status number (PROTOCOL §7)
      status:
        query.status === undefined
          ? undefined
          : (STATUS_NAMES.indexOf(query.status) as MessageStatus),
      origin: query.origin,
      destination: query.destination,
      sender: query.sender,
      recipient: query.recipient,
      channel: query.channel,
      originTransactionHash: query.originTxHash,
      after: after && { sentAt: new Date(after.t), id: after.id },
      // One more than asked: whether it comes back says if there is a next page.
      limit: limit + 1,
    })
    const items = rows.slice(0, limit)
    const last = items.at(-1)
    const nextCursor =
      rows.length > limit && last
        ? encodeCursor({ k: 'm', t: last.sentAt.getTime(), id: last.id })
        : null
    return c.json({ items: items.map(toMessageSummary), nextCursor }, 200)
  })

  app.openapi(getRoute, async (c) => {
    const { id } = c.req.valid('param')
    const message = await store.getMessage(id)
    if (!message)
      throw new ApiError({ status: 404, code: 'not_found', message: `No message ${id}.` })
    const [attempts, signers, acks] = await Promise.all([
      store.getAttempts(id),
      store.getCheckpointSigners(message.origin, message.leafIndex),
      store.getAcksOf(id),
    ])
    return c.json(
      toMessageDetail({
        message,
        attempts,
        signers,
        acks,
        minimumFee: minimumFee.get(message.origin),
      }),
      200,
    )
  })

  app.openapi(proofRoute, async (c) => {
    const { id } = c.req.valid('param')
    const message = await store.getMessage(id)
    if (!message)
      throw new ApiError({ status: 404, code: 'not_found', message: `No message ${id}.` })
    const result = await proofs.prove(message, c.req.raw.signal)
    if (result.type !== 'ready')
      throw new ApiError({
        status: 409,
        code: 'not_provable',
        message: `Message ${id} cannot be proven yet: ${result.detail}.`,
        details: { reason: result.reason, detail: result.detail },
        headers: result.type === 'waiting' ? { 'Retry-After': '2' } : undefined,
      })
    const { checkpoint, signatures, signers, proof } = result
    return c.json(
      {
        id: message.id,
        origin: message.origin,
        destination: message.destination,
        leafIndex: message.leafIndex,
        encoded: message.encoded,
        checkpoint: {
          origin: checkpoint.origin,
          originEndpoint: checkpoint.originEndpoint.toLowerCase(),
          root: checkpoint.root.toLowerCase(),
          index: checkpoint.index,
        },
        signers: signers.map((signer) => signer.toLowerCase()),
        signatures: signatures.map((signature) => signature.toLowerCase()),
        proof: proof.toLowerCase(),
      },
      200,
    )
  })
}

import { createRoute } from '@hono/zod-openapi'
import { decodeCursor, encodeCursor } from '../cursor.js'
import { ApiError } from '../errors.js'
import { Channel, ChannelPage, ChannelParams, ListChannelsQuery } from '../schemas/channels.js'
import { LIMIT_DEFAULT } from '../schemas/common.js'
import { errorResponses } from '../schemas/responses.js'
import type { ApiApp, RelayerApiDeps } from '../types.js'
import { toChannelView } from '../views/toChannelView.js'

const listRoute = createRoute({
  method: 'get',
  path: '/v1/channels',
  tags: ['channels'],
  summary: 'Channels with their nonces and what blocks them, by key',
  request: { query: ListChannelsQuery },
  responses: {
    200: {
      description: 'A page of channels.',
      content: { 'application/json': { schema: ChannelPage } },
    },
    ...errorResponses(400),
  },
})

const getRoute = createRoute({
  method: 'get',
  path: '/v1/channels/{channel}',
  tags: ['channels'],
  summary: 'One channel',
  request: { params: ChannelParams },
  responses: {
    200: { description: 'The channel.', content: { 'application/json': { schema: Channel } } },
    ...errorResponses(400, 404),
  },
})

/**
 * `GET /v1/channels` and `GET /v1/channels/{channel}`.
 *
 * @example
 * ```ts
 * registerChannelRoutes(app, deps)
 * ```
 */
export function registerChannelRoutes(app: ApiApp, { store }: RelayerApiDeps): void {
  app.openapi(listRoute, async (c) => {
    const query = c.req.valid('query')
    const limit = query.limit ?? LIMIT_DEFAULT
    const rows = await store.listChannels({
      origin: query.origin,
      destination: query.destination,
      after: query.cursor === undefined ? undefined : decodeCursor(query.cursor, 'c').ch,
      limit: limit + 1,
    })
    const items = rows.slice(0, limit)
    const last = items.at(-1)
    const nextCursor =
      rows.length > limit && last ? encodeCursor({ k: 'c', ch: last.channel }) : null
    return c.json({ items: items.map(toChannelView), nextCursor }, 200)
  })

  app.openapi(getRoute, async (c) => {
    const { channel } = c.req.valid('param')
    const found = await store.getChannel(channel)
    if (!found)
      throw new ApiError({ status: 404, code: 'not_found', message: `No channel ${channel}.` })
    return c.json(toChannelView(found), 200)
  })
}

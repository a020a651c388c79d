// Validators over HTTP for API tests: each signs, with its test key, the checkpoints of the
// leaves it is given (as `createValidatorApp` serves them), up to how far it is told it has got.
import { type Checkpoint, MerkleTree, signCheckpoint } from '@ferry/protocol'
import { Hono } from 'hono'
import type { Hex } from 'viem'
import { privateKeyToAddress } from 'viem/accounts'
import { type Listening, listen } from '../../service/listen.js'

export type TestValidators = { urls: string[]; close(): Promise<void> }

/**
 * Serves one validator per key for `origin`: `latest` is the checkpoint of the first
 * `signedCount()` of `leaves()`, and any lower index is signed on demand.
 */
export async function serveTestValidators({
  keys,
  origin,
  originEndpoint,
  leaves,
  signedCount,
}: {
  keys: readonly Hex[]
  origin: number
  originEndpoint: Hex
  leaves: () => readonly Hex[]
  signedCount: () => number
}): Promise<TestValidators> {
  const servers: Listening[] = []
  for (const privateKey of keys) {
    const app = new Hono()
    const answer = async (index: number) => {
      const root = new MerkleTree(leaves().slice(0, index + 1)).root()
      const checkpoint: Checkpoint = { origin, originEndpoint, root, index }
      const signature = await signCheckpoint({ privateKey, checkpoint })
      return { validator: privateKeyToAddress(privateKey), checkpoint, signature }
    }
    app.get('/v1/checkpoints/latest', async (c) =>
      signedCount() === 0 ? c.json({}, 404) : c.json(await answer(signedCount() - 1)),
    )
    app.get('/v1/checkpoints/:index', async (c) => {
      const index = Number(c.req.param('index'))
      return index < signedCount() ? c.json(await answer(index)) : c.json({}, 404)
    })
    servers.push(await listen(app, { host: '127.0.0.1', port: 0 }))
  }
  return {
    urls: servers.map((server) => server.url),
    close: async () => {
      await Promise.all(servers.map((server) => server.close()))
    },
  }
}

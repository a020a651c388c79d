import type { Hex } from 'viem'

/**
 * What the demo reads of the relayer API's `GET /v1/messages/{id}` (its `MessageDetail`, see
 * the relayer's `api/schemas/messages.ts`).
 */
export type DemoMessage = {
  id: Hex
  origin: number
  destination: number
  nonce: string
  isAck: boolean
  stage: 'pending' | 'ready' | 'submitted' | 'failed' | 'done' | 'orphaned'
  status: 'none' | 'executed' | 'failed' | 'timed_out'
  reason: string
  lifecycle: {
    sent: { at: string; blockNumber: string; transactionHash: string }
    finalized: { at: string } | null
    checkpoint: { signers: { validator: string; index: number; root: string }[] }
    attempts: {
      at: string
      reason: string
      detail: string | null
      transactionHash: string | null
    }[]
    delivered: { at: string | null; status: string; transactionHash: string | null } | null
  }
  ack: { id: Hex; stage: string; status: string; deliveredAt: string | null } | null
  /** For an ack: the message it acknowledges and how that ended. */
  acknowledges: { originalId: Hex; status: string } | null
}

/** Waits on a running relayer's API, until one shared deadline. */
export type MessageFollower = {
  /** The message once it reached `stage`. */
  inStage(id: Hex, stage: DemoMessage['stage']): Promise<DemoMessage>
  /** The message once delivered, which must have executed. */
  executed(id: Hex): Promise<DemoMessage>
  /** The ack of `original` once delivered: the detail names it once the relayer indexed it. */
  ackOf(original: Hex): Promise<DemoMessage>
  /** The one non-ack message from `app` on `origin` once delivered (a PingPong's pong). */
  sentBy(origin: number, app: Hex): Promise<DemoMessage>
}

/**
 * Follows messages through the relayer's HTTP API (`GET /v1/messages/{id}` and
 * `GET /v1/messages?…`), as any client of a running relayer can, polling until `timeoutMs` from
 * now; past it, every wait throws naming what it waited for.
 *
 * @example
 * const follow = followMessages({ apiUrl: devnet.file.apiUrl, timeoutMs: 60_000 })
 * const message = await follow.executed(id)
 */
export function followMessages({
  apiUrl,
  timeoutMs,
}: {
  /** The relayer's API, e.g. `http://127.0.0.1:8080`. */
  apiUrl: string
  timeoutMs: number
}): MessageFollower {
  const deadline = Date.now() + timeoutMs
  async function until<T>(what: string, check: () => Promise<T | undefined>): Promise<T> {
    for (;;) {
      const value = await check()
      if (value !== undefined) return value
      if (Date.now() > deadline) throw new Error(`devnet demo: timed out waiting for ${what}`)
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }
  const get = async <T>(path: string): Promise<T | undefined> => {
    const response = await fetch(`${apiUrl}${path}`)
    if (response.status === 404) return undefined // not indexed yet
    if (!response.ok)
      throw new Error(
        `devnet demo: GET ${path} answered ${response.status}: ${await response.text()}`,
      )
    return (await response.json()) as T // CAST: the relayer API's documented answer (DemoMessage)
  }
  const inStage = (id: Hex, stage: DemoMessage['stage']) =>
    until(`${id} to be ${stage}`, async () => {
      const message = await get<DemoMessage>(`/v1/messages/${id}`)
      return message?.stage === stage ? message : undefined
    })
  return {
    inStage,
    async executed(id) {
      const message = await inStage(id, 'done')
      if (message.status !== 'executed')
        throw new Error(`devnet demo: ${id} ended ${message.status} (${message.reason})`)
      return message
    },
    ackOf: (original) =>
      until(`the ack of ${original}`, async () => {
        const ack = (await get<DemoMessage>(`/v1/messages/${original}`))?.ack
        return ack?.stage === 'done' ? get<DemoMessage>(`/v1/messages/${ack.id}`) : undefined
      }),
    sentBy: (origin, app) =>
      until(`the message from ${app}`, async () => {
        const page = await get<{ items: DemoMessage[] }>(
          `/v1/messages?origin=${origin}&sender=${app}&stage=done`,
        )
        const sent = page?.items.find((message) => !message.isAck)
        return sent && get<DemoMessage>(`/v1/messages/${sent.id}`)
      }),
  }
}

import type { CosmWasmExecutor } from '../client/types.js'

export type TestRecipientHandledParameters = {
  /** The test recipient's address. */
  app: string
}

export type TestRecipientHandledReturnType = {
  /** Messages and acks handled so far (a failed handler counts nothing: its writes are undone). */
  count: number
  /**
   * What the last one was: a message's body as text, or `ack:<id>:<status>:<result base64>`
   * for an ack.
   */
  last: string
}

/**
 * What the test recipient `app` has handled (its `{"handled":{}}` query).
 *
 * @example
 * ```ts
 * const { count, last } = await testRecipientHandled(chain, { app })
 * // last === `ack:${id}:1:${resultBase64}` once the ack of message `id` came back Executed
 * ```
 */
export async function testRecipientHandled(
  executor: CosmWasmExecutor,
  { app }: TestRecipientHandledParameters,
): Promise<TestRecipientHandledReturnType> {
  // CAST: the test recipient answers `handled` with exactly this shape (contract/test/testRecipient.ts).
  return (await executor.query(app, { handled: {} })) as TestRecipientHandledReturnType
}

import { MessageStatus } from '@ferry/protocol'
import { describe, expect, test } from 'vitest'
import { ackOf, app20, b32, sent } from '../api/test/fixtures.js'
import { useStoreBackends, useTestStore } from './test/backends.js'
import { word } from './test/fixtures.js'

// The API's read queries on every backend: the pg driver returns int8, numeric and counts as
// strings where PGlite returns numbers, and both must come out the same.
const backends = useStoreBackends()
const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, seconds))

describe.each(backends)('read queries on $name', (backend) => {
  const store = useTestStore(backend)

  test('listMessages: newest first, (sentAt, id) keyset pages, filters', async () => {
    const messages = Array.from({ length: 7 }, (_, i) =>
      sent({ nonce: BigInt(i + 1), leafIndex: i, sentAt: at(Math.floor(i / 3)) }),
    )
    await store().insertMessages(messages)
    const expected = [...messages]
      .sort((x, y) => y.sentAt.getTime() - x.sentAt.getTime() || (y.id < x.id ? -1 : 1))
      .map((m) => m.id)
    const page1 = await store().listMessages({ limit: 4 })
    const last = page1.at(-1)!
    const page2 = await store().listMessages({
      limit: 4,
      after: { sentAt: last.sentAt, id: last.id },
    })
    expect([...page1, ...page2].map((m) => m.id)).toEqual(expected)
    expect(
      await store().listMessages({
        limit: 10,
        channel: messages[0]!.channel,
        stage: 'pending',
        status: MessageStatus.None,
      }),
    ).toHaveLength(7)
    expect(
      await store().listMessages({
        limit: 10,
        sender: b32(app20(0xa1)),
        recipient: b32(app20(0xb1)),
        origin: 31337,
        destination: 31338,
      }),
    ).toHaveLength(7)
    expect(
      await store().listMessages({
        limit: 10,
        originTransactionHash: word(3, 'F').toUpperCase().replace('0X', ''),
      }),
    ).toEqual([expect.objectContaining({ id: messages[3]!.id })])
    expect(
      await store().getMessagesByIds([
        // CAST: upper-cased hex keeps its 0x prefix
        messages[1]!.id.toUpperCase().replace('0X', '0x') as `0x${string}`,
        word(9),
      ]),
    ).toEqual([expect.objectContaining({ id: messages[1]!.id, nonce: 2n, leafIndex: 1 })])
  })

  test('getMessagesFinalizedAt, getAcksOf, getCheckpointSigners, getRouteDepths', async () => {
    const [m1, m2] = [
      sent({ nonce: 1n, leafIndex: 0, flags: 2, ackGasLimit: 1 }),
      sent({ nonce: 2n, leafIndex: 1 }),
    ]
    await store().insertMessages([m1!, m2!])
    const finalizedAt = at(10)
    await store().finalizeMessages(31337, 10n, finalizedAt)
    expect((await store().getMessagesFinalizedAt(31337, finalizedAt)).map((m) => m.id)).toEqual([
      m1!.id,
    ])
    const ack = ackOf(m1!, { status: MessageStatus.Executed, nonce: 1n, leafIndex: 0 })
    await store().insertMessages([ack])
    expect((await store().getAcksOf(m1!.id)).map((m) => m.id)).toEqual([ack.id])
    expect(await store().getAcksOf(m2!.id)).toEqual([])
    for (const [validator, index] of [
      [word(2, 'a'), 0],
      [word(1, 'a'), 3],
      [word(1, 'a'), 1],
    ] as const)
      await store().saveSignedCheckpoint({
        validator,
        origin: 31337,
        originEndpoint: word(1),
        index,
        root: word(index, 'r'),
        signature: '0x01',
      })
    expect(
      (await store().getCheckpointSigners(31337, 1)).map((row) => [row.validator, row.index]),
    ).toEqual([[word(1, 'a'), 1]])
    expect(
      (await store().getCheckpointSigners(31337, 0)).map((row) => [row.validator, row.index]),
    ).toEqual([
      [word(1, 'a'), 1],
      [word(2, 'a'), 0],
    ])
    expect(await store().getRouteDepths()).toEqual(
      expect.arrayContaining([
        { origin: 31337, destination: 31338, count: 2 },
        { origin: 31338, destination: 31337, count: 1 },
      ]),
    )
    await store().ping()
  })

  test('listChannels and getChannel: nonces, blocker with its latest detail, lease', async () => {
    const messages = [1n, 2n, 3n].map((nonce, i) => sent({ nonce, leafIndex: i }))
    await store().insertMessages(messages)
    await store().finalizeMessages(31337, 100n, new Date())
    await store().updateMessages([
      {
        id: messages[0]!.id,
        stage: 'done',
        reason: 'delivered',
        status: MessageStatus.Executed,
        attempt: true,
      },
      {
        id: messages[1]!.id,
        stage: 'ready',
        reason: 'waiting_signatures',
        detail: '1 of 2 signatures',
      },
    ])
    await store().claimReady({
      origin: 31337,
      destination: 31338,
      owner: 'r1',
      leaseUntil: at(1_000_000),
      now: new Date(),
      limit: 1,
    })
    const [summary] = await store().listChannels({ limit: 10, origin: 31337 })
    expect(summary).toEqual({
      channel: messages[0]!.channel,
      origin: 31337,
      destination: 31338,
      sender: messages[0]!.sender,
      recipient: messages[0]!.recipient,
      isAck: false,
      highestSentNonce: 3n,
      highestDeliveredNonce: 1n,
      undelivered: 2,
      blockedBy: {
        id: messages[1]!.id,
        nonce: 2n,
        stage: 'ready',
        reason: 'waiting_signatures',
        detail: '1 of 2 signatures',
        nextAttemptAt: null,
      },
      lease: { owner: 'r1', until: at(1_000_000) },
    })
    expect(await store().getChannel(messages[0]!.channel)).toEqual(summary)
    expect(await store().listChannels({ limit: 10, after: messages[0]!.channel })).toEqual([])
    expect(await store().getChannel(word(7))).toBeUndefined()
  })
})

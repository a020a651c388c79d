import { getChannelKey, MerkleTree, MessageStatus } from '@ferry/protocol'
import { describe, expect, test } from 'vitest'
import { createFakeChain, FakeChainError } from './createFakeChain.js'

describe('createFakeChain', () => {
  test('as an origin: blocks, sends in leaf order, the tree at each block, fees', async () => {
    const a = createFakeChain({ domain: 1 })
    const first = a.send({ destination: 2, fee: 7n })
    const second = a.send({ destination: 2 })
    a.mine(2)
    expect((await a.getHead()).number).toBe(4n)
    expect([first.leafIndex, second.leafIndex]).toEqual([0, 1])
    expect([first.message.nonce, second.message.nonce]).toEqual([1n, 2n])
    expect(await a.getSentMessages(0n, 4n)).toEqual([first, second])
    expect(await a.getTree(first.block.number)).toEqual({
      root: new MerkleTree([first.id]).root(),
      count: 1,
    })
    expect(await a.getFeePaid(first)).toBe(7n)
    const fee = a.addFee(first.id, 3n)
    expect(await a.getFeesAdded(fee.block.number, fee.block.number)).toEqual([fee])
  })

  test('a reorg replaces blocks and drops their events', async () => {
    const a = createFakeChain({ domain: 1 })
    const sent = a.send({ destination: 2 })
    const hash = await a.getBlockHash(sent.block.number)
    a.reorg(sent.block.number)
    expect(await a.getBlockHash(sent.block.number)).not.toBe(hash)
    expect(await a.getSentMessages(0n, 10n)).toEqual([])
    expect(a.send({ destination: 2 }).message.nonce).toBe(1n)
  })

  test('as a destination: channel order, handler failures, scripted failures', async () => {
    const a = createFakeChain({ domain: 1 })
    const b = createFakeChain({ domain: 2 })
    const [one, two] = [a.send({ destination: 2 }), a.send({ destination: 2 })]
    const options = { gasFloor: 0n, messageIds: [] }
    await expect(
      b.submit({ type: 'deliverBatch', messages: [two.encoded], proofs: ['0x'] }, options),
    ).rejects.toMatchObject({ chainFailure: { reason: 'gas_estimate_reverted', retryable: false } })
    b.failHandler(one.id)
    const receipt = await b.submit(
      { type: 'deliverBatch', messages: [one.encoded, two.encoded], proofs: ['0x', '0x'] },
      options,
    )
    expect(receipt.outcomes.map((o) => o.status)).toEqual([
      MessageStatus.Failed,
      MessageStatus.Executed,
    ])
    expect(await b.getInboundNonce(getChannelKey(one.message))).toBe(2n)
    b.failNext({ type: 'chain', reason: 'tx_reverted' })
    await expect(
      b.submit({ type: 'retry', message: one.encoded, gasLimit: 1 }, options),
    ).rejects.toBeInstanceOf(FakeChainError)
    b.succeed(one.id)
    await b.submit({ type: 'retry', message: one.encoded, gasLimit: 1 }, options)
    expect(b.statusOf(one.id)).toBe(MessageStatus.Executed)
    expect(b.transactions).toHaveLength(2)
    expect(b.rejected.map((r) => r.reason)).toEqual(['gas_estimate_reverted', 'tx_reverted'])
  })

  test('hold keeps a submit in flight until released', async () => {
    const a = createFakeChain({ domain: 1 })
    const b = createFakeChain({ domain: 2 })
    const sent = a.send({ destination: 2 })
    const release = b.hold()
    let landed = false
    const submit = b
      .submit(
        { type: 'deliverBatch', messages: [sent.encoded], proofs: ['0x'] },
        { gasFloor: 0n, messageIds: [sent.id] },
      )
      .then(() => {
        landed = true
      })
    await new Promise((resolve) => setTimeout(resolve, 10))
    expect(landed).toBe(false)
    release()
    await submit
    expect(b.transactions[0]?.messageIds).toEqual([sent.id])
  })
})

import { MessageStatus } from '@ferry/protocol'
import { RpcError } from '@ferry/sdk'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { instrumentChain } from '../metrics/instrumentChain.js'
import { A, B, createTestApi, fakeChain, get, sent, type TestApi, word } from './test/fixtures.js'

let api: TestApi
beforeAll(async () => {
  api = await createTestApi()
}, 60_000)
afterAll(async () => {
  await api.close()
})

describe('GET /metrics', () => {
  test('serves every metric family in the Prometheus text format', async () => {
    const [m1, m2] = [
      sent({ nonce: 1n, leafIndex: 0, sentAt: new Date(Date.now() - 3_000) }),
      sent({ nonce: 2n, leafIndex: 1 }),
    ]
    await api.store.insertMessages([m1!, m2!])
    await api.store.finalizeMessages(A, 100n, new Date())
    await api.store.updateMessages([
      {
        id: m1!.id,
        stage: 'done',
        reason: 'delivered',
        status: MessageStatus.Executed,
        transactionHash: word(1, 'd'),
        deliveredAt: new Date(),
        attempt: true,
      },
      { id: m2!.id, stage: 'ready', reason: 'rpc_error', detail: 'down', attempt: true },
    ])
    const chain = instrumentChain(
      fakeChain(B, { head: { number: 1n, hash: '0x', timestamp: 0n }, balance: 0n, fail: false }),
      (domain, method) => api.metrics.recordRpcError(domain, method),
    )
    const failing = instrumentChain(
      {
        ...fakeChain(A),
        getHead: async () => {
          throw new RpcError({ method: 'eth_blockNumber', domain: A, cause: new Error('down') })
        },
      },
      (domain, method) => api.metrics.recordRpcError(domain, method),
    )
    await expect(failing.getHead()).rejects.toThrow(RpcError)
    await chain.getHead()

    const { status, headers, text } = await get(api.app, '/metrics')
    expect(status).toBe(200)
    expect(headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/)
    for (const family of [
      'ferry_messages',
      'ferry_queue_depth',
      'ferry_delivery_latency_seconds',
      'ferry_attempts_total',
      'ferry_lifecycle_events_total',
      'ferry_rpc_errors_total',
      'ferry_chain_head',
      'ferry_indexer_lag_blocks',
      'ferry_signer_balance',
      'ferry_store_up',
    ])
      expect(text).toContain(`# TYPE ${family} `)
    expect(text).toContain('ferry_messages{stage="done"} 1')
    expect(text).toContain('ferry_messages{stage="ready"} 1')
    expect(text).toContain(`ferry_queue_depth{origin="${A}",destination="${B}"} 1`)
    expect(text).toContain('ferry_delivery_latency_seconds_count 1')
    expect(text).toMatch(/ferry_delivery_latency_seconds_sum (2\.9|3(\.\d+)?)/)
    expect(text).toContain('ferry_attempts_total{reason="delivered"} 1')
    expect(text).toContain('ferry_attempts_total{reason="rpc_error"} 1')
    expect(text).toContain(`ferry_rpc_errors_total{domain="${A}",method="getHead"} 1`)
    expect(text).toContain(`ferry_chain_head{domain="${A}"} 120`)
    expect(text).toContain(`ferry_signer_balance{domain="${A}"} 1000000000000000000`)
    expect(text).toContain('ferry_store_up 1')
  })
})

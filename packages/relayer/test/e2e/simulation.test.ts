// The replay debugger through the operator API over a real relayer: two `hardhat node`s,
// validators and the relayer running, and `startRelayerApi` with `simulation` over the same
// chains, as `ferry relayer start` wires it. A message the relayer delivered with too little gas
// is Failed; GET /v1/messages/{id}/simulation names why, the gas limit that fixes it, and a retry
// with that limit would succeed; what cannot be simulated answers with structured errors.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { MessageStatus } from '@ferry/protocol'
import { getAddress } from 'viem'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RunningRelayerApi, startRelayerApi } from '../../src/api/startRelayerApi.ts'
import { commandTable } from '../../src/cli/commandTable.ts'
import { runCli } from '../../src/cli/runCli.ts'
import type { CliContext } from '../../src/cli/types.ts'
import { createEventBus } from '../../src/events/createEventBus.ts'
import { observeStore } from '../../src/events/observeStore.ts'
import { openStore } from '../../src/store/openStore.ts'
import type { RelayerStore } from '../../src/store/types.ts'
import { type Agents, startAgents, testLogger, waitFor } from '../world/agents.ts'
import { evmAgentChain } from '../world/evmAdapters.ts'
import {
  type EvmChain,
  type EvmWorld,
  sendMessages,
  startEvmWorld,
  toB32,
} from '../world/evmWorld.ts'

const CONFIRMATIONS = 1
/** Too little for a TestRecipient's first handle (fresh storage slots): it runs out. */
const OUT_OF_GAS = 30_000

const get = async (url: string) => {
  const response = await fetch(url)
  // biome-ignore lint/suspicious/noExplicitAny: the test reads answers freely; the schema is checked by the route
  return { status: response.status, body: (await response.json()) as any }
}

describe('GET /v1/messages/{id}/simulation over hardhat nodes', () => {
  let world: EvmWorld
  let a: EvmChain
  let b: EvmChain
  let opened: RelayerStore
  let validatorStore: RelayerStore
  let agents: Agents
  let api: RunningRelayerApi

  beforeAll(async () => {
    world = await startEvmWorld({ intervalMs: 100 })
    ;[a, b] = world.chains as [EvmChain, EvmChain]
    opened = await openStore('memory://')
    validatorStore = await openStore('memory://')
    const bus = createEventBus()
    const store = observeStore(opened, bus, { logger: testLogger })
    agents = await startAgents({
      chains: world.chains.map((chain) => evmAgentChain(chain, CONFIRMATIONS)),
      store,
      validatorStore,
    })
    const name = (chain: EvmChain) => `hardhat-${chain.domain}`
    api = await startRelayerApi({
      store,
      bus,
      chains: agents.relayer.chains.map((chain) => ({
        ...chain,
        name: `hardhat-${chain.adapter.domain}`,
      })),
      validators: agents.relayer.validators,
      simulation: {
        chains: world.chains.map((chain) => ({
          kind: 'evm' as const,
          name: name(chain),
          domain: chain.domain,
          endpoint: chain.endpoint,
          rpcUrls: [chain.rpcUrl],
        })),
      },
      port: 0,
      logger: testLogger,
    })
  }, 120_000)

  afterAll(async () => {
    await agents?.relayer.stop()
    await api?.close()
    await agents?.validators.stop()
    await opened?.close()
    await validatorStore?.close()
    await world?.stop()
  })

  it('names a Failed message’s out-of-gas handler, with the gas limit its retry needs', async () => {
    const [id] = await sendMessages(a, 1, {
      destination: b.domain,
      recipient: toB32(b.apps[1]),
      body: '0xc0ffee',
      gasLimit: OUT_OF_GAS,
    })
    if (!id) throw new Error('nothing sent')
    await waitFor(
      'the relayer delivered it, Failed',
      async () => (await opened.getMessage(id))?.status === MessageStatus.Failed,
    )

    const failed = await get(`${api.url}/v1/messages/${id}/simulation`)
    expect(failed.status).toBe(200)
    expect(failed.body).toMatchObject({
      id,
      chain: `hardhat-${b.domain}`,
      block: expect.stringMatching(/^\d+$/),
      call: 'retry',
      gasLimit: OUT_OF_GAS,
      verdict: 'handler_out_of_gas',
      gasUsed: OUT_OF_GAS,
      revert: null,
      frame: { contract: b.apps[1].toLowerCase(), functionName: 'handle', depth: 1 },
      blockedBy: null,
      recovery: { action: 'retryMessage', gasLimit: expect.any(Number) },
    })
    const { gasLimit } = failed.body.recovery
    expect(gasLimit).toBeGreaterThan(OUT_OF_GAS)

    const enough = await get(`${api.url}/v1/messages/${id}/simulation?gasLimit=${gasLimit}`)
    expect(enough.body).toMatchObject({ call: 'retry', gasLimit, verdict: 'would_succeed' })
    expect(enough.body.gasUsed).toBeLessThanOrEqual(gasLimit)
    const short = await get(`${api.url}/v1/messages/${id}/simulation?gasLimit=${gasLimit - 1}`)
    expect(short.body).toMatchObject({ verdict: 'handler_out_of_gas' })

    // At a block before the delivery, the delivery itself is run, with its proof: same verdict.
    const before = await get(
      `${api.url}/v1/messages/${id}/simulation?block=${(await opened.getMessage(id))?.originBlockNumber}`,
    )
    expect(before.body).toMatchObject({ call: 'deliver', verdict: 'handler_out_of_gas' })
  })

  it('ferry debug names the verdict by message id or origin transaction, as text or JSON; its time to a verdict is measured', async () => {
    const [id] = await sendMessages(a, 1, {
      destination: b.domain,
      recipient: toB32(b.apps[0]),
      body: '0xbeef',
      gasLimit: OUT_OF_GAS,
    })
    if (!id) throw new Error('nothing sent')
    await waitFor(
      'the relayer delivered it, Failed',
      async () => (await opened.getMessage(id))?.status === MessageStatus.Failed,
    )
    const config = join(mkdtempSync(join(tmpdir(), 'ferry-debug-')), 'ferry.yaml')
    writeFileSync(
      config,
      `chains:\n${world.chains
        .map(
          (chain) =>
            `  - { kind: evm, name: hardhat-${chain.domain}, domain: ${chain.domain}, confirmations: 1, rpcUrls: ["${chain.rpcUrl}"], endpoint: "${chain.endpoint}" }`,
        )
        .join('\n')}\n`,
    )
    const debug = async (...argv: string[]) => {
      const out: string[] = []
      const err: string[] = []
      const context: CliContext = {
        env: {},
        stdout: { write: (text) => out.push(text) },
        stderr: { write: (text) => err.push(text) },
        version: '0.0.0',
        onSignal: () => () => {},
        exit: () => {},
      }
      const code = await runCli(
        ['debug', ...argv, '--config', config, '--api', api.url],
        context,
        commandTable,
      )
      return { code, stdout: out.join(''), stderr: err.join('') }
    }

    const json = await debug(id, '--json')
    expect(json).toMatchObject({ code: 0, stderr: '' })
    const simulation = JSON.parse(json.stdout)
    expect(simulation).toMatchObject({ id, call: 'retry', verdict: 'handler_out_of_gas' })
    const { gasLimit } = simulation.recovery

    const text = await debug(id)
    expect(text.stdout).toContain('verdict: handler_out_of_gas')
    expect(text.stdout).toContain(`handler gas used: ${OUT_OF_GAS} of ${OUT_OF_GAS}`)
    expect(text.stdout).toContain(`${getAddress(b.endpoint)}.retry(message, ${gasLimit})`)
    expect(text.stdout).toContain(`retryMessage(client, { message, gasLimit: ${gasLimit} })`)

    // By the origin transaction that sent it: the same message, the same verdict.
    const stored = await opened.getMessage(id)
    const byTransaction = await debug(stored?.originTransactionHash ?? '', '--json')
    expect(JSON.parse(byTransaction.stdout)).toMatchObject({ id, verdict: 'handler_out_of_gas' })

    expect(await debug(id, '--gas-limit', String(gasLimit))).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('verdict: would_succeed'),
    })
    expect(await debug('0x1234')).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('is not a message id or transaction hash'),
    })
    expect(await debug(id, '--gas-limit', 'lots')).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('--gas-limit must be a whole number'),
    })

    // Time to a verdict, as an operator waits for it (config loaded, chains read, trace run):
    // a verdict read off one trace, and the out-of-gas one with its gas search.
    const p50 = async (...argv: string[]) => {
      const times: number[] = []
      for (let i = 0; i < 15; i++) {
        const started = performance.now()
        expect((await debug(id, ...argv, '--json')).code).toBe(0)
        times.push(performance.now() - started)
      }
      return times.sort((x, y) => x - y)[Math.floor(times.length / 2)] ?? Number.NaN
    }
    const oneTrace = await p50('--gas-limit', String(gasLimit))
    const withSearch = await p50()
    console.info(
      `ferry debug p50 time to verdict on hardhat nodes: ${oneTrace.toFixed(1)} ms (would_succeed), ${withSearch.toFixed(1)} ms (handler_out_of_gas, with its gas search)`,
    )
    expect(withSearch).toBeLessThan(1_000)
  })

  it('answers what it cannot run with structured errors', async () => {
    const [id] = await sendMessages(a, 1, {
      destination: b.domain,
      recipient: toB32(b.apps[2]),
      body: '0x01',
      gasLimit: 400_000,
    })
    if (!id) throw new Error('nothing sent')
    await waitFor(
      'the relayer delivered it',
      async () => (await opened.getMessage(id))?.status === MessageStatus.Executed,
    )
    expect(await get(`${api.url}/v1/messages/${id}/simulation`)).toMatchObject({
      status: 409,
      body: {
        error: {
          code: 'already_delivered',
          details: { reason: 'already_delivered', status: 'executed' },
        },
      },
    })
    expect(await get(`${api.url}/v1/messages/0x${'ab'.repeat(32)}/simulation`)).toMatchObject({
      status: 404,
      body: { error: { code: 'not_found' } },
    })
    expect(await get(`${api.url}/v1/messages/${id}/simulation?gasLimit=-1`)).toMatchObject({
      status: 400,
      body: { error: { code: 'invalid_parameter' } },
    })
    expect(await get(`${api.url}/v1/messages/${id}/simulation?block=latest`)).toMatchObject({
      status: 400,
      body: { error: { code: 'invalid_parameter' } },
    })
  })
})

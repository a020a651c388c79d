import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'
import { ConfigError } from '../config/errors.js'
import { loadConfig } from '../config/loadConfig.js'
import { runService, type StartService, type StartServiceOptions } from './runService.js'
import type { CliContext } from './types.js'

const config = loadConfig({
  path: fileURLToPath(new URL('../../ferry.example.yaml', import.meta.url)),
  env: {},
})

/** A context whose signals, exits, output and log lines the test controls and reads. */
function harness() {
  const stderr: string[] = []
  const logs: Record<string, unknown>[] = []
  const exits: number[] = []
  let listener: ((signal: NodeJS.Signals) => void) | undefined
  const context: CliContext = {
    env: { FERRY_RELAYER_KEY: 'x' },
    stdout: { write: () => true },
    stderr: { write: (text) => stderr.push(text) },
    version: '0.0.0',
    onSignal(next) {
      listener = next
      return () => {
        listener = undefined
      }
    },
    exit: (code) => exits.push(code),
    logDestination: { write: (line: string) => logs.push(JSON.parse(line)) },
  }
  return {
    context,
    stderr,
    logs,
    exits,
    signal: (name: NodeJS.Signals = 'SIGTERM') => listener?.(name),
    subscribed: () => listener !== undefined,
    messages: () => logs.map((line) => line.msg),
  }
}

/** A service that runs until its signal aborts, then takes `stopMs` to stop; records what it got. */
function fakeService(stopMs = 0) {
  const seen: { options?: StartServiceOptions; aborts: number } = { aborts: 0 }
  const start: StartService = async (_config, options) => {
    seen.options = options
    options.signal.addEventListener('abort', () => seen.aborts++)
    const done = new Promise<void>((resolve) =>
      options.signal.addEventListener('abort', () => setTimeout(resolve, stopMs), { once: true }),
    )
    return { done }
  }
  return { start, seen }
}

describe('runService', () => {
  test('first signal aborts once and waits for done: exit 0', async () => {
    const h = harness()
    const service = fakeService(20)
    const exit = runService({
      name: 'relayer',
      config,
      graceMs: 1_000,
      start: service.start,
      context: h.context,
    })
    await sleep(5)
    expect(h.subscribed()).toBe(true)
    h.signal('SIGINT')
    await expect(exit).resolves.toBe(0)
    expect(service.seen.aborts).toBe(1)
    expect(service.seen.options?.signal.aborted).toBe(true)
    expect(service.seen.options?.env).toBe(h.context.env)
    expect(h.exits).toEqual([])
    expect(h.subscribed()).toBe(false)
    expect(h.messages()).toEqual(['stopping the relayer', 'the relayer stopped'])
    expect(h.logs[0]).toMatchObject({
      level: 30,
      service: 'relayer',
      module: 'cli',
      signal: 'SIGINT',
      graceMs: 1_000,
    })
  })

  test('the logger has the config level and module children', async () => {
    const h = harness()
    let level: string | undefined
    const start: StartService = async (_config, { logger }) => {
      level = logger.level
      logger.child({ module: 'relayer' }).info('hello')
      return { done: Promise.resolve() }
    }
    await runService({
      name: 'relayer',
      config: { ...config, log: { level: 'debug' } },
      graceMs: 10,
      start,
      context: h.context,
    })
    expect(level).toBe('debug')
    expect(h.logs[0]).toMatchObject({ module: 'relayer', msg: 'hello', service: 'relayer' })
    expect(typeof h.logs[0]?.time).toBe('string') // ISO time
  })

  test('a second signal exits at once with 2', async () => {
    const h = harness()
    const service = fakeService(60_000)
    void runService({
      name: 'validator',
      config,
      graceMs: 60_000,
      start: service.start,
      context: h.context,
    })
    await sleep(5)
    h.signal()
    h.signal()
    expect(h.exits).toEqual([2])
    expect(service.seen.aborts).toBe(1)
    expect(h.messages()).toContain('second signal: exiting without waiting')
  })

  test('a service still running when the grace period ends: exit 2', async () => {
    const h = harness()
    const service = fakeService(60_000)
    const exit = runService({
      name: 'validator',
      config,
      graceMs: 30,
      start: service.start,
      context: h.context,
    })
    await sleep(5)
    h.signal()
    await expect(exit).resolves.toBe(2)
    expect(h.exits).toEqual([2])
    expect(h.messages()).toContain('the validator did not stop within 30 ms: exiting')
  })

  test('a start that hangs past the grace period after a signal: exit 2', async () => {
    const h = harness()
    const start: StartService = () => new Promise(() => {})
    const exit = runService({ name: 'relayer', config, graceMs: 20, start, context: h.context })
    h.signal()
    await expect(exit).resolves.toBe(2)
    expect(h.exits).toEqual([2])
  })

  test('a start that fails: exit 2, logged with the error', async () => {
    const h = harness()
    const start: StartService = async () => {
      throw new Error('RPC unreachable')
    }
    await expect(
      runService({ name: 'relayer', config, graceMs: 10, start, context: h.context }),
    ).resolves.toBe(2)
    expect(h.logs[0]).toMatchObject({
      level: 50,
      msg: 'the relayer failed to start',
      err: { message: 'RPC unreachable' },
    })
    expect(h.subscribed()).toBe(false)
  })

  test('a start that finds a config problem (a missing key): exit 1, issues on stderr', async () => {
    const h = harness()
    const start: StartService = async () => {
      throw new ConfigError({
        file: 'ferry.yaml',
        issues: [{ field: 'validator.signer', message: 'environment variable K is not set' }],
      })
    }
    await expect(
      runService({ name: 'validator', config, graceMs: 10, start, context: h.context }),
    ).resolves.toBe(1)
    expect(h.stderr.join('')).toBe(
      'Invalid config ferry.yaml: 1 issue.\n  ferry.yaml: validator.signer: environment variable K is not set\n',
    )
  })

  test('a start cut short by the first signal is a clean stop', async () => {
    const h = harness()
    const start: StartService = (_config, { signal }) =>
      new Promise((_resolve, reject) =>
        signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
      )
    const exit = runService({ name: 'relayer', config, graceMs: 1_000, start, context: h.context })
    h.signal()
    await expect(exit).resolves.toBe(0)
  })

  test('done rejecting: exit 2', async () => {
    const h = harness()
    const start: StartService = async () => ({ done: Promise.reject(new Error('store lost')) })
    await expect(
      runService({ name: 'relayer', config, graceMs: 10, start, context: h.context }),
    ).resolves.toBe(2)
    expect(h.logs[0]).toMatchObject({ msg: 'the relayer failed', err: { message: 'store lost' } })
  })

  test('a service that stops without being asked: exit 2', async () => {
    const h = harness()
    const start: StartService = async () => ({ done: Promise.resolve() })
    await expect(
      runService({ name: 'validator', config, graceMs: 10, start, context: h.context }),
    ).resolves.toBe(2)
    expect(h.messages()).toEqual(['the validator stopped without being asked to'])
  })
})

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, test } from 'vitest'
import { explorerCommand } from '../cli/commands/explorer.js'
import { createExplorerApp, explorerCsp } from './createExplorerApp.js'
import { ExplorerNotBuiltError } from './errors.js'
import { startExplorerServer } from './startExplorerServer.js'

let dir: string
const chains = {
  apiUrl: 'http://127.0.0.1:8080',
  chains: [{ kind: 'evm', name: 'evm-a', rpcUrl: 'http://127.0.0.1:8545' }],
  validators: [{ origin: 31337, url: 'http://127.0.0.1:9101', address: '0x' }],
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ferry-explorer-dist-'))
  mkdirSync(join(dir, 'assets'))
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><script type="module" src="/assets/app.js"></script>',
  )
  writeFileSync(join(dir, 'assets/app.js'), 'console.log(1)')
  writeFileSync(join(dir, '..', 'secret.txt'), 'not for the web')
})

describe('createExplorerApp', () => {
  const app = () => createExplorerApp({ dir, apiUrl: 'http://127.0.0.1:8080', chains })

  test('every answer carries the strict CSP: own scripts only, no objects, no framing', async () => {
    const response = await app().request('/message/0xab')
    const csp = response.headers.get('content-security-policy') ?? ''
    for (const directive of [
      "default-src 'none'",
      "script-src 'self'",
      "object-src 'none'",
      "frame-ancestors 'none'",
      "base-uri 'none'",
    ])
      expect(csp).toContain(directive)
    expect(csp).not.toContain('unsafe-inline')
    expect(csp).not.toContain('unsafe-eval')
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(response.headers.get('x-frame-options')).toBe('DENY')
  })

  test('connect-src lists the API, the RPC and the validator origins, nothing else', () => {
    expect(explorerCsp({ apiUrl: 'http://127.0.0.1:8080/', chains })).toContain(
      "connect-src 'self' http://127.0.0.1:8080 http://127.0.0.1:8545 http://127.0.0.1:9101;",
    )
  })

  test('a page path answers index.html (the page routes itself); a file answers itself', async () => {
    const page = await app().request('/search?q=0x12')
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toContain('text/html')
    expect(await page.text()).toContain('/assets/app.js')
    const asset = await app().request('/assets/app.js')
    expect(asset.headers.get('content-type')).toContain('text/javascript')
    expect(await asset.text()).toBe('console.log(1)')
    expect((await app().request('/assets/missing.js')).status).toBe(404)
  })

  test('/config.json tells the page the API and the chains', async () => {
    const response = await app().request('/config.json')
    expect(await response.json()).toEqual({ apiUrl: 'http://127.0.0.1:8080', chains })
  })

  test('no file outside the folder is served', async () => {
    for (const path of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
    ]) {
      const response = await app().request(path)
      expect(await response.text(), path).not.toContain('not for the web')
    }
  })
})

test('startExplorerServer refuses a folder with no built explorer, naming it', async () => {
  const empty = mkdtempSync(join(tmpdir(), 'ferry-explorer-empty-'))
  await expect(
    startExplorerServer({ dir: empty, apiUrl: 'http://127.0.0.1:1', port: 0 }),
  ).rejects.toThrow(ExplorerNotBuiltError)
})

describe('ferry explorer', () => {
  function context() {
    const out: string[] = []
    const err: string[] = []
    let signal: ((signal: NodeJS.Signals) => void) | undefined
    return {
      out,
      err,
      stop: () => signal?.('SIGINT'),
      context: {
        env: {},
        stdout: { write: (text: string) => out.push(text) },
        stderr: { write: (text: string) => err.push(text) },
        version: '0.0.0',
        onSignal: (listener: (signal: NodeJS.Signals) => void) => {
          signal = listener
          return () => {
            signal = undefined
          }
        },
        exit: () => {},
      },
    }
  }

  test('needs --api, as an http(s) URL, and a valid port', async () => {
    for (const [values, fragment] of [
      [{}, '--api <url> is required'],
      [{ api: 'nope' }, '--api must be a URL'],
      [{ api: 'javascript:alert(1)' }, 'http(s)'],
      [{ api: 'http://127.0.0.1:8080', port: '99999' }, '--port must be a TCP port'],
    ] as const) {
      const { err, context: ctx } = context()
      expect(await explorerCommand.run({ values }, ctx)).toBe(1)
      expect(err.join('')).toContain(fragment)
    }
  })

  test('serves the folder until a signal, printing its URL', async () => {
    const { out, stop, context: ctx } = context()
    const running = explorerCommand.run(
      { values: { api: 'http://127.0.0.1:8080', port: '0', dir } },
      ctx,
    )
    for (let i = 0; i < 100 && out.length === 0; i++) await new Promise((r) => setTimeout(r, 20))
    const url = /explorer on (http:\/\/[^ ]+)/.exec(out.join(''))?.[1]
    expect(url).toBeDefined()
    const page = await fetch(`${url}/message/0x01`)
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'")
    stop()
    expect(await running).toBe(0)
  })
})

// `pnpm devnet` as a user runs it: the script in a child process, until its demo completes; then
// the demo messages are checked through the relayer's API, and Ctrl-C must stop everything it
// started (the chains' RPC ports go quiet) and exit 0.
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import type { DevnetFile } from '../../src/devnet/toDevnetFile.ts'

const packageDir = fileURLToPath(new URL('../..', import.meta.url))

describe('pnpm devnet', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ferry-devnet-'))
  let child: ChildProcess | undefined
  let stdout = ''

  afterAll(() => {
    child?.kill('SIGKILL')
    rmSync(dir, { recursive: true, force: true })
  })

  it('brings up the devnet, delivers the demo messages, shows them in the API, and stops on Ctrl-C', async () => {
    child = spawn(process.execPath, ['--import', './scripts/resolveTs.ts', 'scripts/devnet.ts'], {
      cwd: packageDir,
      env: { ...process.env, INIT_CWD: dir, FERRY_DEVNET_API_PORT: '0', FERRY_LOG_LEVEL: 'error' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const running = child
    const exited = new Promise<number | null>((resolve) =>
      running.on('exit', (code) => resolve(code)),
    )
    await new Promise<void>((resolve, reject) => {
      running.stdout?.on('data', (chunk) => {
        stdout += chunk
        if (stdout.includes('Demo complete')) resolve()
      })
      void exited.then((code) =>
        reject(new Error(`devnet exited (${code}) before its demo completed:\n${stdout}`)),
      )
    })

    const file = JSON.parse(readFileSync(join(dir, '.devnet/devnet.json'), 'utf8')) as DevnetFile // CAST: written by startDevnet
    expect(file.chains.map((chain) => chain.domain)).toEqual([31337, 31338, 7001])
    expect(file.validators).toHaveLength(3)
    const ids = [...new Set(stdout.match(/^0x[0-9a-f]{64}/gm))]
    expect(ids).toHaveLength(4)
    for (const id of ids) {
      const response = await fetch(`${file.apiUrl}/v1/messages/${id}`)
      expect(response.status).toBe(200)
      const body = JSON.stringify(await response.json())
      expect(body).toContain(id)
      expect(body.toLowerCase()).toContain('executed')
    }
    expect(stdout).toMatch(/failed, then retried[\s\S]*retry_scheduled[\s\S]*retried/)

    running.kill('SIGINT')
    expect(await exited).toBe(0)
    expect(stdout).toContain('devnet stopped.')
    for (const chain of file.chains) {
      if (chain.kind !== 'evm') continue
      const answered = await fetch(chain.rpcUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] }),
      }).then(
        () => true,
        () => false,
      )
      expect(answered).toBe(false)
    }
  })
})

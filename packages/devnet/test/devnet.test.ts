// `pnpm devnet` as a user runs it: the script in a child process, until its demo completes; then
// the demo messages are checked through the relayer's API, and Ctrl-C must stop everything it
// started (the chains' RPC ports go quiet) and exit 0.
import type { ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { DevnetFile } from '../src/toDevnetFile.ts'
import { runDevnetCommand } from './runDevnetCommand.ts'

describe('pnpm devnet', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ferry-devnet-'))
  let child: ChildProcess | undefined

  afterAll(() => {
    child?.kill('SIGKILL')
    rmSync(dir, { recursive: true, force: true })
  })

  it('brings up the devnet, delivers the demo messages, shows them in the API, and stops on Ctrl-C', async () => {
    const devnet = runDevnetCommand(dir)
    child = devnet.child
    await devnet.demoComplete
    const stdout = devnet.stdout()

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

    devnet.child.kill('SIGINT')
    expect(await devnet.exited).toBe(0)
    expect(devnet.stdout()).toContain('devnet stopped.')
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

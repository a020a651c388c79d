// `pnpm devnet` as a user runs it: the script in a child process, until its demo completes; then
// the demo messages are checked through the relayer's API, the config files it started from are
// checked as `ferry` would read them, and Ctrl-C must stop everything it started (the chains' RPC
// ports go quiet) and exit 0.
import type { ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadConfig } from '@ferry/relayer'
import type { DevnetFile } from '@ferry/sdk'
import { afterAll, describe, expect, it } from 'vitest'
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
    // Three validators per origin, two of which sign.
    expect(file.validators).toHaveLength(9)

    // Started from config files, as the `ferry` CLI would be: they load as it loads them.
    const configDir = join(dir, '.devnet')
    const env = Object.fromEntries(
      [...readFileSync(join(configDir, 'devnet.env'), 'utf8').matchAll(/^(\w+)='(.*)'$/gm)].map(
        ([, name, value]) => [name, value],
      ),
    )
    expect(existsSync(join(configDir, 'ferry.yaml'))).toBe(true)
    const relayer = loadConfig({ path: join(configDir, 'ferry.yaml'), env })
    expect(relayer.validators.map((set) => set.threshold)).toEqual([2, 2, 2])
    expect(`http://127.0.0.1:${relayer.relayer?.api.port}`).toBe(file.apiUrl)
    const validatorFiles = readdirSync(configDir).filter((name) => name.startsWith('validator-'))
    expect(validatorFiles).toHaveLength(9)
    for (const name of validatorFiles) {
      const signer = loadConfig({ path: join(configDir, name), env }).validator?.signer
      expect(signer?.source === 'env' && env[signer.env]).toMatch(/^0x[0-9a-f]{64}$/)
    }

    const ids = [...new Set(stdout.match(/^0x[0-9a-f]{64}/gm))]
    // Four messages, OpenZeppelin's transfer, the EVM round trip's two legs and the CosmWasm
    // denom's three (to evm-a, then EVM → CosmWasm → EVM), and the swap's secret to evm-a.
    expect(ids).toHaveLength(11)
    for (const id of ids) {
      const response = await fetch(`${file.apiUrl}/v1/messages/${id}`)
      expect(response.status).toBe(200)
      // CAST: the API's message detail (schemas/messages.ts); only these fields are read.
      const detail = (await response.json()) as {
        id: string
        status: string
        lifecycle: { checkpoint: { signers: { validator: string }[] } }
      }
      expect(detail).toMatchObject({ id, status: 'executed' })
      // The proof carried two of the origin's three validators' signatures.
      expect(detail.lifecycle.checkpoint.signers.length).toBeGreaterThanOrEqual(2)
    }
    expect(stdout).toMatch(/signed by 2\/3/)
    expect(stdout).toMatch(/pong 0x[0-9a-f]{64} .*→ executed/)
    expect(stdout).toMatch(/failed, then retried[\s\S]*retry_scheduled[\s\S]*retried/)
    // The tokens, with balances read before and after on both chains.
    expect(stdout).toMatch(/BridgeERC20\.crosschainTransfer of 2\.5 TT[\s\S]*sent by payPending/)
    expect(stdout).toContain('evm-b: recipient 0 XCT → 2.5 XCT')
    expect(stdout).toContain('dust 0.000000891234567891 TT stays with the sender')
    expect(stdout).toContain(
      'evm-b: sender 1.234567 bTT → 0 bTT; evm-a: recipient 0.000000891234567891 TT → 1.234567891234567891 TT',
    )
    expect(stdout).toMatch(
      /Ferry token bridge: 2\.345678912345678912 bSTAKE evm-a → wasm[\s\S]*dust 0\.000000912345678912 bSTAKE stays/,
    )
    expect(stdout).toContain('evm-a: sender 5 bSTAKE → 2.654322 bSTAKE')
    expect(stdout).toMatch(
      /Ferry token bridge: 2345678 ustake wasm → evm-a[\s\S]*evm-a: recipient 2\.654322 bSTAKE → 5 bSTAKE/,
    )
    // The swap: each user got the other's amount, Bob from evm-a's HTLC handler.
    expect(stdout).toMatch(
      /atomic swap: 0\.1 ETH on evm-a for 5000000 ustake on wasm[\s\S]*→ executed/,
    )
    expect(stdout).toMatch(/Alice: evm-a .*, wasm 0 ustake → 5000000 ustake/)
    expect(stdout).toMatch(/Bob: evm-a 0 ETH → 0\.1 ETH, wasm /)

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

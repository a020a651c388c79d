// `pnpm devnet -- --wasmd --chains-only`, then the agents by hand with the `ferry` CLI, as the
// README says: the files the devnet writes are configs an operator runs unchanged. Two of the
// evm-a validators (the threshold) and the relayer run as `ferry` processes with the keys from
// devnet.env; a message evm-a → evm-b is delivered and the relayer's API shows it executed.
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { endpointAbi } from '@ferry/evm-contracts'
import { evmAddressToBytes32 } from '@ferry/protocol'
import type { EvmTestChain } from '@ferry/testkit'
import pino from 'pino'
import { parseEventLogs, stringToHex } from 'viem'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Devnet, startDevnet } from '../src/startDevnet.ts'

// The relayer's built CLI, run as `ferry` is (pnpm links the bin only if it was built before the
// install, which a fresh clone's was not).
const ferryCli = join(dirname(fileURLToPath(import.meta.resolve('@ferry/relayer'))), 'cli/ferry.js')

/** `devnet.env`'s `NAME='value'` lines as an environment. */
function readEnvFile(path: string): Record<string, string> {
  return Object.fromEntries(
    readFileSync(path, 'utf8')
      .split('\n')
      .flatMap((line) => {
        const match = /^([A-Z0-9_]+)='([^']*)'$/.exec(line.trim())
        return match?.[1] && match[2] !== undefined ? [[match[1], match[2]]] : []
      }),
  )
}

describe('the devnet files under the ferry CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ferry-devnet-cli-'))
  const agents: ChildProcess[] = []
  const output: string[] = []
  let devnet: Devnet

  beforeAll(async () => {
    devnet = await startDevnet({
      logger: pino({ level: 'silent' }),
      apiPort: 0,
      dir: join(dir, '.devnet'),
      wasmd: true,
      agents: false,
    })
  })

  afterAll(async () => {
    for (const agent of agents) agent.kill('SIGKILL')
    await devnet?.stop()
    rmSync(dir, { recursive: true, force: true })
  })

  const run = (args: string[], env: Record<string, string>) => {
    const child = spawn(process.execPath, [ferryCli, ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    child.stdout?.on('data', (chunk) => output.push(String(chunk)))
    child.stderr?.on('data', (chunk) => output.push(String(chunk)))
    agents.push(child)
    return child
  }

  it('runs two validators and the relayer from the files, and delivers a message', async () => {
    const env = readEnvFile(devnet.config.env)
    const evmA = devnet.config.validators.filter(({ name }) => name.startsWith('evm-a-'))
    expect(evmA).toHaveLength(3)
    for (const { path } of evmA.slice(0, 2)) run(['validator', 'start', '--config', path], env)
    run(['relayer', 'start', '--config', devnet.config.relayer], env)

    const [a, b] = devnet.chains.filter((chain): chain is EvmTestChain => chain.kind === 'evm')
    if (!a?.wallet.account || !b) throw new Error('the devnet has two EVM chains')
    const body = stringToHex('by the ferry CLI')
    const fee = await a.client.readContract({
      address: a.endpoint,
      abi: endpointAbi,
      functionName: 'quote',
      args: [b.domain, BigInt((body.length - 2) / 2), 200_000, 0],
    })
    const hash = await a.wallet.writeContract({
      address: a.endpoint,
      abi: endpointAbi,
      functionName: 'send',
      args: [b.domain, evmAddressToBytes32(b.apps.testRecipients[0] ?? '0x'), body, 200_000, 0, 0n],
      value: fee,
      account: a.wallet.account,
      chain: a.wallet.chain,
    })
    const receipt = await a.client.waitForTransactionReceipt({ hash })
    const [sent] = parseEventLogs({
      abi: endpointAbi,
      eventName: 'MessageSent',
      logs: receipt.logs,
    })
    if (!sent) throw new Error('no MessageSent')

    const deadline = Date.now() + 90_000
    let detail: { status?: string; lifecycle?: { checkpoint?: { signers?: unknown[] } } } = {}
    while (detail.status !== 'executed') {
      if (Date.now() > deadline)
        throw new Error(
          `not delivered: ${JSON.stringify(detail)}\n${output.join('').slice(-3_000)}`,
        )
      await new Promise((resolve) => setTimeout(resolve, 250))
      const response = await fetch(`${devnet.file.apiUrl}/v1/messages/${sent.args.id}`).catch(
        () => undefined,
      )
      // CAST: the API answers a MessageDetail; the test reads these two fields of it.
      if (response?.ok) detail = (await response.json()) as typeof detail
    }
    expect(detail.lifecycle?.checkpoint?.signers).toHaveLength(2)
  })
})

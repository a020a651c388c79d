// `pnpm devnet -- --wasmd` as a user runs it: the script in a child process with the CosmWasm
// chain as a wasmd node (built once into .cache/wasmd), until its demo completes. Then every
// demo message and ack is checked where it landed, on the destination endpoint, and the test
// recipients' records on both sides; Ctrl-C must stop everything, the wasmd node included.
import type { ChildProcess } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CosmWasmClient } from '@cosmjs/cosmwasm-stargate'
import { type CosmWasmExecutor, messageStatus } from '@ferry/cosmwasm-bindings'
import { testRecipientHandled } from '@ferry/cosmwasm-bindings/testing'
import { endpointAbi, testRecipientAbi } from '@ferry/evm-contracts'
import { decodeMessage, MessageStatus } from '@ferry/protocol'
import type { DevnetFile } from '@ferry/sdk'
import { createPublicClient, type Hex, hexToString, http } from 'viem'
import { afterAll, describe, expect, it } from 'vitest'
import { runDevnetCommand } from './runDevnetCommand.ts'

/** Processes named `name` whose parent is `parent` (from /proc: `pid (comm) state ppid …`). */
function childPids(parent: number, name: string): number[] {
  return readdirSync('/proc').flatMap((entry) => {
    if (!/^\d+$/.test(entry)) return []
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      return comm === name && ppid === parent ? [Number(entry)] : []
    } catch {
      return [] // exited while we looked
    }
  })
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

describe('pnpm devnet --wasmd', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ferry-devnet-wasmd-'))
  let child: ChildProcess | undefined
  let wasmdPids: number[] = []

  afterAll(() => {
    child?.kill('SIGKILL')
    for (const pid of wasmdPids) if (alive(pid)) process.kill(pid, 'SIGKILL')
    rmSync(dir, { recursive: true, force: true })
  })

  it('runs the demo on a wasmd node, every message lands, and Ctrl-C stops the node', async () => {
    // The `--` is what `pnpm devnet -- --wasmd` hands the script.
    const devnet = runDevnetCommand(dir, ['--', '--wasmd'])
    child = devnet.child
    await devnet.demoComplete
    const stdout = devnet.stdout()
    wasmdPids = childPids(devnet.child.pid ?? -1, 'wasmd')
    expect(wasmdPids).toHaveLength(1)

    const file = JSON.parse(readFileSync(join(dir, '.devnet/devnet.json'), 'utf8')) as DevnetFile // CAST: written by startDevnet
    const wasm = file.chains.find((chain) => chain.kind === 'cosmwasm')
    if (wasm?.kind !== 'cosmwasm' || !('rpcUrl' in wasm)) throw new Error('no wasmd chain')
    expect(wasm).toMatchObject({ domain: 7001, chainId: 'ferry-devnet-7001' })
    expect(wasm.embedded).toBeUndefined()
    expect(stdout).toContain(`wasmd ${wasm.rpcUrl}`)

    const cosmwasm = await CosmWasmClient.connect(wasm.rpcUrl)
    const reader: CosmWasmExecutor = {
      execute: () => Promise.reject(new Error('read only')),
      query: (contract, msg) => cosmwasm.queryContractSmart(contract, msg),
    }
    const evm = new Map(
      file.chains.flatMap((chain) =>
        chain.kind === 'evm'
          ? [
              [
                chain.domain,
                { chain, client: createPublicClient({ transport: http(chain.rpcUrl) }) },
              ],
            ]
          : [],
      ),
    )
    /** The message's status on its destination endpoint, read from that chain. */
    const statusOnChain = async (encoded: Hex) => {
      const { destination } = decodeMessage(encoded)
      if (destination === wasm.domain)
        return messageStatus(reader, { contract: wasm.endpoint, message: encoded })
      const target = evm.get(destination)
      if (!target) throw new Error(`no chain ${destination}`)
      return target.client.readContract({
        address: target.chain.endpoint as Hex, // CAST: an EVM chain's endpoint is an address
        abi: endpointAbi,
        functionName: 'messageStatus',
        args: [encoded],
      })
    }

    // The ten demo messages (four, then the token transfers) and the two acks (of the ping and
    // of CosmWasm → EVM).
    const messages = [...new Set(stdout.match(/^0x[0-9a-f]{64}/gm))]
    const acks = [...stdout.matchAll(/ack (0x[0-9a-f]{64})/g)].map((match) => match[1])
    expect(messages).toHaveLength(10)
    expect(acks).toHaveLength(2)
    const routes = new Set<string>()
    for (const id of [...messages, ...acks]) {
      const response = await fetch(`${file.apiUrl}/v1/messages/${id}`)
      expect(response.status).toBe(200)
      // CAST: the API's message detail (schemas/messages.ts); only `encoded` is read.
      const { encoded } = (await response.json()) as { encoded: Hex }
      const { origin, destination } = decodeMessage(encoded)
      routes.add(`${origin}→${destination}`)
      expect(await statusOnChain(encoded), id).toBe(MessageStatus.Executed)
    }
    expect(routes).toEqual(new Set(['31337→31338', '31338→31337', '31337→7001', '7001→31337']))

    // The wasm test recipient handled the EVM message and the ack of its own; evm-a's, the
    // message from wasm.
    const evmA = evm.get(31337)
    const [wasmApp, evmAApp] = [wasm.apps.testRecipient, evmA?.chain.apps.testRecipient]
    if (!evmA || !wasmApp || !evmAApp) throw new Error('no test recipients in the devnet file')
    expect((await testRecipientHandled(reader, { app: wasmApp })).count).toBe(2)
    const evmApp = (name: 'handled' | 'lastBody') =>
      evmA.client.readContract({
        address: evmAApp as Hex, // CAST: an EVM app's address
        abi: testRecipientAbi,
        functionName: name,
      })
    expect(await evmApp('handled')).toBe(1n)
    expect(hexToString((await evmApp('lastBody')) as Hex)).toBe('hello from wasm') // CAST: bytes
    cosmwasm.disconnect()

    devnet.child.kill('SIGINT')
    expect(await devnet.exited).toBe(0)
    expect(devnet.stdout()).toContain('devnet stopped.')
    expect(wasmdPids.filter(alive)).toEqual([])
    const answered = await fetch(`${wasm.rpcUrl}/status`).then(
      () => true,
      () => false,
    )
    expect(answered).toBe(false)
  }, 900_000) // the first run builds wasmd (tools/wasmd/build.sh): minutes, then cached
})

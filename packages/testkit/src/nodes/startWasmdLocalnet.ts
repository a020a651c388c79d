import { execFile, spawn } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { freePort } from '../process/freePort.js'
import { stopChild } from '../process/stopChild.js'
import { buildWasmd } from './buildWasmd.js'

const run = promisify(execFile)

export type WasmdLocalnet = {
  rpcUrl: string
  chainId: string
  denom: string
  /** Stops the node, waits for its exit and removes its home folder. */
  stop: () => Promise<void>
}

export type StartWasmdLocalnetParameters = {
  /** Bech32 addresses funded at genesis with `amount` of `denom` each. */
  accounts: readonly string[]
  amount?: bigint
  chainId?: string
  /** The staking and fee denom. Default `stake`. */
  denom?: string
  /** CometBFT's commit timeout: the block time, near enough. Default 200 ms. */
  blockTimeMs?: number
  /** A wasmd binary; default: `buildWasmd()` (built once by `tools/wasmd/build.sh`). Throws `WasmdUnavailableError` when it cannot be built. */
  binary?: string
  /** How long to wait for the first blocks. Default 60 s. */
  timeoutMs?: number
}

/** The node did not start, or produced no blocks in time. */
export class WasmdLocalnetError extends Error {
  override name = 'WasmdLocalnetError'
}

/**
 * Starts a single-validator wasmd chain on 127.0.0.1 (fresh home folder, free ports, fast blocks,
 * funded accounts) and resolves once it has produced two blocks. Clients use the RPC port; gRPC
 * listens on loopback too, the REST API is off.
 *
 * @example
 * const chain = await startWasmdLocalnet({ accounts: [alice] })
 * const client = await SigningCosmWasmClient.connectWithSigner(chain.rpcUrl, wallet, { gasPrice })
 * await chain.stop()
 */
export async function startWasmdLocalnet({
  accounts,
  amount = 10n ** 15n,
  chainId = 'ferry-local',
  denom = 'stake',
  blockTimeMs = 200,
  binary,
  timeoutMs = 60_000,
}: StartWasmdLocalnetParameters): Promise<WasmdLocalnet> {
  const wasmd = binary ?? (await buildWasmd())
  const home = await mkdtemp(join(tmpdir(), 'ferry-wasmd-'))
  const cli = (...args: string[]) => run(wasmd, [...args, '--home', home], { maxBuffer: 1 << 24 })
  const keyring = ['--keyring-backend', 'test']

  await cli('init', 'ferry-node', '--chain-id', chainId, '--default-denom', denom)
  await cli('keys', 'add', 'validator', ...keyring)
  const validator = (await cli('keys', 'show', 'validator', '-a', ...keyring)).stdout.trim()
  for (const address of new Set([validator, ...accounts]))
    await cli('genesis', 'add-genesis-account', address, `${amount}${denom}`, ...keyring)
  await cli(
    'genesis',
    'gentx',
    'validator',
    `${amount / 10n}${denom}`,
    '--chain-id',
    chainId,
    ...keyring,
  )
  await cli('genesis', 'collect-gentxs')

  const [rpc, p2p, abci, grpc] = [
    await freePort(),
    await freePort(),
    await freePort(),
    await freePort(),
  ]
  await configure(join(home, 'config', 'config.toml'), [
    [/^timeout_commit = .*$/m, `timeout_commit = "${blockTimeMs}ms"`],
    [/^timeout_propose = .*$/m, `timeout_propose = "${Math.max(blockTimeMs * 2, 500)}ms"`],
    [/^laddr = "tcp:\/\/127\.0\.0\.1:26657"$/m, `laddr = "tcp://127.0.0.1:${rpc}"`],
    [/^laddr = "tcp:\/\/0\.0\.0\.0:26656"$/m, `laddr = "tcp://127.0.0.1:${p2p}"`],
    [/^proxy_app = .*$/m, `proxy_app = "tcp://127.0.0.1:${abci}"`],
    [/^pprof_laddr = .*$/m, 'pprof_laddr = ""'],
  ])
  await configure(join(home, 'config', 'app.toml'), [
    [/^minimum-gas-prices = .*$/m, `minimum-gas-prices = "0${denom}"`],
    // gRPC stays on, on loopback: the node registers the tx service (gas simulation, which cosmjs
    // queries over RPC) only with it. The REST API is off by default.
    [/(\[grpc\][\s\S]*?^address = ).*$/m, `$1"127.0.0.1:${grpc}"`],
  ])

  const node = spawn(wasmd, ['start', '--home', home], { stdio: ['ignore', 'ignore', 'pipe'] })
  let log = ''
  node.stderr?.on('data', (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-4_000)
  })
  const rpcUrl = `http://127.0.0.1:${rpc}`
  const stop = async () => {
    await stopChild(node)
    await rm(home, { recursive: true, force: true })
  }
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (node.exitCode !== null) {
      await stop()
      throw new WasmdLocalnetError(`wasmd exited with ${node.exitCode}: ${log}`)
    }
    if ((await latestHeight(rpcUrl)) >= 2) return { rpcUrl, chainId, denom, stop }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  await stop()
  throw new WasmdLocalnetError(`wasmd produced no blocks in ${timeoutMs} ms: ${log}`)
}

async function configure(file: string, edits: [RegExp, string][]): Promise<void> {
  let text = await readFile(file, 'utf8')
  for (const [pattern, replacement] of edits) {
    if (!pattern.test(text)) throw new WasmdLocalnetError(`${file}: no line matches ${pattern}`)
    text = text.replace(pattern, replacement)
  }
  await writeFile(file, text)
}

async function latestHeight(rpcUrl: string): Promise<number> {
  try {
    const response = await fetch(`${rpcUrl}/status`)
    // CAST: CometBFT's /status answer; the field is checked below.
    const body = (await response.json()) as {
      result?: { sync_info?: { latest_block_height?: string } }
    }
    return Number(body.result?.sync_info?.latest_block_height ?? 0)
  } catch {
    return 0 // not listening yet
  }
}

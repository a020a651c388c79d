import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { freePort } from '../process/freePort.js'
import { stopChild } from '../process/stopChild.js'

export type HardhatNode = {
  rpcUrl: string
  chainId: number
  /** Stops the node and waits for its process to exit. */
  stop: () => Promise<void>
}

export type StartHardhatNodeParameters = {
  chainId: number
  /**
   * `op`: an OP Stack rollup (Hardhat's `chainType: 'op'`), with the `GasPriceOracle` and
   * `L1Block` predeploys and an L1 data fee (`l1Fee`) in receipts. Default `l1`.
   */
  chainType?: 'l1' | 'op' | undefined
  /** Default: a free port chosen by the OS. */
  port?: number
  /** How long to wait for the node's JSON-RPC to answer. Default 60 s. */
  timeoutMs?: number
}

/** The node exited, or did not answer JSON-RPC, before it was ready. */
export class HardhatNodeStartError extends Error {
  override name = 'HardhatNodeStartError'
}

/**
 * `@ferry/evm-contracts`' folder: `hardhat node` reads the one Hardhat config there (its EDR
 * chain's settings, such as geth-like gas estimation), and runs the Hardhat that package builds with.
 */
const packageDir = fileURLToPath(new URL('..', import.meta.resolve('@ferry/evm-contracts')))
// Hardhat's `exports` map hides its CLI file but exposes package.json, whose `bin` names it.
const hardhatCli = fileURLToPath(
  new URL(
    'dist/src/cli.js',
    pathToFileURL(createRequire(`${packageDir}package.json`).resolve('hardhat/package.json')),
  ),
)

/**
 * Starts `hardhat node` (Hardhat's EDR chain over JSON-RPC) on 127.0.0.1 with `chainId`, and
 * resolves once it answers `eth_chainId`. Its accounts are Hardhat's default funded accounts.
 * Runs on the Node that runs the caller, which must be Node 22 or newer (Hardhat 3).
 *
 * @example
 * const node = await startHardhatNode({ chainId: 31338 })
 * // ... createPublicClient({ transport: http(node.rpcUrl) })
 * await node.stop()
 */
export async function startHardhatNode({
  chainId,
  chainType = 'l1',
  port,
  timeoutMs = 60_000,
}: StartHardhatNodeParameters): Promise<HardhatNode> {
  const chosenPort = port ?? (await freePort())
  const child = spawn(
    process.execPath,
    [
      hardhatCli,
      'node',
      '--hostname',
      '127.0.0.1',
      '--port',
      `${chosenPort}`,
      '--chain-id',
      `${chainId}`,
      // The config's networks for `hardhat node`: `node` (L1) and `nodeOp`.
      '--network',
      chainType === 'op' ? 'nodeOp' : 'node',
    ],
    { cwd: packageDir, stdio: ['ignore', 'ignore', 'pipe'] },
  )
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4_000)
  })
  const rpcUrl = `http://127.0.0.1:${chosenPort}`
  const stop = () => stopChild(child)
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new HardhatNodeStartError(`hardhat node exited with ${child.exitCode}: ${stderr}`)
    }
    if ((await rpcChainId(rpcUrl)) === chainId) return { rpcUrl, chainId, stop }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  await stop()
  throw new HardhatNodeStartError(
    `hardhat node on ${rpcUrl} did not answer in ${timeoutMs} ms: ${stderr}`,
  )
}

async function rpcChainId(rpcUrl: string): Promise<number | undefined> {
  try {
    const response = await fetch(rpcUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] }),
    })
    // CAST: a JSON-RPC response; `result` is checked before use.
    const { result } = (await response.json()) as { result?: string }
    return typeof result === 'string' ? Number(result) : undefined
  } catch {
    return undefined // not listening yet
  }
}

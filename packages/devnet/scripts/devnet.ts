// `pnpm devnet [--wasmd] [--chains-only]`: the whole system on this machine. Starts two EVM
// chains, the CosmWasm chain (the embedded VM, or with --wasmd a wasmd node, built once by
// tools/wasmd/build.sh), Ferry and the example apps; writes the `ferry` config files to .devnet/
// and starts from them three validators per chain and the relayer with its API, through the same
// functions as `ferry validator start` / `ferry relayer start`; sends the demo messages and
// prints each one's lifecycle, read from the API, as it completes; then runs until Ctrl-C, when it
// stops everything it started. With --chains-only (and --wasmd: the CLI embeds no chain) it
// starts no validators or relayer, for running them by hand with the `ferry` CLI. Logs (pino
// JSON) go to stderr at FERRY_LOG_LEVEL (default warn); the API listens on
// FERRY_DEVNET_API_PORT (default 8080), the explorer (apps/explorer/dist, built by the root
// `pnpm devnet`) on FERRY_DEVNET_EXPLORER_PORT (default 8081).
import { existsSync } from 'node:fs'
import { dirname, relative, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { BaseError } from '@ferry/protocol'
import { useBaselineWasmCompiler } from '@ferry/relayer'
import pino from 'pino'
import { runDevnetDemo } from '../dist/runDevnetDemo.js'
import { startDevnet } from '../dist/startDevnet.js'

// As the `ferry` CLI does: ten PGlite stores (nine validators, the relayer) without V8's
// optimising recompiles, each of which holds tens of MB.
useBaselineWasmCompiler()
const logger = pino({ level: process.env.FERRY_LOG_LEVEL ?? 'warn' }, pino.destination(2))
const dir = resolve(process.env.INIT_CWD ?? process.cwd(), '.devnet')
const { values: options } = parseArgs({
  // `pnpm devnet -- --wasmd` hands the script the `--` too.
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: {
    wasmd: { type: 'boolean', default: false },
    'chains-only': { type: 'boolean', default: false },
  },
})
const agents = !options['chains-only']
if (!agents && !options.wasmd) {
  console.error('--chains-only needs --wasmd: the ferry CLI cannot reach the embedded CosmWasm VM.')
  process.exit(2)
}
if (options.wasmd)
  console.log('Starting the CosmWasm chain as a wasmd node (the first run builds wasmd: minutes).')
// The root `pnpm devnet` builds it; run from this package alone it may not be.
const explorerDir = resolve(import.meta.dirname, '../../../apps/explorer/dist')
const explorerBuilt = existsSync(resolve(explorerDir, 'index.html'))
if (agents && !explorerBuilt)
  console.log('The explorer is not built (pnpm --filter @ferry/explorer build): not serving it.')
const started = Date.now()
const devnet = await startDevnet({
  logger,
  apiPort: Number(process.env.FERRY_DEVNET_API_PORT ?? 8080),
  dir,
  wasmd: options.wasmd,
  agents,
  // The explorer reads the relayer's API: served only when the agents run, and when built.
  explorer:
    agents && explorerBuilt
      ? { dir: explorerDir, port: Number(process.env.FERRY_DEVNET_EXPLORER_PORT ?? 8081) }
      : undefined,
}).catch((error: unknown) => {
  // A named error says what to do (WasmdUnavailableError: how to build wasmd); its stack does not.
  console.error(error instanceof BaseError ? `${error.name}: ${error.message}` : error)
  process.exit(1)
})

let stopping = false
const stop = async (signal: string) => {
  if (stopping) process.exit(1) // A second Ctrl-C: leave at once.
  stopping = true
  console.log(`\n${signal}: stopping the relayer and its API, the validators and the chains…`)
  await devnet.stop()
  console.log('devnet stopped.')
  process.exit(0)
}
process.on('SIGINT', () => void stop('SIGINT'))
process.on('SIGTERM', () => void stop('SIGTERM'))

console.log(`Ferry devnet up in ${((Date.now() - started) / 1000).toFixed(1)} s`)
for (const chain of devnet.file.chains)
  console.log(
    `  ${chain.name.padEnd(6)} domain ${chain.domain}  ${chain.kind === 'evm' ? chain.rpcUrl : chain.embedded ? 'embedded CosmWasm VM' : `wasmd ${chain.rpcUrl}`}  endpoint ${chain.endpoint}`,
  )
for (const validator of devnet.file.validators)
  console.log(`  validator of ${validator.origin}: ${validator.url} (${validator.address})`)
console.log(`  relayer API: ${devnet.file.apiUrl}/v1/messages`)
if (devnet.explorerUrl) console.log(`  explorer: ${devnet.explorerUrl}`)
console.log(
  `  config: ${devnet.config.relayer}, ${devnet.config.validators.length} validator files, ${devnet.config.env}`,
)
console.log(`  devnet file: ${resolve(dir, 'devnet.json')}`)
if (!agents) {
  console.log(
    `\nNo validators or relayer started. Run them with the ferry CLI (from ${dirname(dir)}):`,
  )
  console.log('  set -a; . .devnet/devnet.env; set +a')
  for (const { path } of devnet.config.validators)
    console.log(`  ferry validator start --config ${relative(dirname(dir), path)} &`)
  console.log('  ferry relayer start --config .devnet/ferry.yaml')
  console.log('\nCtrl-C stops the chains.')
} else {
  console.log('\nDemo messages:')
  try {
    const outcomes = await runDevnetDemo({
      chains: devnet.chains,
      bridges: devnet.bridges,
      apiUrl: devnet.file.apiUrl,
      validators: devnet.file.validators,
      report: (lines) => console.log(`${lines.join('\n')}\n`),
    })
    console.log(
      `Demo complete: ${outcomes.length} messages delivered. The devnet keeps running; Ctrl-C stops it.`,
    )
    if (devnet.explorerUrl) console.log(`\nExplorer: open ${devnet.explorerUrl}`)
  } catch (error) {
    console.error(error)
    await stop('demo failed')
  }
}

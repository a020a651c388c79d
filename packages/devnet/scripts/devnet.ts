// `pnpm devnet [--wasmd]`: the whole system on this machine. Starts two EVM chains, the
// CosmWasm chain (the embedded VM, or with --wasmd a wasmd node, built once by
// tools/wasmd/build.sh), Ferry and the example apps, a validator per chain and the relayer with
// its API; sends the demo messages and prints each one's lifecycle as it completes; then runs
// until Ctrl-C, when it stops everything it started. Logs (pino JSON) go to stderr at
// FERRY_LOG_LEVEL (default warn); the API listens on FERRY_DEVNET_API_PORT (default 8080).
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { BaseError } from '@ferry/protocol'
import pino from 'pino'
import { runDevnetDemo } from '../dist/runDevnetDemo.js'
import { startDevnet } from '../dist/startDevnet.js'

const logger = pino({ level: process.env.FERRY_LOG_LEVEL ?? 'warn' }, pino.destination(2))
const file = resolve(process.env.INIT_CWD ?? process.cwd(), '.devnet/devnet.json')
const { values: options } = parseArgs({
  // `pnpm devnet -- --wasmd` hands the script the `--` too.
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: { wasmd: { type: 'boolean', default: false } },
})
if (options.wasmd)
  console.log('Starting the CosmWasm chain as a wasmd node (the first run builds wasmd: minutes).')
const started = Date.now()
const devnet = await startDevnet({
  logger,
  apiPort: Number(process.env.FERRY_DEVNET_API_PORT ?? 8080),
  file,
  wasmd: options.wasmd,
}).catch((error: unknown) => {
  // A named error says what to do (WasmdUnavailableError: how to build wasmd); its stack does not.
  console.error(error instanceof BaseError ? `${error.name}: ${error.message}` : error)
  process.exit(1)
})

let stopping = false
const stop = async (signal: string) => {
  if (stopping) process.exit(1) // A second Ctrl-C: leave at once.
  stopping = true
  console.log(`\n${signal}: stopping the relayer, validators, API and chains…`)
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
console.log(`  relayer API: ${devnet.file.apiUrl}/v1/messages   devnet file: ${file}`)
console.log('\nDemo messages:')
try {
  const outcomes = await runDevnetDemo({
    chains: devnet.chains,
    store: devnet.store,
    report: (lines) => console.log(`${lines.join('\n')}\n`),
  })
  console.log(
    `Demo complete: ${outcomes.length} messages delivered. The devnet keeps running; Ctrl-C stops it.`,
  )
} catch (error) {
  console.error(error)
  await stop('demo failed')
}

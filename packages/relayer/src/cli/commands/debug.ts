import { readFileSync } from 'node:fs'
import {
  createFerryClient,
  type FerryClient,
  FerryError,
  getMessagesFromTransaction,
  type RecipientAbis,
  simulateDelivery,
} from '@ferry/sdk'
import { type Abi, type Address, type Hex, isAddress, isHex } from 'viem'
import { toSimulationView } from '../../api/views/toSimulationView.js'
import type { FerryConfig } from '../../config/schema.js'
import { toFerryChains } from '../../config/toFerryChains.js'
import { formatSimulation } from '../debug/formatSimulation.js'
import { CONFIG_OPTION, loadCliConfig } from '../loadCliConfig.js'
import { type CliCommand, type CliContext, ExitCode } from '../types.js'

/**
 * `ferry debug <message id | origin tx hash>`: why a message's delivery fails, or that it would
 * succeed, from a dry run on its destination (the SDK's `simulateDelivery`) over the config's
 * chains. The proof comes from a relayer API (`--api`, default the config's `relayer.api` when
 * enabled), else from the origin's validators in the config. A transaction hash is looked up on
 * the chains first (every message it sent is debugged); anything else is a message id.
 *
 * @example
 * await debugCommand.run({ values: { config: 'ferry.yaml', json: true }, positionals: [id] }, context)
 */
export const debugCommand: CliCommand = {
  path: ['debug'],
  summary: "Say why a message's delivery fails (or that it would succeed), by a dry run",
  argument: {
    placeholder: '<message id | origin tx hash>',
    description: 'the message (0x + 64 hex), or the origin transaction that sent it',
  },
  options: {
    config: CONFIG_OPTION,
    json: { type: 'boolean', description: 'Print the simulation as JSON (as the API answers it)' },
    api: {
      type: 'string',
      placeholder: '<url>',
      description: "A relayer API to read the proof from (default: the config's relayer.api)",
    },
    'gas-limit': {
      type: 'string',
      placeholder: '<gas>',
      description: "For a Failed message, the retry's handler gas limit (default: its own)",
    },
    block: {
      type: 'string',
      placeholder: '<number>',
      description: 'Run on the state after this destination block (default: its head)',
    },
    abi: {
      type: 'string',
      placeholder: '<address=file,…>',
      description: "Recipients' ABI JSON files, to decode their errors by name",
    },
  },
  async run(args, context) {
    const loaded = loadCliConfig(args, context)
    if (loaded.type === 'failed') return loaded.exitCode
    const { config } = loaded
    let target: Hex
    let options: Omit<ReturnType<typeof parseOptions>, 'target'>
    try {
      ;({ target, ...options } = parseOptions(args.values, args.positionals?.[0] ?? ''))
    } catch (error) {
      context.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`)
      return ExitCode.usage
    }
    const client = createFerryClient({
      chains: toFerryChains(config),
      apiUrl: options.api ?? defaultApiUrl(config),
      validators: validatorUrls(config),
    })
    try {
      const { api: _api, ...simulated } = options
      for (const id of await messageIdsOf(client, target)) {
        const simulation = await simulateDelivery(client, { id, ...simulated })
        const endpoint = client.chain(simulation.chain).endpoint
        context.stdout.write(
          args.values.json === true
            ? `${JSON.stringify(toSimulationView(simulation), null, 2)}\n`
            : formatSimulation(simulation, { endpoint }),
        )
      }
      return ExitCode.ok
    } catch (error) {
      writeFailure(error, context)
      return error instanceof FerryError ? ExitCode.usage : ExitCode.failure
    }
  },
}

function parseOptions(values: Record<string, string | boolean | undefined>, target: string) {
  if (!isHex(target) || target.length !== 66)
    throw new Error(`"${target}" is not a message id or transaction hash (0x + 64 hex)`)
  const number = (name: string) => {
    const value = values[name]
    if (typeof value !== 'string') return undefined
    if (!/^\d+$/.test(value)) throw new Error(`--${name} must be a whole number, got "${value}"`)
    return value
  }
  const gasLimit = number('gas-limit')
  const block = number('block')
  return {
    target,
    gasLimit: gasLimit === undefined ? undefined : Number(gasLimit),
    block: block === undefined ? undefined : BigInt(block),
    abis: typeof values.abi === 'string' ? readAbis(values.abi) : undefined,
    api: typeof values.api === 'string' ? values.api : undefined,
  }
}

/** `--abi 0xRecipient=path.json,…`: each file an ABI array, or an artifact with an `abi`. */
function readAbis(list: string): RecipientAbis {
  const abis: Record<Address, Abi> = {}
  for (const entry of list.split(',')) {
    const [address, file] = entry.split('=')
    if (address === undefined || file === undefined || !isAddress(address))
      throw new Error(`--abi entries are <address>=<file>, got "${entry}"`)
    const json: unknown = JSON.parse(readFileSync(file, 'utf8'))
    const abi = Array.isArray(json) ? json : (json as { abi?: unknown }).abi
    if (!Array.isArray(abi)) throw new Error(`${file} holds no ABI array`)
    // CAST: an ABI JSON array as solc and Hardhat write it.
    abis[address] = abi as Abi
  }
  return abis
}

/** The config's own relayer API, when it serves one. */
function defaultApiUrl(config: FerryConfig): string | undefined {
  const api = config.relayer?.api
  return api?.enabled ? `http://${api.host}:${api.port}` : undefined
}

/** The config's validator URLs by origin domain, for proofs built without an API. */
function validatorUrls(config: FerryConfig): Record<number, readonly string[]> {
  const domainOf = new Map(config.chains.map((chain) => [chain.name, chain.domain]))
  return Object.fromEntries(
    config.validators.flatMap((set) => {
      const domain = domainOf.get(set.origin)
      return domain === undefined ? [] : [[domain, set.urls]]
    }),
  )
}

/**
 * The messages `target` names: those an origin transaction of that hash sent, on the first
 * chain that has it, else `target` itself as a message id. A chain that cannot answer (down, or
 * another process's embedded VM) is passed over: the id is then tried.
 */
async function messageIdsOf(client: FerryClient, target: Hex): Promise<Hex[]> {
  for (const chain of client.chains) {
    try {
      const sent = await getMessagesFromTransaction(client, {
        chain: chain.name,
        transactionHash: target,
      })
      if (sent.length > 0) return sent.map(({ id }) => id)
    } catch {
      // Not a transaction of this chain (or the chain is unreachable): try the next.
    }
  }
  return [target]
}

function writeFailure(error: unknown, context: CliContext): void {
  if (error instanceof FerryError) {
    context.stderr.write(`error: ${error.shortMessage}\n`)
    if (error.recovery) context.stderr.write(`  recovery: ${JSON.stringify(error.recovery)}\n`)
    return
  }
  context.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`)
}

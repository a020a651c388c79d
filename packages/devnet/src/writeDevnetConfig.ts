import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { stringify } from 'yaml'
import type { DevnetConfig } from './toDevnetConfig.js'

export type WriteDevnetConfigReturnType = {
  /** `ferry.yaml`: the relayer's config. */
  relayer: string
  /** `validator-<name>.yaml`, one per validator, in `config.validators` order. */
  validators: { name: string; path: string }[]
  /** `devnet.env`: the keys, as shell assignments. */
  env: string
}

const HEADER = [
  '# Written by `pnpm devnet`: the devnet as the `ferry` CLI runs it. Test keys only, in devnet.env:',
  '#   set -a; . .devnet/devnet.env; set +a',
]

/**
 * Writes the devnet's config (`toDevnetConfig`) into `dir`: `ferry.yaml`, a
 * `validator-<name>.yaml` per validator and `devnet.env`, each with a header saying how to run it
 * with the `ferry` CLI. Returns the paths written.
 *
 * @example
 * const files = writeDevnetConfig('.devnet', toDevnetConfig({ chains, validators, threshold: 2, apiPort }))
 * loadConfig({ path: files.relayer, env: config.env })
 */
export function writeDevnetConfig(dir: string, config: DevnetConfig): WriteDevnetConfigReturnType {
  mkdirSync(dir, { recursive: true })
  const write = (name: string, lines: string[], body: string) => {
    const path = join(dir, name)
    writeFileSync(path, `${[...lines, body].join('\n')}`)
    return path
  }
  const relayer = write(
    'ferry.yaml',
    [...HEADER, '#   ferry relayer start --config .devnet/ferry.yaml', ''],
    stringify(config.relayer),
  )
  const validators = config.validators.map(({ name, config: validator }) => ({
    name,
    path: write(
      `validator-${name}.yaml`,
      [...HEADER, `#   ferry validator start --config .devnet/validator-${name}.yaml`, ''],
      stringify(validator),
    ),
  }))
  const env = write(
    'devnet.env',
    [
      '# The devnet’s keys: public test keys (Hardhat’s accounts and mnemonic, keys derived from',
      '# public strings), for local chains only. Load with: set -a; . .devnet/devnet.env; set +a',
    ],
    // Single quotes: a mnemonic has spaces, and no key has a quote.
    `${Object.entries(config.env)
      .map(([name, value]) => `${name}='${value}'`)
      .join('\n')}\n`,
  )
  return { relayer, validators, env }
}

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, expect, test } from 'vitest'
import { InvalidDevnetFileError } from '../errors/InvalidDevnetFileError.js'
import { loadDevnetChains } from './loadDevnetChains.js'

const dir = mkdtempSync(join(tmpdir(), 'ferry-sdk-devnet-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

test('reads the devnet file into client parameters; a bad one names the file', async () => {
  const path = join(dir, 'devnet.json')
  writeFileSync(
    path,
    JSON.stringify({
      apiUrl: 'http://127.0.0.1:8080',
      chains: [
        {
          kind: 'evm',
          name: 'evm-a',
          domain: 31337,
          chainId: 31337,
          rpcUrl: 'http://127.0.0.1:8545',
          endpoint: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
          apps: {},
        },
      ],
      validators: [],
    }),
  )
  const { chains, apiUrl } = await loadDevnetChains({ path })
  expect(chains.map(({ domain }) => domain)).toEqual([31337])
  expect(apiUrl).toBe('http://127.0.0.1:8080')

  writeFileSync(path, JSON.stringify({ apiUrl: 'http://x', chains: {} }))
  await expect(loadDevnetChains({ path })).rejects.toThrow(InvalidDevnetFileError)
  await expect(loadDevnetChains({ path })).rejects.toThrow(path)
})

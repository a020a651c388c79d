// getMessage over the devnet (real chains, validators and relayer, in-process): a message sent
// EVM → EVM is found and followed to `executed`, through the relayer API and from the chains and
// validators alone; an id nobody sent is `not_found`.

import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { endpointAbi, testRecipientAbi } from '@ferry/evm-contracts'
import { createFerryClient, defineFerryChain, evmAddressToBytes32, getMessage } from '@ferry/sdk'
import type { EvmTestChain } from '@ferry/testkit'
import { pino } from 'pino'
import { type Hex, parseEventLogs, stringToHex } from 'viem'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { type Devnet, startDevnet } from '../../src/startDevnet.js'

let devnet: Devnet
beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ferry-sdk-'))
  devnet = await startDevnet({
    logger: pino({ level: 'silent' }),
    apiPort: 0,
    dir,
    blockTimeMs: 300,
  })
})
afterAll(async () => {
  await devnet?.stop()
})

const evm = (name: string) => {
  const chain = devnet.chains.find((c) => c.name === name)
  if (chain?.kind !== 'evm') throw new Error(`no EVM chain ${name}`)
  return chain
}
const asFerryChain = (chain: EvmTestChain) =>
  defineFerryChain({
    kind: 'evm',
    name: chain.name,
    domain: chain.domain,
    endpoint: chain.endpoint,
    rpcUrls: [chain.rpcUrl],
  })

/** Sends `body` from evm-a's test recipient to evm-b's with the bindings' ABIs; returns the id. */
async function sendEvmToEvm(body: string): Promise<Hex> {
  const [a, b] = [evm('evm-a'), evm('evm-b')]
  const [from] = a.apps.testRecipients
  const [to] = b.apps.testRecipients
  if (!from || !to || !a.wallet.account) throw new Error('devnet without test recipients')
  const data = stringToHex(body)
  const fee = await a.client.readContract({
    address: a.endpoint,
    abi: endpointAbi,
    functionName: 'quote',
    args: [b.domain, BigInt((data.length - 2) / 2), 200_000, 0],
  })
  const hash = await a.wallet.writeContract({
    address: from,
    abi: testRecipientAbi,
    functionName: 'sendVia',
    args: [a.endpoint, b.domain, evmAddressToBytes32(to), data, 200_000, 0, 0n],
    value: fee,
    account: a.wallet.account,
    chain: a.wallet.chain,
  })
  const receipt = await a.client.waitForTransactionReceipt({ hash })
  const [log] = parseEventLogs({ abi: endpointAbi, logs: receipt.logs, eventName: 'MessageSent' })
  if (!log) throw new Error('no MessageSent')
  return log.args.id
}

test('getMessage follows an EVM → EVM message to executed, with and without the API', async () => {
  const chains = [asFerryChain(evm('evm-a')), asFerryChain(evm('evm-b'))] as const
  const validators = Object.fromEntries(
    [31337, 31338].map((domain) => [
      domain,
      devnet.file.validators.filter((v) => v.origin === domain).map((v) => v.url),
    ]),
  )
  const withApi = createFerryClient({ chains, apiUrl: devnet.file.apiUrl, validators })
  const chainsOnly = createFerryClient({ chains, validators })
  const id = await sendEvmToEvm('ok:tracked')
  const seen = new Set<string>()
  for (const deadline = Date.now() + 60_000; Date.now() < deadline; ) {
    const state = await getMessage(withApi, { id })
    seen.add(state.type)
    if (state.type === 'executed') break
    expect(['not_found', 'pending_finality', 'waiting_signatures', 'in_flight']).toContain(
      state.type,
    )
    await new Promise((resolve) => setTimeout(resolve, 300))
  }
  expect(seen.has('executed')).toBe(true)
  const fromChains = await getMessage(chainsOnly, { id, origin: 'evm-a' })
  expect(fromChains).toMatchObject({ type: 'executed', origin: 31337, destination: 31338 })
  expect(await getMessage(chainsOnly, { id: `0x${'ab'.repeat(32)}` })).toEqual({
    type: 'not_found',
    id: `0x${'ab'.repeat(32)}`,
  })
})

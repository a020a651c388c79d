// An atomic swap between the devnet's two users through the relayer service (real chains,
// validators and relayer, in-process): Alice's evm-a native token for Bob's CosmWasm denom, as
// the SDK README walks through it. Exact balances on both chains, and the secret carried by
// Ferry: evm-a's HTLC pays Bob from the handler, Bob never claims by hand.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { hashedTimelockAbi } from '@ferry/evm-contracts'
import { bech32ToBytes32, evmAddressToBytes32 } from '@ferry/protocol'
import type { DevnetFile } from '@ferry/sdk'
import { pino } from 'pino'
import { getAddress, parseEventLogs } from 'viem'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { followMessages } from '../src/followMessages.js'
import { type Devnet, startDevnet } from '../src/startDevnet.js'
import { SWAP_USERS, swapOnDevnet } from '../src/swapOnDevnet.js'
import { evmChain, wasmChain } from './sdk/sdkWorld.js'

let devnet: Devnet
let dir: string
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ferry-devnet-swap-'))
  devnet = await startDevnet({
    logger: pino({ level: 'silent' }),
    apiPort: 0,
    dir,
    blockTimeMs: 300,
  })
})
afterAll(async () => {
  await devnet?.stop()
  rmSync(dir, { recursive: true, force: true })
})

const chains = () => ({ evm: evmChain(devnet, 'evm-a'), wasm: wasmChain(devnet) })

test('the devnet file names the HTLCs of evm-a and the CosmWasm chain, peered', async () => {
  const { evm, wasm } = chains()
  const file = JSON.parse(readFileSync(join(dir, 'devnet.json'), 'utf8')) as DevnetFile // CAST: written by startDevnet
  const apps = (name: string) => file.chains.find((chain) => chain.name === name)?.apps
  expect(apps('evm-a')?.htlc).toBe(evm.apps.htlc)
  expect(apps('wasm')?.htlc).toBe(wasm.apps.htlc)
  expect(apps('evm-b')?.htlc).toBeUndefined()
  expect(
    await evm.client.readContract({
      address: evm.apps.htlc ?? '0x',
      abi: hashedTimelockAbi,
      functionName: 'peers',
      args: [wasm.domain],
    }),
  ).toBe(bech32ToBytes32(wasm.apps.htlc ?? ''))
  expect(await wasm.executor.query(wasm.apps.htlc ?? '', { peer: { domain: evm.domain } })).toEqual(
    { peer: evmAddressToBytes32(evm.apps.htlc ?? '0x') },
  )
})

test('a swap pays each side exactly, the secret carried to evm-a by Ferry', async () => {
  const { evm, wasm } = chains()
  const amounts = { evm: 10n ** 17n, wasm: 5_000_000n }
  const swap = await swapOnDevnet({
    evm,
    wasm,
    amounts,
    follow: followMessages({ apiUrl: devnet.file.apiUrl, timeoutMs: 60_000 }),
  })
  expect(swap.message).toMatchObject({
    origin: wasm.domain,
    destination: evm.domain,
    status: 'executed',
  })
  expect(swap.relayFee).toBeGreaterThan(0n)
  // Alice paid the amount and her lock's gas on evm-a, and got Bob's amount on CosmWasm.
  expect(swap.after.alice.evm).toBe(swap.before.alice.evm - amounts.evm - swap.lockGas)
  expect(swap.after.alice.wasm).toBe(swap.before.alice.wasm + amounts.wasm)
  // Bob paid his amount and the prepaid relay on CosmWasm, and got Alice's amount on evm-a,
  // from the delivery's handler: he sent no transaction there.
  expect(swap.after.bob.wasm).toBe(swap.before.bob.wasm - amounts.wasm - swap.relayFee)
  expect(swap.after.bob.evm).toBe(swap.before.bob.evm + amounts.evm)
  const delivery = swap.message.lifecycle.delivered?.transactionHash
  if (!delivery) throw new Error('the delivery transaction')
  const receipt = await evm.client.getTransactionReceipt({ hash: delivery as `0x${string}` })
  const claimed = parseEventLogs({
    abi: hashedTimelockAbi,
    logs: receipt.logs,
    eventName: 'Claimed',
  })
  expect(claimed).toHaveLength(1)
  // Claimed for Bob by the endpoint, with the secret Alice revealed on CosmWasm.
  expect(claimed[0]?.args).toMatchObject({
    preimage: swap.secret,
    recipient: getAddress(SWAP_USERS.bob.evm),
    by: getAddress(evm.endpoint),
  })
})

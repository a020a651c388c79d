import { beforeEach, describe, expect, test } from 'vitest'
import { createEmbeddedChain, type EmbeddedChain } from '../../src/embedded/createEmbeddedChain.ts'
import { EmbeddedChainError } from '../../src/embedded/errors.ts'
import { account } from './fixtures/accounts.ts'
import { assembleWat } from './fixtures/assembleWat.ts'

const alice = account(1)
const bob = account(2)
const probeWasm = assembleWat('probe.wat')
const json = (bytes: Uint8Array | undefined) => JSON.parse(new TextDecoder().decode(bytes))

let chain: EmbeddedChain
let probe: string

beforeEach(async () => {
  chain = createEmbeddedChain({
    chainId: 'ferry-test',
    bech32Prefix: 'wasm',
    accounts: { [alice]: [{ denom: 'ustake', amount: '1000' }] },
  })
  const codeId = await chain.storeCode(alice, probeWasm)
  probe = (await chain.instantiate(alice, codeId, { hello: 'world' }, { label: 'probe' }))
    .contractAddress
})

describe('EmbeddedChain', () => {
  test('instantiates a contract at a bech32 address with the chain prefix', async () => {
    expect(probe).toMatch(/^wasm1[02-9ac-hj-np-z]{38,58}$/)
    expect(await chain.query(probe, { get: 'i' })).toEqual({ hello: 'world' })
  })

  test('executes with a transaction hash, height, events and data', async () => {
    const before = chain.height
    const outcome = await chain.execute(alice, probe, { set: 1 })
    expect(outcome.height).toBe(before + 1)
    expect(outcome.transactionHash).toMatch(/^[0-9A-F]{64}$/)
    expect(json(outcome.data)).toEqual({ set: 1 })
    expect(outcome.events.map((event) => event.type)).toEqual(['execute', 'wasm', 'wasm-probe'])
    expect(outcome.events[2]?.attributes).toEqual([
      { key: '_contract_address', value: probe },
      { key: 'kind', value: 'execute' },
    ])
    expect(await chain.query(probe, { get: 's' })).toEqual({ set: 1 })
  })

  test('a failed execute throws EmbeddedChainError with the contract error string', async () => {
    const error = await chain.execute(alice, probe, { fail: 1 }).catch((error) => error)
    expect(error).toBeInstanceOf(EmbeddedChainError)
    expect(error).toMatchObject({ operation: 'execute', reason: 'failed on purpose' })
  })

  test('moves funds sent with an execute and sub-messages of bank sends', async () => {
    await chain.execute(alice, probe, { set: 2 }, [{ denom: 'ustake', amount: '300' }])
    expect(chain.getBalance(alice, 'ustake')).toBe(700n)
    expect(chain.getBalance(probe, 'ustake')).toBe(300n)
    const pay = {
      bank: { send: { to_address: bob, amount: [{ denom: 'ustake', amount: '120' }] } },
    }
    const { events } = await chain.execute(alice, probe, { pay })
    expect(events.find((event) => event.type === 'transfer')?.attributes).toContainEqual({
      key: 'recipient',
      value: bob,
    })
    expect(chain.getBalance(probe, 'ustake')).toBe(180n)
    expect(chain.getBalance(bob, 'ustake')).toBe(120n)
  })

  test('a transaction that cannot pay its funds fails whole', async () => {
    const error = await chain
      .execute(bob, probe, { set: 3 }, [{ denom: 'ustake', amount: '1' }])
      .catch((error) => error)
    expect(error).toBeInstanceOf(EmbeddedChainError)
    expect(await chain.query(probe, { get: 's' })).toBeNull()
  })

  test('setBalance funds an account', () => {
    chain.setBalance(bob, [{ denom: 'uatom', amount: '5' }])
    expect(chain.getBalance(bob, 'uatom')).toBe(5n)
    expect(chain.getBalance(bob, 'ustake')).toBe(0n)
  })

  test('advance moves block time and height, which contracts see in their Env', async () => {
    const { time, height } = chain
    chain.advance({ seconds: 3600, blocks: 10 })
    expect(chain.time).toBeGreaterThanOrEqual(time + 3600)
    expect(chain.height).toBe(height + 10)
    const env = (await chain.query(probe, { env: {} })) as {
      block: { height: number; time: string; chain_id: string }
      contract: { address: string }
    }
    expect(env.block.chain_id).toBe('ferry-test')
    expect(env.block.height).toBe(chain.height)
    expect(BigInt(env.block.time) / 1_000_000_000n).toBe(BigInt(chain.time))
    expect(env.contract.address).toBe(probe)
  })

  test('a query error throws EmbeddedChainError', async () => {
    const error = await chain.query(alice, { get: 's' }).catch((error) => error)
    expect(error).toBeInstanceOf(EmbeddedChainError)
    expect(error).toMatchObject({ operation: 'query' })
  })
})

// Interchain accounts (@ferry/cosmwasm-bindings, contract/ica/) on a wasmd localnet: instantiate2
// addresses as wasmd computes them, against the package's predictInstantiate2Address and its
// embedded VM (fix (g)), the factory's WasmMsg::Instantiate2 with funds sent before, and remote
// calls between two routers on two endpoints of the same localnet (domains 7001 and 7002),
// relayed with real proofs. One localnet for the whole file; the tests run in order.
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import {
  encodeCosmosPayload,
  getInterchainAccountAddress,
  parseEndpointEvents,
  predictInstantiate2Address,
} from '@ferry/cosmwasm-bindings'
import { createEmbeddedChain } from '@ferry/cosmwasm-bindings/embedded'
import { account, wasmPath } from '@ferry/cosmwasm-bindings/harness'
import {
  bech32ToBytes32,
  decodeRemoteResults,
  MessageStatus,
  REMOTE_CALL_KINDS,
} from '@ferry/protocol'
import type { Hex } from 'viem'
import { beforeAll, describe, expect, it } from 'vitest'
import { b64Text, failure, hexText, ofType, useTwoEndpoints } from './twoEndpoints.ts'

const json64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64')
const textOf = (hex: Hex) => Buffer.from(hex.slice(2), 'hex').toString('utf8')

describe('interchain accounts on a wasmd localnet', () => {
  const t = useTwoEndpoints()
  const accountWasm = readFileSync(wasmPath('ica-account'))
  const accountChecksum = createHash('sha256').update(accountWasm).digest()
  let accountCode: number
  let factoryB: string
  let routerA: string
  let routerB: string

  const execute = (
    contract: string,
    msg: object,
    funds: { denom: string; amount: string }[] = [],
  ) => t.client.execute(t.sender, contract, msg, 'auto', undefined, funds)
  const instantiatedIn = (
    events: readonly { type: string; attributes: readonly { key: string; value: string }[] }[],
  ) =>
    events
      .filter((event) => event.type === 'instantiate')
      .map((event) => event.attributes.find((a) => a.key === '_contract_address')?.value)

  beforeAll(async () => {
    const upload = async (name: string) =>
      (await t.client.upload(t.sender, readFileSync(wasmPath(name)), 'auto')).codeId
    accountCode = await upload('ica-account')
    const factoryCode = await upload('ica-factory')
    const routerCode = await upload('ica-router')
    const instantiate = async (code: number, msg: object, label: string) =>
      (await t.client.instantiate(t.sender, code, msg, label, 'auto')).contractAddress
    const factoryA = await instantiate(
      factoryCode,
      { account_code_id: accountCode },
      'ica factory 7001',
    )
    factoryB = await instantiate(factoryCode, { account_code_id: accountCode }, 'ica factory 7002')
    routerA = await instantiate(
      routerCode,
      { endpoint: t.a.side.endpoint, factory: factoryA },
      'ica router 7001',
    )
    routerB = await instantiate(
      routerCode,
      { endpoint: t.b.side.endpoint, factory: factoryB },
      'ica router 7002',
    )
    await execute(factoryA, { set_router: { router: routerA } })
    await execute(factoryB, { set_router: { router: routerB } })
    await execute(routerA, {
      set_peer: { domain: t.b.side.domain, peer: bech32ToBytes32(routerB) },
    })
    await execute(routerB, {
      set_peer: { domain: t.a.side.domain, peer: bech32ToBytes32(routerA) },
    })
  }, 300_000)

  it("MsgInstantiateContract2 lands where predictInstantiate2Address and the embedded VM's instantiate2 put it", async () => {
    const salt = Uint8Array.from(Buffer.from('ferry instantiate2 vector'))
    const msg = { origin: 9, owner: `0x${'77'.repeat(32)}` }
    const { contractAddress } = await t.client.instantiate2(
      t.sender,
      accountCode,
      salt,
      msg,
      'i2',
      'auto',
    )
    expect(contractAddress).toBe(
      predictInstantiate2Address({ checksum: accountChecksum, creator: t.sender, salt }),
    )
    // The same creator, code and salt in the embedded VM.
    const embedded = createEmbeddedChain({ chainId: 'ferry-test', bech32Prefix: 'wasm' })
    const code = await embedded.storeCode(t.sender, accountWasm)
    expect((await embedded.instantiate(t.sender, code, msg, { salt })).contractAddress).toBe(
      contractAddress,
    )
    // Both refuse the same address twice.
    expect(
      String(await failure(t.client.instantiate2(t.sender, accountCode, salt, msg, 'i2', 'auto'))),
    ).toContain(
      'contract address already exists, try a different combination of creator, checksum and salt',
    )
    await expect(embedded.instantiate(t.sender, code, msg, { salt })).rejects.toThrow(
      'contract address already exists, try a different combination of creator, checksum and salt',
    )
  })

  it("the factory's WasmMsg::Instantiate2 puts the account at the predicted address, keeping funds sent before", async () => {
    const owner = bech32ToBytes32(t.sender)
    const predicted = getInterchainAccountAddress({
      factory: factoryB,
      accountChecksum,
      origin: 4242,
      owner,
    })
    expect(
      await t.client.queryContractSmart(factoryB, { account: { origin: 4242, owner } }),
    ).toEqual({
      address: predicted,
      created: false,
    })
    await t.client.sendTokens(
      t.sender,
      predicted,
      [{ denom: t.chain.denom, amount: '777' }],
      'auto',
    )
    const { events } = await execute(factoryB, { create_account: { origin: 4242, owner } })
    expect(instantiatedIn(events)).toEqual([predicted])
    expect((await t.client.getBalance(predicted, t.chain.denom)).amount).toBe('777')
    expect(await t.client.queryContractSmart(predicted, { config: {} })).toEqual({
      factory: factoryB,
      origin: 4242,
      owner,
    })
  })

  /** `call_remote` on 7001's router as the test account, relayed to 7002. */
  async function callRemote(kind: number, items: unknown[]) {
    const result = await execute(routerA, {
      call_remote: {
        destination: t.b.side.domain,
        kind,
        payload: json64(items),
        gas_limit: 2_000_000,
        ack_gas_limit: 0,
      },
    })
    const [sent] = ofType(
      t.record(parseEndpointEvents(result.events, { contract: t.a.side.endpoint })),
      'messageSent',
    )
    const receipt = await t.relay(t.a, t.b, sent!.message)
    const [delivered] = ofType(receipt.events, 'messageDelivered')
    return { delivered: delivered!, receipt }
  }
  const handle = (body: string) => ({
    wasm: {
      execute: {
        contract_addr: t.b.app,
        msg: json64({
          ferry_handle: {
            origin: 1,
            sender: `0x${'00'.repeat(32)}`,
            nonce: '1',
            body: b64Text(hexText(body)),
          },
        }),
        funds: [],
      },
    },
  })

  it("runs a batch through the account on wasmd and returns each call's data (through three replies)", async () => {
    const accountAddress = getInterchainAccountAddress({
      factory: factoryB,
      accountChecksum,
      origin: t.a.side.domain,
      owner: bech32ToBytes32(t.sender),
    })
    await t.client.sendTokens(
      t.sender,
      accountAddress,
      [{ denom: t.chain.denom, amount: '1000' }],
      'auto',
    )
    const bob = account(0x01)
    const { delivered, receipt } = await callRemote(REMOTE_CALL_KINDS.call, [
      handle('ok:one'),
      { bank: { send: { to_address: bob, amount: [{ denom: t.chain.denom, amount: '300' }] } } },
    ])
    expect(delivered.status).toBe(MessageStatus.Executed)
    expect(decodeRemoteResults(delivered.result)).toEqual([hexText('one'), '0x'])
    expect(instantiatedIn(receipt.outcome.events)).toEqual([accountAddress])
    expect((await t.client.getBalance(bob, t.chain.denom)).amount).toBe('300')
    expect((await t.client.getBalance(accountAddress, t.chain.denom)).amount).toBe('700')
  })

  it('fails the whole batch when a call fails: nothing sticks, the message is Failed', async () => {
    const before = await t.handled(t.b.app)
    const { delivered } = await callRemote(REMOTE_CALL_KINDS.call, [
      handle('ok:two'),
      handle('fail:boom'),
    ])
    expect(delivered.status).toBe(MessageStatus.Failed)
    // wasmd redacts a sub-message's error before the endpoint's reply reads it (README).
    expect(textOf(delivered.result)).toMatch(/^codespace: wasm, code: \d+$/)
    expect(await t.handled(t.b.app)).toEqual(before)
  })

  it('reads a bank balance and a smart query on wasmd', async () => {
    const { delivered } = await callRemote(REMOTE_CALL_KINDS.read, [
      { bank: { balance: { address: t.sender, denom: 'nothing' } } },
      { smart: { contract_addr: t.b.side.endpoint, msg: json64({ config: {} }) } },
    ])
    expect(delivered.status).toBe(MessageStatus.Executed)
    const [balance, config] = decodeRemoteResults(delivered.result).map((r) =>
      JSON.parse(textOf(r)),
    )
    expect(balance).toEqual({ amount: { denom: 'nothing', amount: '0' } })
    expect(config).toMatchObject({ local_domain: t.b.side.domain })
  })

  it('the payload encoder gives what the router runs', () => {
    expect(textOf(encodeCosmosPayload([handle('ok:x')]))).toBe(JSON.stringify([handle('ok:x')]))
  })
})

// The interchain account router, factory and account (contract/ica/) on the embedded chain: two
// CosmWasm endpoints (domains 7001 and 7002) with a router on each, messages relayed with real
// checkpoint signatures, and a simulated EVM origin (31337) whose router is a peer too. Every
// result is decoded with viem, as the SDK decodes the EVM router's.
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import type { Hex } from '@ferry/cosmwasm-bindings'
import {
  account,
  b64,
  Chain,
  configureOrigin,
  contractError,
  DENOM,
  DOMAIN_A,
  DOMAIN_B,
  deliverMsg,
  errorOf,
  eventsOf,
  hexText,
  ORIGIN,
  ORIGIN_SENDER,
  Origin,
  OWNER,
  RELAYER,
  type Side,
  textOf,
  USER,
  World,
  wasmPath,
} from '@ferry/cosmwasm-bindings/harness'
import {
  bech32ToBytes32,
  decodeRemoteResults,
  encodeRemoteCallBody,
  MessageStatus,
  REMOTE_CALL_KINDS,
} from '@ferry/protocol'
import { checkpointsVectors } from '@ferry/spec'
import { decodeAbiParameters, encodeAbiParameters } from 'viem'
import { beforeEach, describe, expect, it } from 'vitest'
import type { CosmWasmExecutor } from '../../src/client/types.ts'
import { createInterchainAccountRouterClient } from '../../src/interchainAccounts/createInterchainAccountRouterClient.ts'
import { encodeCosmosPayload } from '../../src/interchainAccounts/encodeCosmosPayload.ts'
import { getInterchainAccountAddress } from '../../src/interchainAccounts/getInterchainAccountAddress.ts'

const VALIDATORS = checkpointsVectors.validators
const ALICE = account(0x44)
const BOB = account(0x55)
const accountChecksum = createHash('sha256')
  .update(readFileSync(wasmPath('ica-account')))
  .digest()

const json64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64')
const coins = (amount: bigint) => [{ denom: DENOM, amount: amount.toString() }]
/** The test recipient's handler as a wasm execute: `ok:<text>` answers <text>, `fail:<text>` fails. */
const handle = (contract: string, body: string) => ({
  wasm: {
    execute: {
      contract_addr: contract,
      msg: json64({
        ferry_handle: {
          origin: 1,
          sender: `0x${'00'.repeat(32)}`,
          nonce: '1',
          body: b64(hexText(body)),
        },
      }),
      funds: [],
    },
  },
})
const bankSend = (to: string, amount: bigint) => ({
  bank: { send: { to_address: to, amount: coins(amount) } },
})

describe('interchain accounts (AssemblyScript router, factory and account)', () => {
  let world: World
  let a: Side
  let b: Side
  let routerA: string
  let routerB: string
  let factoryB: string
  let target: string
  let codes: { router: number; factory: number; account: number }

  const store = (name: string) =>
    world.chain.app.wasm.storeCode(OWNER, readFileSync(wasmPath(name))).unwrap()

  async function deployRouter(side: Side, factory: string): Promise<string> {
    return world.chain.instantiate(codes.router, { endpoint: side.endpoint, factory }, 'ica router')
  }

  beforeEach(async () => {
    world = await World.create({ validators: VALIDATORS })
    ;({ a, b } = world)
    codes = {
      router: store('ica-router'),
      factory: store('ica-factory'),
      account: store('ica-account'),
    }
    const factoryA = await world.chain.instantiate(
      codes.factory,
      { account_code_id: codes.account },
      'f',
    )
    factoryB = await world.chain.instantiate(codes.factory, { account_code_id: codes.account }, 'f')
    routerA = await deployRouter(a, factoryA)
    routerB = await deployRouter(b, factoryB)
    await world.must(OWNER, factoryA, { set_router: { router: routerA } })
    await world.must(OWNER, factoryB, { set_router: { router: routerB } })
    await world.must(OWNER, routerA, {
      set_peer: { domain: DOMAIN_B, peer: bech32ToBytes32(routerB) },
    })
    await world.must(OWNER, routerB, {
      set_peer: { domain: DOMAIN_A, peer: bech32ToBytes32(routerA) },
    })
    target = world.appB // a test recipient on 7002, called through the account
  })

  const accountOf = (owner: string, origin = DOMAIN_A, factory = factoryB) =>
    getInterchainAccountAddress({ factory, accountChecksum, origin, owner: bech32ToBytes32(owner) })
  const handled = () => world.chain.query<{ count: number; last: string }>(target, { handled: {} })

  /** `owner` calls `call_remote` on 7001's router; the message is relayed to 7002. */
  async function callRemote(
    owner: string,
    kind: number,
    items: unknown[],
    { ackGasLimit = 0 }: { ackGasLimit?: number } = {},
  ) {
    const out = await world.must(owner, routerA, {
      call_remote: {
        destination: DOMAIN_B,
        kind,
        payload: json64(items),
        gas_limit: 1_000_000,
        ack_gas_limit: ackGasLimit,
      },
    })
    const [sent] = world.sentIn(out, a)
    const delivered = await world.relay(a, b, sent!.message)
    const [event] = eventsOf(delivered, 'ferry_message_delivered')
    return {
      out,
      sent: sent!,
      delivered,
      status: Number(event?.status),
      result: (event?.result ?? '0x') as Hex,
    }
  }

  it('predicts the account address: the TS helper, the factory query and the instantiated account agree', async () => {
    const predicted = accountOf(ALICE)
    expect(
      world.chain.query(routerB, { account: { origin: DOMAIN_A, owner: bech32ToBytes32(ALICE) } }),
    ).toEqual({
      address: predicted,
      created: false,
    })
    const { status, delivered } = await callRemote(ALICE, REMOTE_CALL_KINDS.call, [
      handle(target, 'ok:hi'),
    ])
    expect(status).toBe(MessageStatus.Executed)
    expect(eventsOf(delivered, 'instantiate').map((e) => e._contract_address)).toEqual([predicted])
    expect(world.chain.query(predicted, { config: {} })).toEqual({
      factory: factoryB,
      origin: DOMAIN_A,
      owner: bech32ToBytes32(ALICE),
    })
    expect(
      world.chain.query(routerB, { account: { origin: DOMAIN_A, owner: bech32ToBytes32(ALICE) } }),
    ).toEqual({
      address: predicted,
      created: true,
    })
  })

  it("runs a batch through the account and returns each call's data as abi.encode(bytes[]), back in the ack", async () => {
    world.chain.fund(accountOf(ALICE), 1_000n)
    const { status, result, delivered } = await callRemote(
      ALICE,
      REMOTE_CALL_KINDS.call,
      [handle(target, 'ok:one'), bankSend(BOB, 300n), handle(target, 'ok:three')],
      { ackGasLimit: 500_000 },
    )
    expect(status).toBe(MessageStatus.Executed)
    expect(decodeRemoteResults(result)).toEqual([hexText('one'), '0x', hexText('three')])
    // The same bytes as the EVM router's results: viem's encoder gives them.
    expect(result).toBe(
      encodeAbiParameters([{ type: 'bytes[]' }], [[hexText('one'), '0x', hexText('three')]]),
    )
    expect(world.chain.balance(BOB)).toBe(300n)
    expect(world.chain.balance(accountOf(ALICE))).toBe(700n)
    expect(handled().count).toBe(2)

    // The ack brings the result back to 7001's router, kept for the owner.
    const [ack] = world.sentIn(delivered, b)
    const acked = await world.relay(b, a, ack!.message)
    expect(eventsOf(acked, 'ica_remote_result')).toMatchObject([{ owner: ALICE, ok: 'true' }])
    const [id] = eventsOf(acked, 'ica_remote_result').map((e) => e.id)
    expect(world.chain.query(routerA, { remote_result: { id } })).toEqual({
      owner: ALICE,
      status: 1,
      result: b64(result),
    })
  })

  it('fails the whole batch when call 2 of 3 fails: nothing sticks, Failed with the index and reason; a retry runs it', async () => {
    world.chain.fund(accountOf(ALICE), 1_000n)
    await world.must(OWNER, target, { set_flaky: { on: true } })
    const { status, result, sent } = await callRemote(ALICE, REMOTE_CALL_KINDS.call, [
      handle(target, 'ok:one'),
      handle(target, 'flaky'),
      bankSend(BOB, 300n),
    ])
    expect(status).toBe(MessageStatus.Failed)
    expect(contractError(textOf(result))).toEqual({
      code: 'call_failed',
      index: 1,
      reason: expect.stringContaining('flaky handler failed'),
    })
    // Nothing of the batch stuck: the first call's record, the account's creation, the transfer.
    expect(handled().count).toBe(0)
    expect(world.chain.balance(BOB)).toBe(0n)
    expect(world.chain.balance(accountOf(ALICE))).toBe(1_000n)
    expect(
      world.chain.query(routerB, { account: { origin: DOMAIN_A, owner: bech32ToBytes32(ALICE) } }),
    ).toMatchObject({
      created: false,
    })

    // Failed is retryable: once the call can succeed, a retry runs the whole batch.
    await world.must(OWNER, target, { set_flaky: { on: false } })
    const retried = await world.must(RELAYER, b.endpoint, {
      retry: { message: b64(sent.message), gas_limit: 1_000_000 },
    })
    const [event] = eventsOf(retried, 'ferry_message_retried')
    expect(event?.status).toBe('1')
    expect(decodeRemoteResults(event!.result as Hex)).toEqual([
      hexText('one'),
      hexText('recovered'),
      '0x',
    ])
    expect(world.chain.balance(BOB)).toBe(300n)
  })

  it('names an unknown message kind by its index and fails the batch', async () => {
    const { status, result } = await callRemote(ALICE, REMOTE_CALL_KINDS.call, [
      bankSend(BOB, 0n),
      { staking: { delegate: { validator: 'x', amount: coins(1n)[0] } } },
    ])
    expect(status).toBe(MessageStatus.Failed)
    expect(contractError(textOf(result))).toEqual({
      code: 'unknown_message_kind',
      index: 1,
      kind: 'staking',
    })
    const wasmMigrate = {
      wasm: { migrate: { contract_addr: target, new_code_id: 1, msg: json64({}) } },
    }
    const second = await callRemote(ALICE, REMOTE_CALL_KINDS.call, [wasmMigrate])
    expect(contractError(textOf(second.result))).toEqual({
      code: 'unknown_message_kind',
      index: 0,
      kind: 'wasm.migrate',
    })
  })

  it('fails a batch whose results pass 1,024 bytes, rather than cut them (ICA §6)', async () => {
    const before = handled().count
    const { status, result } = await callRemote(ALICE, REMOTE_CALL_KINDS.call, [
      handle(target, 'ok:kept?'),
      handle(target, 'big'),
    ])
    expect(status).toBe(MessageStatus.Failed)
    expect(contractError(textOf(result))).toMatchObject({ code: 'result_too_large', max: 1024 })
    // Nothing of the batch stuck: the first call's record was rolled back with the rest.
    expect(handled().count).toBe(before)
  })

  it('keeps funds sent to the account before its first use', async () => {
    const address = accountOf(ALICE)
    world.chain.fund(address, 500n)
    const { status } = await callRemote(ALICE, REMOTE_CALL_KINDS.call, [bankSend(BOB, 200n)])
    expect(status).toBe(MessageStatus.Executed)
    expect(world.chain.balance(address)).toBe(300n)
    expect(world.chain.balance(BOB)).toBe(200n)
  })

  describe('security', () => {
    it("another owner cannot move an account's funds: its calls run from its own account", async () => {
      world.chain.fund(accountOf(ALICE), 1_000n)
      const { status, result } = await callRemote(BOB, REMOTE_CALL_KINDS.call, [
        bankSend(BOB, 500n),
      ])
      expect(status).toBe(MessageStatus.Failed)
      expect(contractError(textOf(result))).toMatchObject({ code: 'call_failed', index: 0 })
      expect(world.chain.balance(accountOf(ALICE))).toBe(1_000n)
      expect(accountOf(BOB)).not.toBe(accountOf(ALICE))
    })

    it('another origin reaches another account, and only the peer on an origin can command', async () => {
      await configureOrigin(world.chain, b.endpoint, VALIDATORS)
      const evm = new Origin(DOMAIN_B, VALIDATORS)
      const owner = bech32ToBytes32(ALICE) // the same 32 bytes, from origin 31337
      const payload = encodeCosmosPayload([bankSend(BOB, 100n)])
      const body = encodeRemoteCallBody({ kind: 'call', owner, payload })
      world.chain.fund(accountOf(ALICE), 1_000n)

      // 31337's app is not routerB's peer there: not_peer, nothing moves.
      const first = evm.send(routerB, '', { bodyHex: body, gasLimit: 1_000_000 })
      const refused = await world.must(
        RELAYER,
        b.endpoint,
        deliverMsg(first, await evm.prove(first)),
      )
      const [event] = eventsOf(refused, 'ferry_message_delivered')
      expect(event?.status).toBe('2')
      expect(contractError(textOf(event?.result ?? '0x'))).toMatchObject({
        code: 'not_peer',
        origin: ORIGIN,
      })

      // Once it is, the same owner bytes from 31337 command a different account than from 7001.
      await world.must(OWNER, routerB, { set_peer: { domain: ORIGIN, peer: ORIGIN_SENDER } })
      const second = evm.send(routerB, '', { bodyHex: body, gasLimit: 1_000_000 })
      const out = await world.must(RELAYER, b.endpoint, deliverMsg(second, await evm.prove(second)))
      const [delivered] = eventsOf(out, 'ferry_message_delivered')
      expect(delivered?.status).toBe('2') // its own account (31337, owner) is empty
      expect(eventsOf(out, 'instantiate')).toEqual([])
      expect(world.chain.balance(accountOf(ALICE))).toBe(1_000n)
      const fromEvm = accountOf(ALICE, ORIGIN)
      expect(fromEvm).not.toBe(accountOf(ALICE))
      world.chain.fund(fromEvm, 100n)
      const third = evm.send(routerB, '', { bodyHex: body, gasLimit: 1_000_000 })
      const paid = await world.must(RELAYER, b.endpoint, deliverMsg(third, await evm.prove(third)))
      expect(eventsOf(paid, 'ferry_message_delivered')[0]?.status).toBe('1')
      expect(eventsOf(paid, 'instantiate').map((e) => e._contract_address)).toEqual([fromEvm])
      expect(world.chain.balance(BOB)).toBe(100n)
      expect(world.chain.balance(accountOf(ALICE))).toBe(1_000n)
    })

    it('refuses a body of another version, kind or a short one (Failed, named)', async () => {
      await configureOrigin(world.chain, b.endpoint, VALIDATORS)
      await world.must(OWNER, routerB, { set_peer: { domain: ORIGIN, peer: ORIGIN_SENDER } })
      const evm = new Origin(DOMAIN_B, VALIDATORS)
      const owner = bech32ToBytes32(ALICE).slice(2)
      const cases: [Hex, object][] = [
        [`0x0201${owner}5b5d`, { code: 'unsupported_version', version: 2 }],
        [`0x0103${owner}5b5d`, { code: 'unknown_kind', kind: 3 }],
        [`0x0101${owner.slice(0, 20)}`, { code: 'invalid_body', length: 12 }],
        [`0x0101${owner}7b7d`, { code: 'invalid_payload', problem: 'expected a JSON array' }],
      ]
      for (const [body, error] of cases) {
        const message = evm.send(routerB, '', { bodyHex: body, gasLimit: 1_000_000 })
        const out = await world.must(
          RELAYER,
          b.endpoint,
          deliverMsg(message, await evm.prove(message)),
        )
        const [event] = eventsOf(out, 'ferry_message_delivered')
        expect(event?.status).toBe('2')
        expect(contractError(textOf(event?.result ?? '0x'))).toEqual(error)
      }
    })

    it('a sender other than the router cannot execute through an account, nor handle on the router', async () => {
      await callRemote(ALICE, REMOTE_CALL_KINDS.call, []) // creates the account
      world.chain.fund(accountOf(ALICE), 1_000n)
      const steal = { execute_calls: { payload: json64([bankSend(USER, 1_000n)]) } }
      expect(errorOf(await world.execute(USER, accountOf(ALICE), steal))).toEqual({
        code: 'unauthorized',
        sender: USER,
        role: 'router',
      })
      // Not even the endpoint or the factory: only the router the factory names.
      expect(errorOf(await world.execute(factoryB, accountOf(ALICE), steal))).toMatchObject({
        code: 'unauthorized',
      })
      const forged = {
        ferry_handle: {
          origin: DOMAIN_A,
          sender: bech32ToBytes32(routerA),
          nonce: '9',
          body: b64(
            encodeRemoteCallBody({
              kind: 'call',
              owner: bech32ToBytes32(ALICE),
              payload: encodeCosmosPayload([bankSend(USER, 1n)]),
            }),
          ),
        },
      }
      expect(errorOf(await world.execute(USER, routerB, forged))).toEqual({
        code: 'not_endpoint',
        sender: USER,
      })
      expect(world.chain.balance(accountOf(ALICE))).toBe(1_000n)
    })

    it('a target calling back into the account fails that batch only', async () => {
      world.chain.fund(accountOf(ALICE), 1_000n)
      // The test recipient's `call:<json>` executes <json> on its caller: here, the account.
      const reenter = JSON.stringify({
        execute_calls: { payload: json64([bankSend(USER, 1_000n)]) },
      })
      const failed = await callRemote(ALICE, REMOTE_CALL_KINDS.call, [
        handle(target, 'ok:one'),
        handle(target, `call:${reenter}`),
      ])
      expect(failed.status).toBe(MessageStatus.Failed)
      expect(contractError(textOf(failed.result))).toMatchObject({
        code: 'call_failed',
        index: 1,
        reason: expect.stringContaining('unauthorized'),
      })
      expect(world.chain.balance(USER)).toBe(0n)
      const next = await callRemote(ALICE, REMOTE_CALL_KINDS.call, [handle(target, 'ok:next')])
      expect(next.status).toBe(MessageStatus.Executed)
      expect(decodeRemoteResults(next.result)).toEqual([hexText('next')])
    })

    it('the factory names the router: only its owner can replace it', async () => {
      expect(
        errorOf(await world.execute(USER, factoryB, { set_router: { router: USER } })),
      ).toEqual({
        code: 'unauthorized',
        sender: USER,
        role: 'owner',
      })
    })
  })

  it('a replaced router reaches the same account address', async () => {
    world.chain.fund(accountOf(ALICE), 1_000n)
    await callRemote(ALICE, REMOTE_CALL_KINDS.call, [bankSend(BOB, 100n)])
    const before = accountOf(ALICE)

    const newRouterB = await deployRouter(b, factoryB)
    await world.must(OWNER, factoryB, { set_router: { router: newRouterB } })
    await world.must(OWNER, newRouterB, {
      set_peer: { domain: DOMAIN_A, peer: bech32ToBytes32(routerA) },
    })
    await world.must(OWNER, routerA, {
      set_peer: { domain: DOMAIN_B, peer: bech32ToBytes32(newRouterB) },
    })
    expect(
      world.chain.query(newRouterB, {
        account: { origin: DOMAIN_A, owner: bech32ToBytes32(ALICE) },
      }),
    ).toEqual({
      address: before,
      created: true,
    })
    const { status } = await callRemote(ALICE, REMOTE_CALL_KINDS.call, [bankSend(BOB, 100n)])
    expect(status).toBe(MessageStatus.Executed)
    expect(world.chain.balance(before)).toBe(800n)
    // The old router no longer commands the account.
    const old = { execute_calls: { payload: json64([bankSend(USER, 1n)]) } }
    expect(errorOf(await world.execute(routerB, before, old))).toMatchObject({
      code: 'unauthorized',
      sender: routerB,
    })
  })

  it('reads a bank balance and a smart query result, no account needed', async () => {
    world.chain.fund(BOB, 4_242n)
    const { status, result } = await callRemote(ALICE, REMOTE_CALL_KINDS.read, [
      { bank: { balance: { address: BOB, denom: DENOM } } },
      { smart: { contract_addr: b.endpoint, msg: json64({ merkle_count: {} }) } },
    ])
    expect(status).toBe(MessageStatus.Executed)
    const [balance, count] = decodeRemoteResults(result)
    expect(JSON.parse(textOf(balance!))).toEqual({ amount: { denom: DENOM, amount: '4242' } })
    expect(JSON.parse(textOf(count!))).toEqual({ count: 0 })
    expect(
      world.chain.query(routerB, { account: { origin: DOMAIN_A, owner: bech32ToBytes32(ALICE) } }),
    ).toMatchObject({
      created: false,
    })
  })

  it('fails a read naming the query that failed', async () => {
    const { status, result } = await callRemote(ALICE, REMOTE_CALL_KINDS.read, [
      { bank: { balance: { address: BOB, denom: DENOM } } },
      { smart: { contract_addr: b.endpoint, msg: json64({ no_such_query: {} }) } },
    ])
    expect(status).toBe(MessageStatus.Failed)
    expect(contractError(textOf(result))).toMatchObject({ code: 'read_failed', index: 1 })
  })

  it('the typed client: quote, callRemote, interchainAccount and remoteResult', async () => {
    // The world's chain as a CosmWasmExecutor, recording what the endpoints send.
    const executor: CosmWasmExecutor = {
      sender: ALICE,
      async execute(sender, contract, msg, funds = []) {
        const out = await world.execute(sender, contract, msg, [...funds])
        if (!out.ok) throw new Error(out.error)
        return { transactionHash: '', height: 0, events: out.events }
      },
      query: async (contract, msg) => world.chain.query(contract, msg),
    }
    const router = createInterchainAccountRouterClient(executor, routerA)
    const owner = bech32ToBytes32(ALICE)
    expect(await router.interchainAccount({ origin: DOMAIN_B, owner })).toEqual({
      address: getInterchainAccountAddress({
        factory: world.chain.query<{ factory: string }>(routerA, { factory: {} }).factory,
        accountChecksum,
        origin: DOMAIN_B,
        owner,
      }),
      created: false,
    })
    const payload = encodeCosmosPayload([{ bank: { balance: { address: BOB, denom: DENOM } } }])
    expect(
      await router.quoteRemoteCall({
        destination: DOMAIN_B,
        payload,
        gasLimit: 300_000,
        ackGasLimit: 200_000,
      }),
    ).toEqual({ fee: 0n, denom: DENOM })
    const { id, message } = await router.callRemote({
      destination: DOMAIN_B,
      kind: REMOTE_CALL_KINDS.read,
      payload,
      gasLimit: 300_000,
      ackGasLimit: 200_000,
    })
    expect(await router.remoteResult({ id })).toEqual({ owner: ALICE, status: 0, result: '0x' })
    const [ack] = world.sentIn(await world.relay(a, b, message), b)
    await world.relay(b, a, ack!.message)
    const { status, result } = await router.remoteResult({ id })
    expect(status).toBe(1)
    expect(decodeRemoteResults(result).map((r) => JSON.parse(textOf(r)))).toEqual([
      { amount: { denom: DENOM, amount: '0' } },
    ])
    await expect(
      router.callRemote({
        destination: DOMAIN_B, // CAST: a kind the router does not know, to see it refused
        kind: 3 as 1,
        payload,
        gasLimit: 1,
      }),
    ).rejects.toMatchObject({ code: 'unknown_kind', fields: { kind: 3 } })
  })

  describe('origin side', () => {
    it('sets the owner to the caller and charges the quoted fee, refunding the excess', async () => {
      const fees = {
        base_fee: '1000',
        gas_price: '1',
        rate: '1000000000000000000',
        gas_overhead: 0,
        gas_per_byte: 0,
        max_gas_limit: 16_777_216,
      }
      await world.must(OWNER, a.endpoint, { set_fee_config: { domain: DOMAIN_B, config: fees } })
      const payload = json64([bankSend(BOB, 1n)])
      const bodyLength = 34 + Buffer.from(payload, 'base64').length
      const { fee } = world.chain.query<{ fee: string }>(routerA, {
        quote: {
          destination: DOMAIN_B,
          body_length: bodyLength,
          gas_limit: 100_000,
          ack_gas_limit: 0,
        },
      })
      expect(fee).toBe('101000')
      world.chain.fund(ALICE, 200_000n)
      const call = {
        call_remote: {
          destination: DOMAIN_B,
          kind: 1,
          payload,
          gas_limit: 100_000,
          ack_gas_limit: 0,
        },
      }
      expect(errorOf(await world.execute(ALICE, routerA, call, coins(100n)))).toEqual({
        code: 'fee_too_low',
        required: '101000',
        paid: '100',
      })
      const out = await world.must(ALICE, routerA, call, coins(150_000n))
      const [sent] = world.sentIn(out, a)
      expect(JSON.parse(Buffer.from(out.data ?? '', 'base64').toString())).toEqual({
        id: sent!.id,
        nonce: '1',
      })
      const body = `0x${sent!.message.slice(2 + 98 * 2)}`
      expect(body).toBe(
        encodeRemoteCallBody({
          kind: 'call',
          owner: bech32ToBytes32(ALICE),
          payload: `0x${Buffer.from(payload, 'base64').toString('hex')}`,
        }),
      )
      expect(world.chain.balance(ALICE)).toBe(200_000n - 101_000n)
      expect(world.chain.balance(routerA)).toBe(0n)
      expect(
        errorOf(
          await world.execute(ALICE, routerA, { call_remote: { ...call.call_remote, kind: 3 } }),
        ),
      ).toEqual({
        code: 'unknown_kind',
        kind: 3,
      })
    })

    it('treats the payload as opaque bytes, so a caller can target an EVM chain', async () => {
      await world.must(OWNER, routerA, { set_peer: { domain: ORIGIN, peer: ORIGIN_SENDER } })
      const calls = encodeAbiParameters(
        [
          {
            type: 'tuple[]',
            components: [{ type: 'bytes32' }, { type: 'uint256' }, { type: 'bytes' }],
          },
        ],
        [[[`0x${'00'.repeat(12)}${'cd'.repeat(20)}`, 0n, '0xd09de08a']]],
      )
      await world.must(OWNER, a.endpoint, {
        set_fee_config: {
          domain: ORIGIN,
          config: {
            base_fee: '0',
            gas_price: '0',
            rate: '1',
            gas_overhead: 0,
            gas_per_byte: 0,
            max_gas_limit: 16_777_216,
          },
        },
      })
      const out = await world.must(ALICE, routerA, {
        call_remote: {
          destination: ORIGIN,
          kind: 1,
          payload: b64(calls),
          gas_limit: 200_000,
          ack_gas_limit: 0,
        },
      })
      const [sent] = world.sentIn(out, a)
      expect(`0x${sent!.message.slice(2 + 98 * 2)}`).toBe(
        encodeRemoteCallBody({ kind: 'call', owner: bech32ToBytes32(ALICE), payload: calls }),
      )
    })

    it('calls an owner contract back with the results; a failing callback fails the ack, which a retry delivers (ICA §8)', async () => {
      const owner = world.appA // a test recipient on 7001: it forwards call_remote as itself
      await world.must(owner, routerA, { register_callbacks: { enabled: true } })
      expect(world.chain.query(routerA, { callbacks: { owner } })).toEqual({ enabled: true })
      const forward = (items: unknown[]) => ({
        forward: {
          contract: routerA,
          msg: json64({
            call_remote: {
              destination: DOMAIN_B,
              kind: 2,
              payload: json64(items),
              gas_limit: 500_000,
              ack_gas_limit: 500_000,
            },
          }),
        },
      })
      const read = [{ bank: { balance: { address: BOB, denom: DENOM } } }]
      const recorded = () =>
        world.chain.query<{ count: number; last: string }>(owner, { handled: {} })

      const out = await world.must(RELAYER, owner, forward(read))
      const [sent] = world.sentIn(out, a)
      const delivered = await world.relay(a, b, sent!.message)
      const result = eventsOf(delivered, 'ferry_message_delivered')[0]!.result as Hex
      const [ack] = world.sentIn(delivered, b)
      await world.relay(b, a, ack!.message)
      expect(recorded()).toEqual({ count: 1, last: `result:${sent!.id}:true:${b64(result)}` })

      // A callback that fails: the ack is Failed (nothing recorded, no result kept), never
      // swallowed; a retry once the owner is fixed delivers it.
      await world.must(OWNER, owner, { set_flaky: { on: true } })
      const again = world.sentIn(await world.must(RELAYER, owner, forward(read)), a)[0]!
      const [ack2] = world.sentIn(await world.relay(a, b, again.message), b)
      const acked = await world.relay(b, a, ack2!.message)
      expect(eventsOf(acked, 'ferry_message_delivered')).toMatchObject([{ status: '2' }])
      expect(recorded().count).toBe(1)
      expect(
        world.chain.query<{ status: number }>(routerA, { remote_result: { id: again.id } }).status,
      ).toBe(0)
      await world.must(OWNER, owner, { set_flaky: { on: false } })
      const retried = await world.must(RELAYER, a.endpoint, {
        retry: { message: b64(ack2!.message), gas_limit: 500_000 },
      })
      expect(eventsOf(retried, 'ica_remote_result')).toMatchObject([{ id: again.id, ok: 'true' }])
      expect(recorded().count).toBe(2)
      expect(
        world.chain.query<{ status: number }>(routerA, { remote_result: { id: again.id } }).status,
      ).toBe(1)
    })
  })
})

describe('ABI encoding of bytes[] in AssemblyScript (lib/abi.ts) against viem', () => {
  it('encodes as encodeAbiParameters([{ type: "bytes[]" }]) does, and sha256 as node does', async () => {
    const chain = await Chain.create()
    const probe = await chain.instantiate(
      chain.app.wasm.storeCode(OWNER, readFileSync(wasmPath('codec-probe'))).unwrap(),
      {},
      'probe',
    )
    const cases: Hex[][] = [
      [],
      ['0x'],
      ['0x01'],
      [hexText('one'), '0x', hexText('three')],
      [`0x${'ab'.repeat(32)}`, `0x${'cd'.repeat(33)}`, `0x${'ef'.repeat(64)}`],
    ]
    for (const items of cases) {
      const { encoded } = chain.query<{ encoded: Hex }>(probe, {
        abi_bytes_array: { items: items.map((i) => b64(i)) },
      })
      expect(encoded).toBe(encodeAbiParameters([{ type: 'bytes[]' }], [items]))
      expect(decodeAbiParameters([{ type: 'bytes[]' }], encoded)[0]).toEqual(items)
    }
    for (const length of [0, 1, 55, 56, 63, 64, 65, 200]) {
      const data = Buffer.alloc(length, 7)
      const { hash } = chain.query<{ hash: Hex }>(probe, {
        sha256: { data: data.toString('base64') },
      })
      expect(hash).toBe(`0x${createHash('sha256').update(data).digest('hex')}`)
    }
  })
})

// The AssemblyScript EndpointApp base (contract/app/) through its example, ping-pong
// (contract/examples/pingPong.ts): two CosmWasm endpoints on the embedded chain (domains 7001 and
// 7002), messages relayed with real checkpoint signatures. The twin of the Solidity PingPong
// tests (packages/evm-contracts/test/examples/).
import { readFileSync } from 'node:fs'
import type { Hex } from '@ferry/cosmwasm-bindings'
import {
  b64,
  contractError,
  DENOM,
  DOMAIN_A,
  DOMAIN_B,
  errorOf,
  eventsOf,
  hexText,
  OWNER,
  type Side,
  textOf,
  USER,
  World,
  wasmPath,
} from '@ferry/cosmwasm-bindings/harness'
import { bech32ToBytes32, decodeMessage, MessageStatus } from '@ferry/protocol'
import { checkpointsVectors } from '@ferry/spec'
import { beforeEach, describe, expect, it } from 'vitest'

// The spec's vector validators sign every checkpoint these tests prove.
const VALIDATORS = checkpointsVectors.validators

type State = {
  pings_received: string
  pongs_received: string
  acks_received: string
  last_ack: { id: Hex; status: number; result: string } | null
}

describe('EndpointApp (AssemblyScript) with the ping-pong example', () => {
  let world: World
  let a: Side
  let b: Side
  let pingA: string
  let pingB: string

  async function pingPong(endpoint: string): Promise<string> {
    const code = world.chain.app.wasm.storeCode(OWNER, readFileSync(wasmPath('ping-pong'))).unwrap()
    return world.chain.instantiate(code, { endpoint }, 'ping-pong')
  }

  beforeEach(async () => {
    world = await World.create({ validators: VALIDATORS })
    ;({ a, b } = world)
    pingA = await pingPong(a.endpoint)
    pingB = await pingPong(b.endpoint)
    await world.must(OWNER, pingA, {
      set_peer: { domain: DOMAIN_B, peer: bech32ToBytes32(pingB) },
    })
    await world.must(OWNER, pingB, {
      set_peer: { domain: DOMAIN_A, peer: bech32ToBytes32(pingA) },
    })
  })

  const state = (app: string) => world.chain.query<State>(app, { state: {} })
  const statusOn = (side: Side, message: Hex) =>
    world.query<{ status: number }>(side, { message_status: { message: b64(message) } }).status

  it('reads its endpoint domain and denom at instantiation, and its peers', () => {
    expect(world.chain.query(pingA, { app_config: {} })).toEqual({
      endpoint: a.endpoint,
      owner: OWNER,
      local_domain: DOMAIN_A,
      denom: DENOM,
    })
    expect(world.chain.query(pingA, { peer: { domain: DOMAIN_B } })).toEqual({
      peer: bech32ToBytes32(pingB),
    })
    expect(world.chain.query(pingA, { peer: { domain: 31337 } })).toEqual({ peer: null })
  })

  it('ping 7001 → 7002, pong from the handler back to 7001, ack back with the pong nonce', async () => {
    const out = await world.must(USER, pingA, { ping: { destination: DOMAIN_B } })
    const [ping] = world.sentIn(out, a)
    expect(ping).toBeDefined()
    // The app predicted the id and nonce the endpoint gave the ping.
    expect(JSON.parse(Buffer.from(out.data ?? '', 'base64').toString('utf8'))).toEqual({
      id: ping?.id,
      nonce: '1',
    })
    expect(decodeMessage(ping!.message)).toMatchObject({
      flags: 2,
      origin: DOMAIN_A,
      sender: bech32ToBytes32(pingA),
      destination: DOMAIN_B,
      recipient: bech32ToBytes32(pingB),
      nonce: 1n,
      gasLimit: 300_000,
      ackGasLimit: 100_000,
      body: hexText('ping'),
    })

    // 7002 delivers the ping: the handler sends the pong, the endpoint sends the ack after it.
    const delivered = await world.relay(a, b, ping!.message)
    expect(eventsOf(delivered, 'ferry_message_delivered')).toMatchObject([
      { id: ping!.id, status: '1', result: '0x0000000000000001' },
    ])
    const [pong, ack] = world.sentIn(delivered, b)
    expect(decodeMessage(pong!.message)).toMatchObject({
      flags: 0,
      sender: bech32ToBytes32(pingB),
      recipient: bech32ToBytes32(pingA),
      nonce: 1n,
      gasLimit: 100_000,
      body: hexText('pong'),
    })
    expect(eventsOf(delivered, 'ping_pong_pong_sent')).toMatchObject([
      { origin: String(DOMAIN_A), pong_id: pong!.id, pong_nonce: '1' },
    ])
    expect(decodeMessage(ack!.message)).toMatchObject({ flags: 1, gasLimit: 100_000 })
    expect(state(pingB)).toMatchObject({ pings_received: '1', pongs_received: '0' })

    // 7001 delivers the pong, then the ack.
    const pongOut = await world.relay(b, a, pong!.message)
    expect(eventsOf(pongOut, 'ferry_message_delivered')).toMatchObject([{ status: '1' }])
    const ackOut = await world.relay(b, a, ack!.message)
    expect(eventsOf(ackOut, 'ferry_ack_delivered')).toMatchObject([
      { original_id: ping!.id, original_status: '1', status: '1' },
    ])
    expect(eventsOf(ackOut, 'ping_pong_ack_received')).toMatchObject([
      { ping_id: ping!.id, status: '1', result: '0x0000000000000001' },
    ])
    expect(state(pingA)).toEqual({
      pings_received: '0',
      pongs_received: '1',
      acks_received: '1',
      last_ack: { id: ping!.id, status: 1, result: b64('0x0000000000000001') },
    })
    expect(statusOn(b, ping!.message)).toBe(MessageStatus.Executed)
    expect(statusOn(a, pong!.message)).toBe(MessageStatus.Executed)
    expect(statusOn(a, ack!.message)).toBe(MessageStatus.Executed)
  })

  it('pays the quoted fee from the funds sent with ping, and the pong from its balance', async () => {
    const fees = { base_fee: '1000', gas_price: '1', rate: '1000000000000000000' }
    for (const side of [a, b]) {
      for (const domain of [DOMAIN_A, DOMAIN_B]) {
        await world.must(OWNER, side.endpoint, {
          set_fee_config: {
            domain,
            config: { ...fees, gas_overhead: 0, gas_per_byte: 0, max_gas_limit: 16_777_216 },
          },
        })
      }
    }
    const quote = world.chain.query<{ fee: string; denom: string }>(pingA, {
      quote: { destination: DOMAIN_B, body_length: 4, gas_limit: 300_000, ack_gas_limit: 100_000 },
    })
    // Base fee and 300,000 gas to 7002, and 100,000 gas for the ack back (PROTOCOL §9: no base
    // fee for the ack).
    expect(quote).toEqual({ fee: String(1000 + 300_000 + 100_000), denom: DENOM })
    world.chain.fund(USER, 1_000_000n)
    const tooLittle = await world.execute(USER, pingA, { ping: { destination: DOMAIN_B } }, [
      { denom: DENOM, amount: '1' },
    ])
    expect(errorOf(tooLittle)).toEqual({
      code: 'insufficient_balance',
      fee: '401000',
      balance: '1',
    })

    const out = await world.must(USER, pingA, { ping: { destination: DOMAIN_B } }, [
      { denom: DENOM, amount: quote.fee },
    ])
    const [ping] = world.sentIn(out, a)
    expect(world.chain.balance(a.endpoint)).toBe(BigInt(quote.fee))
    expect(world.chain.balance(pingA)).toBe(0n)

    // Without a balance, the pong cannot be paid: the ping is Failed, and can be retried.
    const failed = await world.relay(a, b, ping!.message)
    const [delivered] = eventsOf(failed, 'ferry_message_delivered')
    expect(delivered?.status).toBe('2')
    expect(contractError(textOf(delivered?.result ?? '0x'))).toEqual({
      code: 'insufficient_balance',
      fee: '101000',
      balance: '0',
    })
    world.chain.fund(pingB, 101_000n)
    const retried = await world.must(USER, b.endpoint, {
      retry: { message: b64(ping!.message), gas_limit: decodeMessage(ping!.message).gasLimit },
    })
    expect(eventsOf(retried, 'ferry_message_retried')).toMatchObject([{ status: '1' }])
    expect(world.chain.balance(pingB)).toBe(0n)
    expect(world.chain.balance(b.endpoint)).toBe(101_000n)
    expect(state(pingB).pings_received).toBe('1')
  })

  it('rejects ferry_handle and ferry_handle_ack not sent by the endpoint (not_endpoint)', async () => {
    const handle = {
      ferry_handle: {
        origin: DOMAIN_A,
        sender: bech32ToBytes32(pingA),
        nonce: '1',
        body: b64(hexText('pong')),
      },
    }
    expect(errorOf(await world.execute(USER, pingB, handle))).toEqual({
      code: 'not_endpoint',
      sender: USER,
    })
    const ack = { ferry_handle_ack: { id: `0x${'11'.repeat(32)}`, status: 1, result: '' } }
    expect(errorOf(await world.execute(USER, pingB, ack))).toEqual({
      code: 'not_endpoint',
      sender: USER,
    })
    expect(state(pingB)).toMatchObject({ pongs_received: '0', acks_received: '0' })
  })

  it('fails a message from an app that is not the peer on its origin (not_peer)', async () => {
    // A test recipient on 7001 sends "pong" to pingB: delivered, but its handler refuses it.
    const sent = await world.sendFrom(world.appA, a, DOMAIN_B, bech32ToBytes32(pingB), {
      body: 'pong',
    })
    const out = await world.relay(a, b, sent.message)
    const [delivered] = eventsOf(out, 'ferry_message_delivered')
    expect(delivered?.status).toBe('2')
    expect(contractError(textOf(delivered?.result ?? '0x'))).toEqual({
      code: 'not_peer',
      origin: DOMAIN_A,
      sender: bech32ToBytes32(world.appA),
    })
    expect(state(pingB).pongs_received).toBe('0')
  })

  it('lets only the owner set peers, and refuses to send where no peer is set', async () => {
    const setPeer = { set_peer: { domain: 31337, peer: `0x${'00'.repeat(12)}${'ab'.repeat(20)}` } }
    expect(errorOf(await world.execute(USER, pingA, setPeer))).toEqual({
      code: 'unauthorized',
      sender: USER,
      role: 'owner',
    })
    expect(errorOf(await world.execute(USER, pingA, { ping: { destination: 31337 } }))).toEqual({
      code: 'no_peer',
      domain: 31337,
    })
    await world.must(OWNER, pingA, { set_peer: { domain: DOMAIN_B, peer: null } })
    expect(world.chain.query(pingA, { peer: { domain: DOMAIN_B } })).toEqual({ peer: null })
    expect(errorOf(await world.execute(USER, pingA, { ping: { destination: DOMAIN_B } }))).toEqual({
      code: 'no_peer',
      domain: DOMAIN_B,
    })
  })

  it('rejects unknown fields and messages strictly (invalid_json)', async () => {
    expect(
      errorOf(await world.execute(USER, pingA, { ping: { destination: DOMAIN_B, extra: 1 } })),
    ).toMatchObject({
      code: 'invalid_json',
      path: 'ping',
      problem: 'unknown field',
      field: 'extra',
    })
    expect(errorOf(await world.execute(USER, pingA, { dance: {} }))).toEqual({
      code: 'invalid_json',
      problem: 'unknown message',
      name: 'dance',
    })
  })
})

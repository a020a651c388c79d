// `pnpm bench`: the CosmWasm endpoint's gas in the embedded VM (cw-simulate with metering on) for
// send and for deliver with 1, 3 and 5 signatures, the ping-pong example's handler, and the wasm
// sizes. Prints a table and writes bench/cosmwasm.json. The same send and deliver on a wasmd
// localnet: the testkit's bench (packages/testkit/scripts/benchWasmd.ts, bench/wasmd.json).
//
// Units: cw-simulate's metering (@oraichain/cosmwasm-vm-js `Environment`): 150,000 per metered
// wasm operation ÷ 14,000,000, plus its host-call costs (storage bytes, secp256k1 recovery,
// address conversions). That is the simulator's model of chain gas, not a wasmd measurement:
// compare the figures with each other, and check them on a wasmd node (the testkit's scripts/benchWasmd.ts) before setting
// gas limits from them. Every figure is one top-level execute, sub-messages included.
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Hex } from '@ferry/cosmwasm-bindings'
import { fixSimulator } from '@ferry/cosmwasm-bindings/embedded'
import {
  b64,
  DENOM,
  deliverMsg,
  ORIGIN,
  ORIGIN_ENDPOINT,
  ORIGIN_SENDER,
  Origin,
  OWNER,
  PREFIX,
  RELAYER,
  wasmPath,
  ZERO_FEES,
} from '@ferry/cosmwasm-bindings/harness'
import { checkpointsVectors } from '@ferry/spec'
import { CWSimulateApp } from '@oraichain/cw-simulate'
import { buildContracts, setQuiet } from './buildWasm.ts'

// The spec's vector validators sign the checkpoints (as in the testkit's wasmd bench).
const VALIDATORS = checkpointsVectors.validators
/** The package's folder, where bench/cosmwasm.json goes. */
const packageRoot = join(import.meta.dirname, '..')
/** The domain of the endpoint under measure (the testkit's wasmd bench uses the same). */
const LOCAL = 7001

setQuiet(true)
await buildContracts()

fixSimulator()
const app = new CWSimulateApp({ chainId: 'ferry-bench', bech32Prefix: PREFIX, metering: true })
app.time = (Math.floor(Date.now() / 1000) + 1_000) * 1e9

async function instantiate(name: string, msg: unknown): Promise<string> {
  const code = app.wasm.storeCode(OWNER, readFileSync(wasmPath(name))).unwrap()
  const res = await app.wasm.instantiateContract(OWNER, [], code, msg, name)
  if (res.err) throw new Error(`instantiate ${name}: ${res.val}`)
  const address = res.val.events
    .find((e) => e.type === 'instantiate')
    ?.attributes.find((a) => a.key === '_contract_address')?.value
  if (!address) throw new Error(`instantiate ${name}: no address`)
  return address
}

/**
 * Gas of one execute (the simulator's counter is cumulative); throws if it failed or if a
 * message it delivered did not end Executed (a bench of a failing handler would mislead).
 */
async function gasOf(sender: string, contract: string, msg: unknown): Promise<number> {
  const before = app.gasUsed
  const res = await app.wasm.executeContract(sender, [], contract, msg)
  if (res.err) throw new Error(`execute ${JSON.stringify(msg).slice(0, 80)}: ${res.val}`)
  for (const event of res.val.events) {
    if (event.type !== 'wasm-ferry_message_delivered') continue
    const status = event.attributes.find((a) => a.key === 'status')?.value
    const result = event.attributes.find((a) => a.key === 'result')?.value ?? '0x'
    if (status !== '1')
      throw new Error(`delivered with status ${status}: ${Buffer.from(result.slice(2), 'hex')}`)
  }
  return app.gasUsed - before
}

const endpoint = await instantiate('endpoint', { local_domain: LOCAL, owner: OWNER, denom: DENOM })
const recipient = await instantiate('test-recipient', {})
const pingPong = await instantiate('ping-pong', { endpoint })
for (const domain of [LOCAL, ORIGIN])
  await gasOf(OWNER, endpoint, { set_fee_config: { domain, config: ZERO_FEES } })
await gasOf(OWNER, pingPong, { set_peer: { domain: ORIGIN, peer: ORIGIN_SENDER } })

const textHex = (text: string): Hex => `0x${Buffer.from(text, 'utf8').toString('hex')}`

// send: a 32-byte body to a remote app, the first on its channel and a later one.
const sendMsg = (ack: boolean) => ({
  send: {
    destination: ORIGIN,
    recipient: ORIGIN_SENDER,
    body: b64(`0x${'42'.repeat(32)}`),
    gas_limit: 200_000,
    ack_gas_limit: ack ? 100_000 : 0,
    deadline: '0',
  },
})
const sendFirst = await gasOf(RELAYER, endpoint, sendMsg(false))
const send = await gasOf(RELAYER, endpoint, sendMsg(false))
const sendWithAck = await gasOf(RELAYER, endpoint, sendMsg(true))

// deliver from ORIGIN, whose validator set is all five vector validators, threshold k; the
// messages and proofs come from the harness's simulated origin (`Origin`).
const origin = new Origin(LOCAL, VALIDATORS)
async function deliverGas(to: string, body: string, signers: number): Promise<number> {
  // Far above any handler here: the bench measures gas, the limit is enforced under metering.
  const message = origin.send(to, body, { gasLimit: 50_000_000 })
  const proof = await origin.prove(message, signers)
  return gasOf(RELAYER, endpoint, deliverMsg(message, proof))
}

async function setThreshold(threshold: number): Promise<void> {
  await gasOf(OWNER, endpoint, {
    set_origin: {
      origin: ORIGIN,
      origin_endpoint: ORIGIN_ENDPOINT,
      validators: VALIDATORS.map((v) => v.address),
      threshold,
    },
  })
}

const deliver: Record<string, number> = {}
for (const signers of [1, 3, 5]) {
  await setThreshold(signers)
  await deliverGas(recipient, 'ok:warm', signers) // first delivery on the channel
  deliver[signers] = await deliverGas(recipient, 'ok:bench', signers)
}
await setThreshold(3)
await deliverGas(pingPong, 'pong', 3)
// The handler alone, called as the endpoint calls it: what its message's gas limit must cover
// (a sub-message's limit covers its own sub-messages: the pong's `send` on the endpoint).
const handle = (body: string, nonce: number) => ({
  ferry_handle: {
    origin: ORIGIN,
    sender: ORIGIN_SENDER,
    nonce: `${nonce}`,
    body: b64(textHex(body)),
  },
})
const pingPongDeliver = {
  pong: await deliverGas(pingPong, 'pong', 3),
  pingSendsPong: await deliverGas(pingPong, 'ping', 3),
  handlerPong: await gasOf(endpoint, pingPong, handle('pong', 100)),
  handlerPingSendsPong: await gasOf(endpoint, pingPong, handle('ping', 101)),
}

const sizes = Object.fromEntries(
  ['endpoint', 'test-recipient', 'ping-pong'].map((name) => [name, statSync(wasmPath(name)).size]),
)
const figures = {
  units:
    'cw-simulate metering (150,000 per wasm op / 14,000,000, plus host-call costs); one execute, sub-messages included',
  send: { firstOnChannel: sendFirst, body32: send, body32WithAck: sendWithAck },
  deliver,
  pingPong: pingPongDeliver,
  wasmBytes: sizes,
}

const rows: [string, string][] = [
  ['send, 32-byte body, first on its channel', `${sendFirst}`],
  ['send, 32-byte body', `${send}`],
  ['send, 32-byte body, ack requested', `${sendWithAck}`],
  ...[1, 3, 5].map((k): [string, string] => [
    `deliver, ${k} signature(s), test recipient`,
    `${deliver[k]}`,
  ]),
  ['deliver "pong" to ping-pong, 3 signatures', `${pingPongDeliver.pong}`],
  [
    'deliver "ping" to ping-pong (sends the pong), 3 signatures',
    `${pingPongDeliver.pingSendsPong}`,
  ],
  ['ping-pong handler alone, "pong"', `${pingPongDeliver.handlerPong}`],
  ['ping-pong handler alone, "ping" (sends the pong)', `${pingPongDeliver.handlerPingSendsPong}`],
  ...Object.entries(sizes).map(([name, size]): [string, string] => [
    `${name}.wasm bytes`,
    `${size}`,
  ]),
]
const width = Math.max(...rows.map(([label]) => label.length))
process.stdout.write(`CosmWasm endpoint, embedded VM gas (${figures.units})\n`)
for (const [label, value] of rows)
  process.stdout.write(`${label.padEnd(width)}  ${value.padStart(9)}\n`)

mkdirSync(join(packageRoot, 'bench'), { recursive: true })
writeFileSync(join(packageRoot, 'bench', 'cosmwasm.json'), `${JSON.stringify(figures, null, 2)}\n`)
process.stdout.write('wrote bench/cosmwasm.json\n')

// The CosmWasm endpoint's gas on a real wasmd node: starts a localnet (startWasmdLocalnet,
// wasmd built once by tools/wasmd/build.sh), uploads endpoint.wasm and the test recipient, and
// measures the same transactions as the bindings' embedded-VM bench
// (packages/cosmwasm-bindings/scripts/bench.ts, bench/cosmwasm.json): send, and deliver with 1, 3
// and 5 signatures (threshold = signatures). `pnpm bench` here prints the figures and writes
// bench/wasmd.json. It lives in the testkit, which starts wasmd, above the bindings.
//
// Units: the `gasUsed` cosmjs reports for the whole transaction, in Cosmos SDK gas: wasmd's
// contract gas (wasmvm gas ÷ 140,000) plus the SDK's own (ante handler, signature check, tx bytes,
// storage), so a proof's signatures also cost as transaction bytes.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { SigningCosmWasmClient } from '@cosmjs/cosmwasm-stargate'
import { DirectSecp256k1HdWallet } from '@cosmjs/proto-signing'
import { GasPrice } from '@cosmjs/stargate'
// The bindings' harness: the same fake origin and fee config as the bindings' own bench, so that
// both benches measure the same thing.
import {
  b64,
  deliverMsg,
  ORIGIN,
  ORIGIN_ENDPOINT,
  ORIGIN_SENDER,
  Origin,
  wasmPath,
  ZERO_FEES,
} from '@ferry/cosmwasm-bindings/harness'
import { checkpointsVectors } from '@ferry/spec'
// By name, as a user would: Node's type stripping can't follow src's `.js` specifiers.
import { startWasmdLocalnet } from '@ferry/testkit'

/** This package's folder, where bench/wasmd.json goes. */
const packageRoot = join(import.meta.dirname, '..')
/** The domain of the endpoint under measure (as in the bindings' bench). */
const LOCAL = 7001
/** The spec's vector validators sign the checkpoints (as in the bindings' bench). */
const VALIDATORS = checkpointsVectors.validators

type WasmdGasFigures = {
  units: string
  wasmd: string
  send: { firstOnChannel: number; body32: number; body32WithAck: number }
  deliver: Record<string, number>
}

/** Measures send and deliver on a fresh wasmd localnet, stopping it afterwards. */
async function benchWasmd(): Promise<WasmdGasFigures> {
  const wallet = await DirectSecp256k1HdWallet.generate(12, { prefix: 'wasm' })
  const [account] = await wallet.getAccounts()
  if (!account) throw new Error('no account')
  const sender = account.address
  const chain = await startWasmdLocalnet({ accounts: [sender] })
  const client = await SigningCosmWasmClient.connectWithSigner(chain.rpcUrl, wallet, {
    gasPrice: GasPrice.fromString(`0${chain.denom}`),
    broadcastPollIntervalMs: 100,
  })
  try {
    const instantiate = async (name: string, msg: Record<string, unknown>) => {
      const { codeId } = await client.upload(sender, readFileSync(wasmPath(name)), 'auto')
      return (await client.instantiate(sender, codeId, msg, name, 'auto')).contractAddress
    }
    const endpoint = await instantiate('endpoint', {
      local_domain: LOCAL,
      owner: sender,
      denom: chain.denom,
    })
    const recipient = await instantiate('test-recipient', {})

    /** Gas of one execute; throws if it failed or a message it delivered did not end Executed. */
    const gasOf = async (msg: Record<string, unknown>): Promise<number> => {
      const result = await client.execute(sender, endpoint, msg, 1.5)
      for (const event of result.events) {
        if (event.type !== 'wasm-ferry_message_delivered') continue
        const status = event.attributes.find((a) => a.key === 'status')?.value
        if (status !== '1') throw new Error(`delivered with status ${status}`)
      }
      return Number(result.gasUsed)
    }

    for (const domain of [LOCAL, ORIGIN])
      await gasOf({ set_fee_config: { domain, config: ZERO_FEES } })

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
    const send = {
      firstOnChannel: await gasOf(sendMsg(false)),
      body32: await gasOf(sendMsg(false)),
      body32WithAck: await gasOf(sendMsg(true)),
    }

    // Messages and proofs from the harness's simulated origin (`Origin`).
    const origin = new Origin(LOCAL, VALIDATORS)
    const deliverGas = async (body: string, signers: number): Promise<number> => {
      const message = origin.send(recipient, body, { gasLimit: 1_000_000 })
      return gasOf(deliverMsg(message, await origin.prove(message, signers)))
    }

    const deliver: Record<string, number> = {}
    for (const signers of [1, 3, 5]) {
      await gasOf({
        set_origin: {
          origin: ORIGIN,
          origin_endpoint: ORIGIN_ENDPOINT,
          validators: VALIDATORS.slice(0, signers).map((v) => v.address),
          threshold: signers,
        },
      })
      await deliverGas('ok:warm', signers) // the first delivery on the channel
      deliver[signers] = await deliverGas('ok:bench', signers)
    }
    const version = readFileSync(join(packageRoot, '../../tools/wasmd/go.mod'), 'utf8').match(
      /github\.com\/CosmWasm\/wasmd (v\S+)/,
    )?.[1]
    return {
      units:
        'Cosmos SDK gas (cosmjs gasUsed): the whole transaction, contract gas (wasmvm gas / 140,000) plus ante handler, signature check and tx bytes',
      wasmd: version ?? 'unknown',
      send,
      deliver,
    }
  } finally {
    client.disconnect()
    await chain.stop()
  }
}

/** Writes bench/wasmd.json. */
function writeWasmdFigures(figures: WasmdGasFigures): void {
  mkdirSync(join(packageRoot, 'bench'), { recursive: true })
  writeFileSync(join(packageRoot, 'bench', 'wasmd.json'), `${JSON.stringify(figures, null, 2)}\n`)
}

const figures = await benchWasmd()
process.stdout.write(`CosmWasm endpoint on wasmd ${figures.wasmd} (${figures.units})\n`)
const rows: [string, number][] = [
  ['send, 32-byte body, first on its channel', figures.send.firstOnChannel],
  ['send, 32-byte body', figures.send.body32],
  ['send, 32-byte body, ack requested', figures.send.body32WithAck],
  ...[1, 3, 5].map((k): [string, number] => [
    `deliver, ${k} signature(s), test recipient`,
    figures.deliver[k] ?? 0,
  ]),
]
const width = Math.max(...rows.map(([label]) => label.length))
for (const [label, value] of rows)
  process.stdout.write(`${label.padEnd(width)}  ${`${value}`.padStart(9)}\n`)
writeWasmdFigures(figures)
process.stdout.write('wrote bench/wasmd.json\n')

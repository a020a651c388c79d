// The CosmWasm HTLC's gas on a real wasmd node (issue 18): starts a localnet (as benchWasmd.ts),
// uploads endpoint.wasm and htlc.wasm, and measures lock, claim and refund of the chain's denom
// between two accounts, each after a warm-up of the same operation (the locker's nonce key and
// both accounts exist, as for a regular user). `pnpm bench:htlc` here merges the figures into the
// EVM HTLC bench's file, packages/evm-contracts/bench/htlc.json, under "cosmwasm" (that bench
// keeps the key when it rewrites the file).
//
// Units: the `gasUsed` cosmjs reports for the whole transaction, in Cosmos SDK gas (see
// benchWasmd.ts); not comparable with EVM gas.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { SigningCosmWasmClient } from '@cosmjs/cosmwasm-stargate'
import { DirectSecp256k1HdWallet } from '@cosmjs/proto-signing'
import { GasPrice } from '@cosmjs/stargate'
import { wasmPath, ZERO_FEES } from '@ferry/cosmwasm-bindings/harness'
import { getHtlcHashlock } from '@ferry/protocol'
// By name, as a user would: Node's type stripping can't follow src's `.js` specifiers.
import { startWasmdLocalnet } from '@ferry/testkit'
import { keccak256, stringToHex } from 'viem'

const packageRoot = join(import.meta.dirname, '..')
const htlcJson = join(packageRoot, '../evm-contracts/bench/htlc.json')
const LOCAL = 7001
const AMOUNT = '1000000'
/** Seconds a refunded lock lives: the localnet's blocks come about every second. */
const SHORT = 6

type HtlcWasmdFigures = {
  lock: number
  claim: number
  refund: number
  units: string
  wasmd: string
}

async function benchHtlcWasmd(): Promise<HtlcWasmdFigures> {
  const wallet = await DirectSecp256k1HdWallet.generate(12, { prefix: 'wasm' })
  const [locker] = await wallet.getAccounts()
  const recipientWallet = await DirectSecp256k1HdWallet.generate(12, { prefix: 'wasm' })
  const [recipient] = await recipientWallet.getAccounts()
  if (!locker || !recipient) throw new Error('no accounts')
  const chain = await startWasmdLocalnet({ accounts: [locker.address, recipient.address] })
  const client = await SigningCosmWasmClient.connectWithSigner(chain.rpcUrl, wallet, {
    gasPrice: GasPrice.fromString(`0${chain.denom}`),
    broadcastPollIntervalMs: 100,
  })
  try {
    const sender = locker.address
    const instantiate = async (name: string, msg: Record<string, unknown>) => {
      const { codeId } = await client.upload(sender, readFileSync(wasmPath(name)), 'auto')
      return (await client.instantiate(sender, codeId, msg, name, 'auto')).contractAddress
    }
    const endpoint = await instantiate('endpoint', {
      local_domain: LOCAL,
      owner: sender,
      denom: chain.denom,
    })
    await client.execute(
      sender,
      endpoint,
      { set_fee_config: { domain: LOCAL, config: ZERO_FEES } },
      'auto',
    )
    const htlc = await instantiate('htlc', { endpoint })

    const blockTime = async () =>
      Math.floor(new Date((await client.getBlock()).header.time).getTime() / 1000)
    const gasOf = async (msg: Record<string, unknown>, funds = true) => {
      const result = await client.execute(
        sender,
        htlc,
        msg,
        1.5,
        undefined,
        funds ? [{ denom: chain.denom, amount: AMOUNT }] : [],
      )
      return { gas: Number(result.gasUsed), events: result.events }
    }
    const lock = async (salt: string, expiresIn: number) => {
      const preimage = keccak256(stringToHex(`htlc-wasmd/${salt}`))
      const timelock = (await blockTime()) + expiresIn
      const { gas, events } = await gasOf({
        lock: {
          recipient: recipient.address,
          hashlock: getHtlcHashlock(preimage),
          timelock: String(timelock),
          denom: chain.denom,
          amount: AMOUNT,
        },
      })
      const id = events
        .find((e) => e.type === 'wasm-htlc_locked')
        ?.attributes.find((a) => a.key === 'id')?.value
      if (!id) throw new Error('no htlc_locked event')
      return { gas, id, preimage, timelock }
    }

    const warm = await lock('warm', 3_600)
    await gasOf({ claim: { id: warm.id, preimage: warm.preimage } }, false)
    const claimed = await lock('claim', 3_600)
    const claim = await gasOf({ claim: { id: claimed.id, preimage: claimed.preimage } }, false)
    const refunds = [await lock('refund-warm', SHORT), await lock('refund', SHORT)]
    // Refunds run in a block at or after both timelocks.
    const expiry = Math.max(...refunds.map((r) => r.timelock))
    while ((await blockTime()) < expiry) await new Promise((resolve) => setTimeout(resolve, 500))
    await gasOf({ refund: { id: refunds[0]?.id } }, false)
    const refund = await gasOf({ refund: { id: refunds[1]?.id } }, false)
    const version = readFileSync(join(packageRoot, '../../tools/wasmd/go.mod'), 'utf8').match(
      /github\.com\/CosmWasm\/wasmd (v\S+)/,
    )?.[1]
    return {
      lock: claimed.gas,
      claim: claim.gas,
      refund: refund.gas,
      units:
        'Cosmos SDK gas (cosmjs gasUsed) of the whole transaction, native denom, no relay, after one warm-up of each operation',
      wasmd: version ?? 'unknown',
    }
  } finally {
    client.disconnect()
    await chain.stop()
  }
}

const figures = await benchHtlcWasmd()
process.stdout.write(
  `CosmWasm HTLC on wasmd ${figures.wasmd}: lock ${figures.lock}, claim ${figures.claim}, refund ${figures.refund}\n`,
)
const report = existsSync(htlcJson) ? JSON.parse(readFileSync(htlcJson, 'utf8')) : {}
writeFileSync(htlcJson, `${JSON.stringify({ ...report, cosmwasm: figures }, null, 2)}\n`)
process.stdout.write('wrote packages/evm-contracts/bench/htlc.json (cosmwasm)\n')

// The test recipient as an app on two endpoints of one embedded chain: it sends through
// `viaTestRecipient` paying the quoted fee, the message is proved with the vector validators'
// signatures and delivered, and its ack comes back to the sender's ack handler.

import { account } from '@ferry/cosmwasm-bindings/harness'
import {
  bech32ToBytes32,
  encodeProof,
  MerkleTree,
  MessageStatus,
  signCheckpoint,
  sortSignaturesBySigner,
} from '@ferry/protocol'
import { checkpointsVectors } from '@ferry/spec'
import { beforeAll, describe, expect, test } from 'vitest'
import { deliver } from '../client/actions/deliver.js'
import { quote } from '../client/actions/quote.js'
import { send } from '../client/actions/send.js'
import { createEmbeddedChain, type EmbeddedChain } from '../embedded/createEmbeddedChain.js'
import { FeeTooLowError } from '../errors/admin.js'
import type { Hex } from '../types.js'
import { connectOrigin } from './connectOrigin.js'
import { deployEndpoint } from './deployEndpoint.js'
import { instantiateTestRecipient } from './instantiateTestRecipient.js'
import { setFeeConfigs } from './setFeeConfigs.js'
import { testRecipientHandled } from './testRecipientHandled.js'
import { viaTestRecipient } from './viaTestRecipient.js'

const OWNER = account(0x11)
const PAYER = account(0x66)
const DENOM = 'ustake'
const VALIDATORS = checkpointsVectors.validators
const text = (value: string): Hex => `0x${Buffer.from(value, 'utf8').toString('hex')}`

/** A proof of the only leaf of a tree, signed by every vector validator. */
async function proveFirst(origin: number, originEndpoint: Hex, id: Hex): Promise<Hex> {
  const tree = new MerkleTree([id])
  const checkpoint = { origin, originEndpoint, root: tree.root(), index: 0 }
  const signatures = await Promise.all(
    VALIDATORS.map(({ privateKey }) => signCheckpoint({ privateKey, checkpoint })),
  )
  return encodeProof({
    checkpointIndex: 0,
    leafIndex: 0,
    branch: tree.getProof(0).branch,
    signatures: await sortSignaturesBySigner({ checkpoint, signatures }),
  })
}

describe('viaTestRecipient and testRecipientHandled', () => {
  let chain: EmbeddedChain
  let a: string
  let b: string
  let appA: string
  let appB: string

  beforeAll(async () => {
    chain = createEmbeddedChain({
      chainId: 'ferry-testing',
      bech32Prefix: 'wasm',
      accounts: { [PAYER]: [{ denom: DENOM, amount: '1000000000' }] },
    })
    a = await deployEndpoint(chain, { domain: 7001, owner: OWNER, denom: DENOM })
    b = await deployEndpoint(chain, { domain: 7002, owner: OWNER, denom: DENOM })
    appA = await instantiateTestRecipient(chain, { sender: OWNER })
    appB = await instantiateTestRecipient(chain, { sender: OWNER })
    for (const [endpoint, other, otherDomain] of [
      [a, b, 7002],
      [b, a, 7001],
    ] as const) {
      await setFeeConfigs(chain, { endpoint, feeManager: OWNER, domains: [7001, 7002] })
      await connectOrigin(chain, {
        endpoint,
        owner: OWNER,
        origin: otherDomain,
        originEndpoint: bech32ToBytes32(other),
        validators: VALIDATORS.map((v) => v.address),
        threshold: VALIDATORS.length,
      })
    }
  })

  test('the app sends as itself, the account pays; the message and its ack are handled', async () => {
    const parameters = {
      contract: a,
      destination: 7002,
      recipient: bech32ToBytes32(appB),
      body: text('ok:hello'),
      gasLimit: 100_000,
      ackGasLimit: 50_000,
    }
    const { fee } = await quote(chain, { ...parameters, bodyLength: 8 })
    expect(fee).toBeGreaterThan(0n)
    const sent = await send(viaTestRecipient(chain, appA), { ...parameters, sender: PAYER })
    expect(chain.getBalance(PAYER, DENOM)).toBe(1_000_000_000n - fee)
    expect(chain.getBalance(a, DENOM)).toBe(fee)
    expect(chain.getBalance(appA, DENOM)).toBe(0n)
    expect(sent).toMatchObject({ nonce: 1n, leafIndex: 0 })

    // Delivered to 7002: appB handles it, and 7002 sends the ack back to appA.
    const delivered = await deliver(chain, {
      contract: b,
      sender: OWNER,
      message: sent.message,
      proof: await proveFirst(7001, bech32ToBytes32(a), sent.id),
    })
    expect(await testRecipientHandled(chain, { app: appB })).toEqual({ count: 1, last: 'ok:hello' })
    const ack = delivered.events.find((event) => event.type === 'messageSent')
    if (ack?.type !== 'messageSent') throw new Error('no ack sent')
    expect(ack.recipient).toBe(bech32ToBytes32(appA))

    await deliver(chain, {
      contract: a,
      sender: OWNER,
      message: ack.message,
      proof: await proveFirst(7002, bech32ToBytes32(b), ack.id),
    })
    expect(await testRecipientHandled(chain, { app: appA })).toEqual({
      count: 1,
      last: `ack:${sent.id}:${MessageStatus.Executed}:${Buffer.from('hello').toString('base64')}`,
    })
  })

  test('what the account does not pay, the app does not have: below the quote is refused', async () => {
    await expect(
      send(viaTestRecipient(chain, appA), {
        contract: a,
        sender: PAYER,
        destination: 7002,
        recipient: bech32ToBytes32(appB),
        body: text('ok:unpaid'),
        gasLimit: 100_000,
        fee: { amount: 0n, denom: DENOM },
      }),
    ).rejects.toBeInstanceOf(FeeTooLowError)
  })
})

// The token bridge (@ferry/cosmwasm-bindings, contract/token/) on a wasmd localnet: a native
// lock bridge of the chain's denom on 7001 and a synthetic CW20-compatible one on 7002, a round
// trip relayed with real proofs, exact balances, and each leg's gas as wasmd counts it (cosmjs's
// `gasUsed`, the whole transaction), printed for the package README.
import { readFileSync } from 'node:fs'
import { parseEndpointEvents } from '@ferry/cosmwasm-bindings'
import { wasmPath } from '@ferry/cosmwasm-bindings/harness'
import { bech32ToBytes32, MessageStatus } from '@ferry/protocol'
import type { Hex } from 'viem'
import { beforeAll, describe, expect, it } from 'vitest'
import { b64Text, type Domain, ofType, useTwoEndpoints } from './twoEndpoints.ts'

const UNLIMITED = { capacity: (2n ** 128n - 1n).toString(), refill_per_second: '1' }

describe('the token bridge on a wasmd localnet', () => {
  const t = useTwoEndpoints()
  let lock: string
  let mint: string

  const execute = (
    contract: string,
    msg: object,
    funds: { denom: string; amount: string }[] = [],
  ) => t.client.execute(t.sender, contract, msg, 'auto', undefined, funds)
  const cw20 = async (address: string) =>
    BigInt(
      ((await t.client.queryContractSmart(mint, { balance: { address } })) as { balance: string })
        .balance,
    )

  /** Delivers `message` from `from` to `to` as a plain transaction; its status and gas. */
  async function deliver(from: Domain, to: Domain, message: Hex) {
    const proof = await t.prove(from, message)
    const result = await execute(to.side.endpoint, {
      deliver: { message: b64Text(message), proof: b64Text(proof) },
    })
    const events = t.record(parseEndpointEvents(result.events, { contract: to.side.endpoint }))
    const [delivered] = ofType(events, 'messageDelivered')
    return { status: delivered?.status, gasUsed: result.gasUsed }
  }

  /** `transfer_remote` on `bridge` as the test account; the message and the gas. */
  async function transfer(
    bridge: string,
    from: Domain,
    destination: number,
    amount: bigint,
    funds = 0n,
  ) {
    const result = await execute(
      bridge,
      {
        transfer_remote: {
          destination,
          recipient: bech32ToBytes32(t.sender),
          amount: amount.toString(),
        },
      },
      funds === 0n ? [] : [{ denom: t.chain.denom, amount: funds.toString() }],
    )
    const [sent] = ofType(
      t.record(parseEndpointEvents(result.events, { contract: from.side.endpoint })),
      'messageSent',
    )
    return { message: sent?.message ?? '0x', gasUsed: result.gasUsed }
  }

  beforeAll(async () => {
    const code = (await t.client.upload(t.sender, readFileSync(wasmPath('token-bridge')), 'auto'))
      .codeId
    const instantiate = async (msg: object, label: string) =>
      (await t.client.instantiate(t.sender, code, msg, label, 'auto')).contractAddress
    lock = await instantiate(
      { endpoint: t.a.side.endpoint, mode: 'native', denom: t.chain.denom, decimals: 6 },
      'token bridge 7001',
    )
    mint = await instantiate(
      {
        endpoint: t.b.side.endpoint,
        mode: 'synthetic',
        name: 'Bridged',
        symbol: 'bSTK',
        decimals: 6,
      },
      'token bridge 7002',
    )
    for (const [bridge, remote, domain] of [
      [lock, mint, t.b.side.domain],
      [mint, lock, t.a.side.domain],
    ] as const) {
      await execute(bridge, {
        set_route: {
          domain,
          enabled: true,
          remote_decimals: 6,
          gas_limit: 400_000,
          outbound: UNLIMITED,
          inbound: UNLIMITED,
        },
      })
      await execute(bridge, { set_peer: { domain, peer: bech32ToBytes32(remote) } })
    }
  })

  it('locks on 7001, mints on 7002 and back, exactly, relayed with real proofs', async () => {
    const balance = async () => BigInt((await t.client.getBalance(t.sender, t.chain.denom)).amount)
    const lockSend = await transfer(lock, t.a, t.b.side.domain, 5_000_000n, 5_000_000n)
    expect((await t.client.getBalance(lock, t.chain.denom)).amount).toBe('5000000')
    const mintDeliver = await deliver(t.a, t.b, lockSend.message)
    expect(mintDeliver.status).toBe(MessageStatus.Executed)
    expect(await cw20(t.sender)).toBe(5_000_000n)

    const before = await balance()
    const burnSend = await transfer(mint, t.b, t.a.side.domain, 2_000_000n)
    expect(await cw20(t.sender)).toBe(3_000_000n)
    const releaseDeliver = await deliver(t.b, t.a, burnSend.message)
    expect(releaseDeliver.status).toBe(MessageStatus.Executed)
    expect((await t.client.getBalance(lock, t.chain.denom)).amount).toBe('3000000')
    // The localnet's gas price is 0: the balance moves by the release only.
    expect(await balance()).toBe(before + 2_000_000n)

    // Each leg's gas on wasmd v0.70.3 (the whole transaction, 3-signature proofs).
    const gas = { lockSend, mintDeliver, burnSend, releaseDeliver }
    process.stdout.write(
      `token bridge gas (wasmd): ${Object.entries(gas)
        .map(([leg, { gasUsed }]) => `${leg} ${gasUsed}`)
        .join(', ')}\n`,
    )
    for (const gas of [lockSend, mintDeliver, burnSend, releaseDeliver].map((leg) => leg.gasUsed))
      expect(gas).toBeGreaterThan(0n)
  })
})

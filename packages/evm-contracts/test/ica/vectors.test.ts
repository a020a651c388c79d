// The examples of spec/apps/interchain-accounts.json, reproduced by the contracts: the router
// sends exactly the example bodies (owner = the caller), the factory's salt is the example's, the
// example account addresses follow from the CREATE2 formula, and the failure example decodes to
// the router's error.
import { readFileSync } from 'node:fs'
import { decodeMessage } from '@ferry/protocol'
import { concatHex, getContractAddress, type Hex, size, toHex } from 'viem'
import { beforeEach, describe, expect, it } from 'vitest'
import {
  deployIcaWorld,
  encodeResults,
  GAS_LIMIT,
  type IcaWorld,
  type RemoteCall,
} from '../helpers/interchainAccounts.ts'
import { decodeRevert } from '../helpers/revert.ts'
import { DOMAIN_B, sentIn } from '../helpers/world.ts'

type Vectors = {
  bodies: {
    name: string
    kind: number
    owner: Hex
    calls?: { target: Hex; value: string; data: Hex }[]
    payload: Hex
    body: Hex
  }[]
  results: { results: Hex[]; encoded: Hex }[]
  accounts: {
    origin: number
    owner: Hex
    salt: Hex
    factory: Hex
    implementation: Hex
    account: Hex
  }[]
  evmFailure: { index: number; reason: Hex; encoded: Hex }
}

// CAST: the file's shape is the type above (the spec's examples, checked field by field below).
const vectors = JSON.parse(
  readFileSync(new URL('../../../../spec/apps/interchain-accounts.json', import.meta.url), 'utf8'),
) as Vectors

describe('spec/apps/interchain-accounts.json', () => {
  let world: IcaWorld

  beforeEach(async () => {
    world = await deployIcaWorld()
  })

  it('the router sends every example body whose owner is an EVM caller, byte for byte', async () => {
    const alice = world.alice.account
    const mine = vectors.bodies.filter(
      (b) =>
        b.owner.toLowerCase() === `0x${alice.address.slice(2).toLowerCase().padStart(64, '0')}`,
    )
    expect(mine.length).toBeGreaterThanOrEqual(4)
    for (const vector of mine) {
      let receipt: Awaited<ReturnType<IcaWorld['mined']>>
      if (vector.calls) {
        const calls: RemoteCall[] = vector.calls.map((c) => ({ ...c, value: BigInt(c.value) }))
        const fee = await world.routerA.read.quoteCallRemote([DOMAIN_B, calls, GAS_LIMIT, 0])
        const args = [DOMAIN_B, calls, GAS_LIMIT, 0, 0n] as const
        receipt = await world.mined(
          vector.kind === 1
            ? world.routerA.write.callRemote(args, { value: fee, account: alice })
            : world.routerA.write.readRemote(args, { value: fee, account: alice }),
        )
      } else {
        const fee = await world.routerA.read.quoteCallRemoteRaw([
          DOMAIN_B,
          BigInt(size(vector.payload)),
          GAS_LIMIT,
          0,
        ])
        receipt = await world.mined(
          world.routerA.write.callRemoteRaw(
            [DOMAIN_B, vector.kind, vector.payload, GAS_LIMIT, 0, 0n],
            { value: fee, account: alice },
          ),
        )
      }
      const body = decodeMessage(sentIn(receipt, world.a).message).body
      expect(body, vector.name).toBe(vector.body)
      expect(body.slice(0, 6)).toBe(`0x01${toHex(vector.kind, { size: 1 }).slice(2)}`)
      expect(`0x${body.slice(70)}`).toBe(vector.payload)
    }
  })

  it('the factory’s salt and the CREATE2 formula give the example accounts', async () => {
    for (const vector of vectors.accounts) {
      expect(await world.factoryB.read.accountSalt([vector.origin, vector.owner])).toBe(vector.salt)
      const initcode = concatHex([
        '0x3d602d80600a3d3981f3363d3d373d3d3d363d73',
        vector.implementation,
        '0x5af43d82803e903d91602b57fd5bf3',
      ])
      expect(
        getContractAddress({
          opcode: 'CREATE2',
          from: vector.factory,
          salt: vector.salt,
          bytecode: initcode,
        }).toLowerCase(),
      ).toBe(vector.account)
    }
  })

  it('results are abi.encode(bytes[]) and the failure decodes to the router’s error', async () => {
    for (const { results, encoded } of vectors.results) expect(encodeResults(results)).toBe(encoded)
    expect(await decodeRevert(vectors.evmFailure.encoded)).toEqual({
      errorName: 'InterchainAccountRouterCallFailed',
      args: [BigInt(vectors.evmFailure.index), vectors.evmFailure.reason],
    })
  })
})

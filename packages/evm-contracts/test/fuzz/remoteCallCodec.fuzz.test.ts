// Fuzz: RemoteCallCodec (through RemoteCallCodecHarness) against viem's ABI codec. Valid batches
// decode to exactly what was encoded; a mutated payload that both decode gives the same calls in
// each. Either may accept what the other refuses: Solidity refuses a payload under 64 bytes that
// viem reads as an empty array, and it bounds an element's offsets by the whole calldata, not the
// payload (the harness's calldata ends in zero padding, which viem refuses to read), as the
// codec's NatSpec says and why that gains a sender nothing.
import type { ContractReturnType } from '@nomicfoundation/hardhat-viem/types'
import fc from 'fast-check'
import { network } from 'hardhat'
import { concatHex, decodeAbiParameters, type Hex, toHex } from 'viem'
import { beforeAll, describe, expect, it } from 'vitest'
import { encodeCalls, type RemoteCall } from '../helpers/interchainAccounts.ts'
import { decodeRevert, revertData } from '../helpers/revert.ts'
import { byteMutation, bytes32, hexBytes, mutateHex, replay } from './arbitraries.ts'

const CALLS = [
  {
    type: 'tuple[]',
    components: [
      { name: 'target', type: 'bytes32' },
      { name: 'value', type: 'uint256' },
      { name: 'data', type: 'bytes' },
    ],
  },
] as const

const remoteCall = (): fc.Arbitrary<RemoteCall> =>
  fc.record({
    target: bytes32(),
    value: fc.bigInt({ min: 0n, max: 2n ** 256n - 1n }),
    data: hexBytes(0, 100),
  })

/** viem's reading of a payload as Call[], or undefined when it is not one. */
function viemDecode(payload: Hex): readonly RemoteCall[] | undefined {
  try {
    return decodeAbiParameters(CALLS, payload)[0]
  } catch {
    return undefined
  }
}

describe('RemoteCallCodec', () => {
  let harness: ContractReturnType<'RemoteCallCodecHarness'>

  beforeAll(async () => {
    const { viem } = await network.connect()
    harness = await viem.deployContract('RemoteCallCodecHarness')
  })

  it('decodes every encoded batch to the same calls', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(remoteCall(), { maxLength: 4 }), async (calls) => {
        expect(await harness.read.decodeCalls([encodeCalls(calls)])).toEqual(calls)
      }),
      { ...replay(), numRuns: 300 },
    )
  })

  it('never decodes a mutated payload to other calls than viem does', async () => {
    let decodable = 0
    await fc.assert(
      fc.asyncProperty(
        fc.array(remoteCall(), { minLength: 1, maxLength: 3 }),
        fc.array(byteMutation(), { minLength: 1, maxLength: 3 }),
        async (calls, mutations) => {
          const payload = mutateHex(encodeCalls(calls), mutations)
          const expected = viemDecode(payload)
          const actual = await harness.read.decodeCalls([payload]).then(
            (value) => ({ ok: true as const, value }),
            (error: unknown) => ({ ok: false as const, data: revertData(error) }),
          )
          if (actual.ok && expected !== undefined) {
            decodable++
            expect(actual.value).toEqual(expected)
          } else if (!actual.ok && actual.data !== undefined && actual.data !== '0x') {
            // A named rejection comes from the codec's own head checks, a panic from copying an
            // absurd length to memory; Solidity's own calldata checks revert without data.
            expect(['RemoteCallCodecMalformedPayload', 'Panic']).toContain(
              (await decodeRevert(actual.data)).errorName,
            )
          }
        },
      ),
      { ...replay(), numRuns: 1_000 },
    )
    // Not vacuous: many mutations (in a value, a target, the data) still decode in both.
    expect(decodable).toBeGreaterThan(100)
  })

  it('reads the header at its offsets', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 255 }),
        fc.integer({ min: 0, max: 255 }),
        bytes32(),
        hexBytes(0, 200),
        async (version, kind, owner, payload) => {
          const body = concatHex([
            toHex(version, { size: 1 }),
            toHex(kind, { size: 1 }),
            owner,
            payload,
          ])
          expect(await harness.read.decodeBody([body])).toEqual([version, kind, owner, payload])
        },
      ),
      { ...replay(), numRuns: 200 },
    )
  })
})

// Fuzz: the Solidity MerkleTree library (through CodecHarness) against the SDK's
// IncrementalMerkleTree, MerkleTree and branchRoot, over eth_call on an in-process EDR chain.
// Inserts run in one eth_call per sequence; a random starting tree (any count up to full, any
// frontier) is put in place with an eth_call state override of the harness's storage.
//
// Runs: 2,000 + 3,000 + 10,000 + 5,000 = 20,000 (the requirement is 10,000 in total). The SDK
// side dominates the cost (32 keccaks per root in JavaScript), so the insert properties, which
// compare a root per leaf, run fewer cases than the cheap branchRoot property.
import {
  branchRoot,
  IncrementalMerkleTree,
  MerkleTree,
  MerkleTreeFullError,
  ZERO_HASHES,
} from '@ferry/protocol'
import type { ContractReturnType } from '@nomicfoundation/hardhat-viem/types'
import fc from 'fast-check'
import { network } from 'hardhat'
import { concat, type Hex, numberToHex, type PublicClient, pad } from 'viem'
import { beforeAll, describe, expect, it } from 'vitest'
import { bytes32, outcome, replay, u32 } from './arbitraries.ts'

const MAX_LEAVES = 2 ** 32 - 1

/** A few leaves, with repeats and zero leaves now and then (they must not confuse either tree). */
const leaf = () =>
  fc.oneof(
    { weight: 8, arbitrary: bytes32() },
    { weight: 1, arbitrary: fc.constantFrom<Hex>(`0x${'00'.repeat(32)}`, `0x${'ff'.repeat(32)}`) },
  )

/** A leaf count: anywhere, or next to a power of two, or next to full. */
const count = () =>
  fc.oneof(
    fc.integer({ min: 0, max: MAX_LEAVES }),
    fc
      .record({ bit: fc.integer({ min: 1, max: 32 }), delta: fc.integer({ min: -2, max: 1 }) })
      .map(({ bit, delta }) => Math.min(MAX_LEAVES, Math.max(0, 2 ** bit + delta))),
  )

/** Storage slot `i` of the harness: `_tree.branch[i]` for i < 32, `_tree.count` at 32. */
const slot = (i: number) => pad(numberToHex(i), { size: 32 })

describe('merkle fuzz: Solidity MerkleTree against the SDK trees', () => {
  let publicClient: PublicClient
  let harness: ContractReturnType<'CodecHarness'>

  beforeAll(async () => {
    const { viem } = await network.connect()
    publicClient = await viem.getPublicClient()
    harness = await viem.deployContract('CodecHarness')
  })

  /** Inserts `leaves` in one eth_call, into the harness's empty tree or into `state`. */
  const insert = (leaves: readonly Hex[], state?: { branch: readonly Hex[]; count: number }) =>
    publicClient.simulateContract({
      address: harness.address,
      abi: harness.abi,
      functionName: 'insert',
      args: [leaves],
      ...(state && {
        stateOverride: [
          {
            address: harness.address,
            stateDiff: [
              ...state.branch.map((value, i) => ({ slot: slot(i), value })),
              { slot: slot(32), value: pad(numberToHex(state.count), { size: 32 }) },
            ],
          },
        ],
      }),
    })

  /**
   * MerkleTree.branchRoot over `branch` (32 siblings) with the levels of `zeroMask` left out; the
   * caller only masks levels whose sibling is the zero hash.
   */
  const solidityBranchRoot = (
    leafValue: Hex,
    branch: readonly Hex[],
    index: number,
    zeroMask = 0,
  ) => {
    const listed = branch.filter((_, h) => Math.floor(zeroMask / 2 ** h) % 2 === 0)
    const siblings = listed.length === 0 ? '0x' : concat(listed)
    return harness.read.branchRoot([leafValue, siblings, BigInt(index), zeroMask])
  }
  /** The mask of every level of `branch` whose sibling is the zero hash (the compact form). */
  const zeroMaskOf = (branch: readonly Hex[]) =>
    branch.reduce((mask, node, h) => (node === ZERO_HASHES[h] ? mask + 2 ** h : mask), 0)

  it('insert from empty: the root after every leaf equals the SDK trees, 1 to 24 leaves (2,000 runs)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(leaf(), { minLength: 1, maxLength: 24 }), async (leaves) => {
        const { result: roots } = await insert(leaves)
        const incremental = new IncrementalMerkleTree()
        const expected = leaves.map((value) => {
          incremental.insert(value)
          return incremental.root()
        })
        expect(roots).toEqual(expected)
        expect(roots.at(-1)).toBe(new MerkleTree(leaves).root())
      }),
      { ...replay(), numRuns: 2_000 },
    )
  })

  it('insert into a random tree state (any count up to full): roots equal the SDK, MerkleTreeFull at the same leaf (3,000 runs)', async () => {
    const input = fc.record({
      state: fc.record({
        branch: fc.array(bytes32(), { minLength: 32, maxLength: 32 }),
        count: count(),
      }),
      leaves: fc.array(leaf(), { minLength: 1, maxLength: 8 }),
    })
    let full = 0
    await fc.assert(
      fc.asyncProperty(input, async ({ state, leaves }) => {
        const result = await outcome(insert(leaves, state))
        const sdk = new IncrementalMerkleTree(state)
        const roots: Hex[] = []
        try {
          for (const value of leaves) {
            sdk.insert(value)
            roots.push(sdk.root())
          }
        } catch (error) {
          if (!(error instanceof MerkleTreeFullError)) throw error
          full++
          expect(result).toEqual({ ok: false, name: 'MerkleTreeFull', args: [BigInt(MAX_LEAVES)] })
          return
        }
        expect(result.ok && result.value.result).toEqual(roots)
      }),
      { ...replay(), numRuns: 3_000 },
    )
    expect(full).toBeGreaterThan(0)
  })

  it('branchRoot: random leaf, branch (some levels zero hashes, some of those masked) and index give the SDK root (10,000 runs)', async () => {
    const input = fc.record({
      leaf: leaf(),
      branch: fc.array(bytes32(), { minLength: 32, maxLength: 32 }),
      zeroLevels: u32(),
      masked: u32(),
      index: u32(),
    })
    await fc.assert(
      fc.asyncProperty(
        input,
        async ({ leaf: value, branch: random, zeroLevels, masked, index }) => {
          const bit = (word: number, h: number) => Math.floor(word / 2 ** h) % 2 === 1
          const branch = random.map((node, h) =>
            bit(zeroLevels, h) ? (ZERO_HASHES[h] ?? node) : node,
          )
          // Only zero levels may be masked; a zero level left unmasked is listed explicitly.
          const zeroMask = branch.reduce(
            (mask, _, h) => (bit(zeroLevels, h) && bit(masked, h) ? mask + 2 ** h : mask),
            0,
          )
          const root = await solidityBranchRoot(value, branch, index, zeroMask)
          expect(root).toBe(branchRoot({ leaf: value, branch, index }))
        },
      ),
      { ...replay(), numRuns: 10_000 },
    )
  })

  it('getProof: every branch of a random tree proves its leaf against the root of any later size, on both sides (5,000 runs)', async () => {
    const input = fc.array(leaf(), { minLength: 1, maxLength: 40 }).chain((leaves) =>
      fc.integer({ min: 1, max: leaves.length }).chain((size) =>
        fc.record({
          leaves: fc.constant(leaves),
          size: fc.constant(size),
          leafIndex: fc.integer({ min: 0, max: size - 1 }),
        }),
      ),
    )
    await fc.assert(
      fc.asyncProperty(input, async ({ leaves, size, leafIndex }) => {
        const tree = new MerkleTree(leaves)
        const proof = tree.getProof(leafIndex, size)
        expect(proof.leaf).toBe(leaves[leafIndex])
        expect(proof.root).toBe(tree.root(size))
        expect(branchRoot({ leaf: proof.leaf, branch: proof.branch, index: leafIndex })).toBe(
          proof.root,
        )
        expect(await solidityBranchRoot(proof.leaf, proof.branch, leafIndex)).toBe(proof.root)
        const compact = zeroMaskOf(proof.branch)
        expect(await solidityBranchRoot(proof.leaf, proof.branch, leafIndex, compact)).toBe(
          proof.root,
        )
      }),
      { ...replay(), numRuns: 5_000 },
    )
  })
})

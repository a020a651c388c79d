// Fuzz: MultisigVerifier.verify (eth_call, from random callers) against the SDK's verifyProof on
// mutated proofs. Cases start from a valid proof over the checkpoints.json tree (8 messages, any
// checkpoint 0..7, any leaf up to it, any subset of the 5 vector validators), then get up to three
// mutations: byte edits anywhere in the message or the proof, zeroMask bit flips, zero siblings
// listed explicitly or masked, sibling edits (flipped, replaced by a zero hash, dropped,
// duplicated), signature drops, duplicates, swaps, foreign and malleated signatures, other
// indices, another validator configuration.
import {
  BaseError,
  branchRoot,
  type Checkpoint,
  encodeProof,
  getMessageId,
  signCheckpoint,
  verifyProof,
} from '@ferry/protocol'
import { checkpointsVectors as vectors } from '@ferry/spec'
import type { ContractReturnType } from '@nomicfoundation/hardhat-viem/types'
import fc from 'fast-check'
import { network } from 'hardhat'
import {
  type Address,
  bytesToHex,
  encodeFunctionData,
  type Hex,
  hexToBytes,
  type PublicClient,
} from 'viem'
import { beforeAll, describe, expect, it } from 'vitest'
import { mutateBytes, outcome, replay } from './arbitraries.ts'
import {
  ALL,
  baseCase,
  CONFIGS,
  KEYS,
  messages,
  mutate,
  SIGNERS,
  STRANGER,
  tree,
  vectorCheckpoint,
} from './proofCases.ts'

describe('verifier fuzz: MultisigVerifier.verify against the SDK verifyProof', () => {
  let publicClient: PublicClient
  let verifiers: ContractReturnType<'MultisigVerifier'>[]
  let multicall: ContractReturnType<'TestMulticall'>
  /** `signatures[checkpointIndex][key]`: each key's signature of each checkpoint of the tree. */
  let signatures: Hex[][]

  beforeAll(async () => {
    const { viem } = await network.connect()
    publicClient = await viem.getPublicClient()
    const [owner] = await viem.getWalletClients()
    if (!owner) throw new Error('no wallet client')
    verifiers = []
    for (const { validators, threshold, originEndpoint } of CONFIGS) {
      const verifier = await viem.deployContract('MultisigVerifier', [owner.account.address])
      const hash = await verifier.write.setOrigin([
        vectorCheckpoint.origin,
        originEndpoint,
        [...validators],
        threshold,
      ])
      await publicClient.waitForTransactionReceipt({ hash })
      verifiers.push(verifier)
    }
    multicall = await viem.deployContract('TestMulticall')
    expect(tree.root()).toBe(vectorCheckpoint.root)
    signatures = await Promise.all(
      messages.map((_, index) => {
        const checkpoint: Checkpoint = { ...vectorCheckpoint, root: tree.root(index + 1), index }
        return Promise.all(KEYS.map((privateKey) => signCheckpoint({ privateKey, checkpoint })))
      }),
    )
  })

  /** Whether the SDK accepts; whether MultisigVerifier `config` accepts (eth_call from `caller`). */
  async function verdicts(message: Hex, proof: Hex, config: number, caller: Address) {
    const { validators, threshold, originEndpoint } = CONFIGS[config] ?? CONFIGS[0]
    const verifier = verifiers[config]
    if (!verifier) throw new RangeError(`no verifier ${config}`)
    const [sdk, evm] = await Promise.all([
      outcomeOfSdk(
        verifyProof({
          message,
          proof,
          origin: vectorCheckpoint.origin,
          originEndpoint,
          validators,
          threshold,
        }),
      ),
      outcome(
        publicClient.simulateContract({
          address: verifier.address,
          abi: verifier.abi,
          functionName: 'verify',
          args: [message, proof],
          account: caller,
        }),
      ),
    ])
    // verify never answers false: it accepts, or reverts with a named error.
    if (evm.ok) expect(evm.value.result).toBe(true)
    return { sdk, evm: evm.ok }
  }

  it('the unmutated vector proof is accepted by both, from any caller', async () => {
    for (const caller of ['0x0000000000000000000000000000000000000000', STRANGER] as const) {
      expect(await verdicts(vectors.proof.message, vectors.proof.encoded, 0, caller)).toEqual({
        sdk: true,
        evm: true,
      })
    }
  })

  it('mutated proofs: MultisigVerifier accepts exactly when the SDK verifyProof accepts (10,000 runs)', async () => {
    const counts = { accepted: 0, rejected: 0, acceptedMutated: 0, acceptedBranchMutated: 0 }
    const branchKinds = new Set(['maskBit', 'listZero', 'maskZero', 'sibling'])
    await fc.assert(
      fc.asyncProperty(
        baseCase,
        async ({ checkpointIndex, leaf, signers, config, mutations, caller }) => {
          const leafIndex = leaf % (checkpointIndex + 1)
          const proof = encodeProof({
            checkpointIndex,
            leafIndex,
            branch: tree.getProof(leafIndex, checkpointIndex + 1).branch,
            signatures: signers.map((k) => signatures[checkpointIndex]?.[k] ?? '0x'),
          })
          const start = {
            message: hexToBytes(messages[leafIndex] ?? '0x'),
            proof: hexToBytes(proof),
            config,
          }
          const mutated = mutations.reduce((c, m) => mutate(signatures, c, m), start)
          const result = await verdicts(
            bytesToHex(mutated.message),
            bytesToHex(mutated.proof),
            mutated.config,
            caller,
          )
          expect(result.evm).toBe(result.sdk)
          if (mutations.length === 0) {
            // Unmutated: valid exactly when the signers are validators of the configuration and
            // at least its threshold.
            const { validators, threshold, originEndpoint } = CONFIGS[config] ?? CONFIGS[0]
            const valid =
              originEndpoint === vectorCheckpoint.originEndpoint &&
              signers.length >= threshold &&
              signers.every((k) => validators.some((v) => v === ALL[k]))
            expect(result.sdk).toBe(valid)
          }
          if (result.sdk) counts.accepted++
          else counts.rejected++
          if (result.sdk && mutations.length > 0) counts.acceptedMutated++
          if (result.sdk && mutations.some((m) => branchKinds.has(m.kind)))
            counts.acceptedBranchMutated++
        },
      ),
      { ...replay(), numRuns: 10_000 },
    )
    // Acceptance was exercised, unmutated and mutated, and so was each way of rejecting.
    expect(counts.accepted).toBeGreaterThan(1_000)
    expect(counts.acceptedMutated).toBeGreaterThan(150)
    // Non-canonical branches (a zero sibling listed, or masked where it is zero) were accepted.
    expect(counts.acceptedBranchMutated).toBeGreaterThan(20)
    expect(counts.rejected).toBeGreaterThan(3_000)
    expect([...sdkErrors.keys()]).toEqual(
      expect.arrayContaining([
        'LeafIndexAfterCheckpointError',
        'ProofLengthError',
        'SignatureMalleableError',
        'SignatureVError',
        'SignerNotValidatorError',
        'SignersNotAscendingError',
        'ThresholdNotMetError',
      ]),
    )
  })

  it('batch memory: a proof without signatures verifies only after its checkpoint verified in the same transaction (2,000 runs)', async () => {
    /** Mostly `null` (the first proof's value, or no change), sometimes a random nat. */
    const mostlyNull = () => fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, fc.nat())
    const input = fc.record({
      first: fc.record({ checkpointIndex: fc.nat({ max: 7 }), leaf: fc.nat() }),
      second: fc.record({ checkpointIndex: mostlyNull(), leaf: fc.nat(), branchOf: mostlyNull() }),
      flip: mostlyNull(),
      config: fc.constantFrom(0, 1, 2),
      otherVerifier: fc.oneof({ weight: 3, arbitrary: fc.constant(false) }, fc.constant(true)),
    })
    let accepted = 0
    await fc.assert(
      fc.asyncProperty(input, async ({ first, second, flip, config, otherVerifier }) => {
        const cp = first.checkpointIndex
        const firstLeaf = first.leaf % (cp + 1)
        // The first proof carries all five signatures, valid under configurations 0, 1 and 2.
        const firstProof = encodeProof({
          checkpointIndex: cp,
          leafIndex: firstLeaf,
          branch: tree.getProof(firstLeaf, cp + 1).branch,
          signatures: SIGNERS.map((k) => signatures[cp]?.[k] ?? '0x'),
        })
        // The second has none; its checkpoint may be another, its leaf index past it, its
        // branch another leaf's, its message one bit off.
        const checkpointIndex = second.checkpointIndex === null ? cp : second.checkpointIndex % 8
        const leafIndex = second.leaf % 8
        const branchLeaf = (second.branchOf ?? leafIndex) % (checkpointIndex + 1)
        const branch = tree.getProof(branchLeaf, checkpointIndex + 1).branch
        const secondProof = encodeProof({ checkpointIndex, leafIndex, branch, signatures: [] })
        const original = hexToBytes(messages[leafIndex] ?? '0x')
        const message =
          flip === null ? original : mutateBytes(original, { kind: 'flipBit', at: flip })
        const id = getMessageId(message)
        const expected =
          !otherVerifier &&
          checkpointIndex === cp &&
          leafIndex <= cp &&
          branchRoot({ leaf: id, branch, index: leafIndex }) === tree.root(cp + 1)
        const [a, b] = [verifiers[config], verifiers[otherVerifier ? (config + 1) % 3 : config]]
        if (!a || !b) throw new RangeError('no verifier')
        const result = await outcome(
          publicClient.simulateContract({
            address: multicall.address,
            abi: multicall.abi,
            functionName: 'run',
            args: [
              [a.address, b.address],
              [
                encodeFunctionData({
                  abi: a.abi,
                  functionName: 'verify',
                  args: [messages[firstLeaf] ?? '0x', firstProof],
                }),
                encodeFunctionData({
                  abi: b.abi,
                  functionName: 'verify',
                  args: [bytesToHex(message), secondProof],
                }),
              ],
            ],
          }),
        )
        expect(result.ok).toBe(expected)
        if (!result.ok)
          expect(result.name).toMatch(
            /^MultisigVerifier(ThresholdNotMet|LeafIndexTooHigh|UnknownOrigin)$/,
          )
        if (expected) accepted++
      }),
      { ...replay(), numRuns: 2_000 },
    )
    expect(accepted).toBeGreaterThan(100)
  })
})

/** Whether an SDK verification resolved (accepted) or threw one of the SDK's errors (rejected). */
async function outcomeOfSdk(verification: Promise<unknown>): Promise<boolean> {
  try {
    await verification
    return true
  } catch (error) {
    if (!(error instanceof BaseError)) throw error
    sdkErrors.set(error.name, (sdkErrors.get(error.name) ?? 0) + 1)
    return false
  }
}

/** How often the SDK rejected with each error, to show every way of rejecting was exercised. */
const sdkErrors = new Map<string, number>()

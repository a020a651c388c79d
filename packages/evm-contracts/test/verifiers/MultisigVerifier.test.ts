// MultisigVerifier against the shared checkpoint vectors and every way a proof can be wrong.
import {
  branchRoot,
  decodeProof,
  encodeProof,
  getCheckpointDigest,
  getMessageId,
  MerkleTree,
  recoverDigestSigner,
  signCheckpoint,
} from '@ferry/protocol'
import { checkpointsVectors as vectors } from '@ferry/spec'
import type { ContractReturnType } from '@nomicfoundation/hardhat-viem/types'
import { network } from 'hardhat'
import {
  type Address,
  concat,
  encodeFunctionData,
  getAddress,
  type Hex,
  numberToHex,
  pad,
  size,
  slice,
  toHex,
} from 'viem'
import { generatePrivateKey, privateKeyToAddress } from 'viem/accounts'
import { beforeEach, describe, expect, it } from 'vitest'
import { joinProof, splitProof } from '../helpers/proof.ts'
import { expectRevert } from '../helpers/revert.ts'

const { checkpoint, proof: validProof } = vectors
const message = validProof.message
const validatorAddresses = vectors.validators.map((v) => v.address)
const SECP256K1_N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n

/** The address the verifier recovers from signature `index` of a proof that claims `root`. */
async function recoveredFrom(proof: Hex, index = 0): Promise<Address> {
  const decoded = decodeProof(proof)
  const root = branchRoot({
    leaf: validProof.leaf,
    branch: decoded.branch,
    index: decoded.leafIndex,
  })
  const digest = getCheckpointDigest({ ...checkpoint, root, index: decoded.checkpointIndex })
  const signature = decoded.signatures[index]
  if (!signature) throw new RangeError(`no signature ${index}`)
  return getAddress(await recoverDigestSigner({ digest, signature }))
}

/** The valid vector proof with its signatures replaced. */
function withSignatures(signatures: readonly Hex[]): Hex {
  return encodeProof({ ...decodeProof(validProof.encoded), signatures })
}

describe('MultisigVerifier', () => {
  let viem: Awaited<ReturnType<typeof network.connect>>['viem']
  let verifier: ContractReturnType<'MultisigVerifier'>
  let owner: Address
  let stranger: Awaited<ReturnType<typeof viem.getWalletClients>>[number]

  beforeEach(async () => {
    ;({ viem } = await network.connect())
    const wallets = await viem.getWalletClients()
    owner = wallets[0]!.account.address
    stranger = wallets[1]!
    verifier = await viem.deployContract('MultisigVerifier', [owner])
    await verifier.write.setOrigin([
      checkpoint.origin,
      checkpoint.originEndpoint,
      validatorAddresses,
      vectors.threshold,
    ])
  })

  const verify = (proof: Hex, msg: Hex = message) => verifier.simulate.verify([msg, proof])

  describe('checkpoints.json', () => {
    for (const { name, message: validMessage, encoded } of vectors.valid) {
      it(`accepts: ${name}`, async () => {
        expect((await verify(encoded, validMessage)).result).toBe(true)
      })
    }

    it('accepts the valid proof (5 validators, threshold 3, the vector origin endpoint)', async () => {
      expect((await verify(validProof.encoded)).result).toBe(true)
      const [config] = [await verifier.read.originConfig([checkpoint.origin])]
      expect(config).toEqual([checkpoint.originEndpoint, validatorAddresses, 3, 1])
      expect(
        await verifier.read.checkpointDigest([
          checkpoint.origin,
          checkpoint.root,
          checkpoint.index,
        ]),
      ).toBe(checkpoint.digest)
    })

    const expectations: Record<string, (proof: Hex) => Promise<[string, unknown[]]>> = {
      'too few signatures (2 of threshold 3)': async () => [
        'MultisigVerifierThresholdNotMet',
        [2n, 3n],
      ],
      'duplicated signer': async () => [
        'MultisigVerifierSignersNotAscending',
        [validatorAddresses[0], validatorAddresses[0]],
      ],
      'signers not ascending': async () => [
        'MultisigVerifierSignersNotAscending',
        [validatorAddresses[1], validatorAddresses[0]],
      ],
      'high-s signature (valid on the curve, malleated)': async (proof) => [
        'MultisigVerifierHighS',
        [slice(decodeProof(proof).signatures[0]!, 32, 64)],
      ],
      'v = 29': async () => ['MultisigVerifierInvalidV', [29]],
      'one flipped byte in a signature': async (proof) => {
        const flipped = decodeProof(proof).signatures.findIndex(
          (sig, i) => sig !== vectors.signatures[i],
        )
        expect(flipped).toBeGreaterThanOrEqual(0)
        return ['MultisigVerifierSignerNotValidator', [await recoveredFrom(proof, flipped)]]
      },
      'leafIndex greater than checkpointIndex': async () => [
        'MultisigVerifierLeafIndexTooHigh',
        [8, 7],
      ],
      'wrong branch (sibling 1 changed)': async (proof) => [
        'MultisigVerifierSignerNotValidator',
        [await recoveredFrom(proof, 0)],
      ],
      'wrong leaf index for the branch': async (proof) => [
        'MultisigVerifierSignerNotValidator',
        [await recoveredFrom(proof, 0)],
      ],
      'truncated proof (last signature cut by one byte)': async (proof) => [
        'MultisigVerifierMalformedProof',
        [BigInt(size(proof))],
      ],
      'zeroMask marks a non-zero sibling as zero (level 0)': async (proof) => [
        'MultisigVerifierSignerNotValidator',
        [await recoveredFrom(proof, 0)],
      ],
      'one sibling fewer than zeroMask implies': async (proof) => [
        'MultisigVerifierMalformedProof',
        [BigInt(size(proof))],
      ],
      'every sibling marked zero': async (proof) => [
        'MultisigVerifierSignerNotValidator',
        [await recoveredFrom(proof, 0)],
      ],
      'shorter than the 12-byte header': async (proof) => [
        'MultisigVerifierMalformedProof',
        [BigInt(size(proof))],
      ],
    }

    it('has an expectation for every invalid case', () => {
      expect(vectors.invalid.map((c) => c.name).sort()).toEqual(Object.keys(expectations).sort())
    })

    for (const { name, proof } of vectors.invalid) {
      it(`rejects: ${name}`, async () => {
        const expectation = expectations[name]
        if (!expectation) throw new Error(`no expectation for ${name}`)
        const [errorName, args] = await expectation(proof)
        if (errorName === 'MultisigVerifierSignerNotValidator') {
          expect(validatorAddresses).not.toContain(args[0])
        }
        await expectRevert(verify(proof), errorName, args)
      })
    }
  })

  describe('adversarial proofs', () => {
    it('rejects each of the 32 branch siblings mutated', async () => {
      const decoded = decodeProof(validProof.encoded)
      for (let i = 0; i < 32; i++) {
        const branch = decoded.branch.map((node, j) =>
          j === i ? toHex(BigInt(node) ^ 1n, { size: 32 }) : node,
        )
        const proof = encodeProof({ ...decoded, branch })
        const signer = await recoveredFrom(proof, 0)
        expect(validatorAddresses).not.toContain(signer)
        await expectRevert(verify(proof), 'MultisigVerifierSignerNotValidator', [signer])
      }
    })

    it('accepts every zero sibling listed explicitly (mask 0), and any subset of them', async () => {
      const decoded = decodeProof(validProof.encoded)
      const explicit = joinProof({
        ...splitProof(validProof.encoded),
        zeroMask: 0,
        siblings: concat(decoded.branch),
      })
      expect((await verify(explicit)).result).toBe(true)
      // Levels 3, 17 and 31 listed although zero; the rest masked.
      const listed = [3, 17, 31]
      const mask = decoded.zeroMask - listed.reduce((sum, h) => sum + 2 ** h, 0)
      const siblings = concat(decoded.branch.filter((_, h) => h < 3 || listed.includes(h)))
      const partial = joinProof({ ...splitProof(validProof.encoded), zeroMask: mask, siblings })
      expect((await verify(partial)).result).toBe(true)
    })

    it('rejects a mask whose sibling count leaves a partial signature or too few bytes, as a length error', async () => {
      const parts = splitProof(validProof.encoded)
      // One more bit set: 32 bytes of siblings become the start of a 97-byte "signature" run.
      const fewer = joinProof({ ...parts, zeroMask: parts.zeroMask + 1 })
      await expectRevert(verify(fewer), 'MultisigVerifierMalformedProof', [BigInt(size(fewer))])
      // Mask 0 wants 32 siblings; the proof holds 3 and 3 signatures.
      const none = joinProof({ ...parts, zeroMask: 0 })
      await expectRevert(verify(none), 'MultisigVerifierMalformedProof', [BigInt(size(none))])
      // A header alone with a mask of every level but one: the sibling is missing.
      const header = joinProof({ ...parts, zeroMask: 0xfffffffe, siblings: '0x', signatures: '0x' })
      await expectRevert(verify(header), 'MultisigVerifierMalformedProof', [12n])
    })

    it('rejects a signer that is not a validator', async () => {
      const privateKey = generatePrivateKey()
      const outsider = await signCheckpoint({ privateKey, checkpoint })
      const proof = withSignatures([outsider, ...vectors.signatures])
      await expectRevert(verify(proof), 'MultisigVerifierSignerNotValidator', [
        privateKeyToAddress(privateKey),
      ])
    })

    it('rejects a removed validator', async () => {
      await verifier.write.setOrigin([
        checkpoint.origin,
        checkpoint.originEndpoint,
        validatorAddresses.slice(1),
        vectors.threshold,
      ])
      await expectRevert(verify(validProof.encoded), 'MultisigVerifierSignerNotValidator', [
        validatorAddresses[0],
      ])
    })

    it('rejects v = 0 and v = 1 (only 27 and 28)', async () => {
      for (const v of [0, 1]) {
        const [first, ...rest] = vectors.signatures
        const bad = concat([slice(first!, 0, 64), numberToHex(v, { size: 1 })])
        await expectRevert(verify(withSignatures([bad, ...rest])), 'MultisigVerifierInvalidV', [v])
      }
    })

    it('rejects a signature from which nothing is recovered (r = 0)', async () => {
      const [first, ...rest] = vectors.signatures
      const bad = concat([pad('0x00', { size: 32 }), slice(first!, 32, 65)])
      await expectRevert(
        verify(withSignatures([bad, ...rest])),
        'MultisigVerifierInvalidSignature',
        [0n],
      )
    })

    it('rejects the malleated twin of a valid signature as high-s', async () => {
      const [first, ...rest] = vectors.signatures
      const s = BigInt(slice(first!, 32, 64))
      const v = Number(BigInt(slice(first!, 64, 65)))
      const highS = toHex(SECP256K1_N - s, { size: 32 })
      const twin = concat([
        slice(first!, 0, 32),
        highS,
        numberToHex(v === 27 ? 28 : 27, { size: 1 }),
      ])
      await expectRevert(verify(withSignatures([twin, ...rest])), 'MultisigVerifierHighS', [highS])
    })

    it('rejects an origin with no validator set', async () => {
      await verifier.write.removeOrigin([checkpoint.origin])
      await expectRevert(verify(validProof.encoded), 'MultisigVerifierUnknownOrigin', [
        checkpoint.origin,
      ])
      expect(await verifier.read.originConfig([checkpoint.origin])).toEqual([
        pad('0x00', { size: 32 }),
        [],
        0,
        0,
      ])
    })

    it('rejects a message shorter than its header', async () => {
      await expectRevert(
        verify(validProof.encoded, slice(message, 0, 97)),
        'MultisigVerifierMalformedMessage',
        [97n],
      )
    })

    it('rejects a proof without signatures outside a transaction that checked its checkpoint', async () => {
      await expectRevert(verify(withSignatures([])), 'MultisigVerifierThresholdNotMet', [0n, 3n])
    })
  })

  describe('checkpoint cache (transient, one transaction)', () => {
    it('accepts a signature-less proof after a signed one for the same checkpoint, not after a config change', async () => {
      const multicall = await viem.deployContract('TestMulticall')
      // A verifier owned by the multicall, so that one transaction can verify, reconfigure, verify.
      const owned = await viem.deployContract('MultisigVerifier', [multicall.address])
      const call = (
        functionName: 'verify' | 'setThreshold' | 'setOrigin',
        args: readonly unknown[],
      ) => encodeFunctionData({ abi: owned.abi, functionName, args } as never)
      const setOrigin = call('setOrigin', [
        checkpoint.origin,
        checkpoint.originEndpoint,
        validatorAddresses,
        3,
      ])
      const signed = call('verify', [message, validProof.encoded])
      const unsigned = call('verify', [message, withSignatures([])])
      const run = (data: Hex[]) => multicall.simulate.run([data.map(() => owned.address), data])

      await run([setOrigin, signed, unsigned])
      // Another leaf under the same checkpoint is covered too.
      const tree = new MerkleTree(vectors.messages.map((m) => getMessageId(m)))
      const unsignedOther = call('verify', [
        vectors.messages[2]!,
        encodeProof({
          checkpointIndex: 7,
          leafIndex: 2,
          branch: tree.getProof(2, 8).branch,
          signatures: [],
        }),
      ])
      await run([setOrigin, signed, unsignedOther])
      await expectRevert(run([setOrigin, unsigned]), 'MultisigVerifierThresholdNotMet', [0n, 3n])
      // Any configuration change in between (even to the same threshold or set) invalidates it.
      await expectRevert(
        run([setOrigin, signed, call('setThreshold', [checkpoint.origin, 3]), unsigned]),
        'MultisigVerifierThresholdNotMet',
        [0n, 3n],
      )
      await expectRevert(
        run([setOrigin, signed, setOrigin, unsigned]),
        'MultisigVerifierThresholdNotMet',
        [0n, 3n],
      )
    })
  })

  describe('configuration', () => {
    it('enforces 1 <= threshold <= set size on every change', async () => {
      const endpoint = checkpoint.originEndpoint
      await expectRevert(
        verifier.write.setOrigin([7, endpoint, validatorAddresses, 0]),
        'MultisigVerifierInvalidThreshold',
        [0, 5n],
      )
      await expectRevert(
        verifier.write.setOrigin([7, endpoint, validatorAddresses, 6]),
        'MultisigVerifierInvalidThreshold',
        [6, 5n],
      )
      await expectRevert(
        verifier.write.setOrigin([7, endpoint, [], 1]),
        'MultisigVerifierInvalidThreshold',
        [1, 0n],
      )
      await expectRevert(
        verifier.write.setThreshold([checkpoint.origin, 0]),
        'MultisigVerifierInvalidThreshold',
        [0, 5n],
      )
      await expectRevert(
        verifier.write.setThreshold([checkpoint.origin, 6]),
        'MultisigVerifierInvalidThreshold',
        [6, 5n],
      )
      await expectRevert(verifier.write.setThreshold([7, 1]), 'MultisigVerifierUnknownOrigin', [7])

      await verifier.write.setThreshold([checkpoint.origin, 5])
      await expectRevert(verify(validProof.encoded), 'MultisigVerifierThresholdNotMet', [3n, 5n])
      await verifier.write.setThreshold([checkpoint.origin, 1])
      expect((await verify(validProof.encoded)).result).toBe(true)
    })

    it('requires validators strictly ascending and non-zero', async () => {
      const [v0, v1, v2] = validatorAddresses as [Address, Address, Address]
      const endpoint = checkpoint.originEndpoint
      const zero = getAddress(pad('0x00', { size: 20 }))
      await expectRevert(
        verifier.write.setOrigin([7, endpoint, [v1, v0, v2], 1]),
        'MultisigVerifierValidatorsNotAscending',
        [v1, v0],
      )
      await expectRevert(
        verifier.write.setOrigin([7, endpoint, [v0, v0, v2], 1]),
        'MultisigVerifierValidatorsNotAscending',
        [v0, v0],
      )
      await expectRevert(
        verifier.write.setOrigin([7, endpoint, [zero, v0], 1]),
        'MultisigVerifierValidatorsNotAscending',
        [zero, zero],
      )
      await expectRevert(
        verifier.write.setOrigin([7, pad('0x00', { size: 32 }), [v0], 1]),
        'MultisigVerifierZeroOriginEndpoint',
        [7],
      )
    })

    it('lets only the owner configure (Ownable2Step)', async () => {
      const as = { account: stranger.account }
      const who = [stranger.account.address]
      await expectRevert(
        verifier.write.setOrigin([7, checkpoint.originEndpoint, validatorAddresses, 1], as),
        'OwnableUnauthorizedAccount',
        who,
      )
      await expectRevert(
        verifier.write.setThreshold([checkpoint.origin, 1], as),
        'OwnableUnauthorizedAccount',
        who,
      )
      await expectRevert(
        verifier.write.removeOrigin([checkpoint.origin], as),
        'OwnableUnauthorizedAccount',
        who,
      )
      await verifier.write.transferOwnership([stranger.account.address])
      expect(await verifier.read.owner()).toBe(getAddress(owner))
      await verifier.write.acceptOwnership(as)
      expect(await verifier.read.owner()).toBe(getAddress(stranger.account.address))
    })

    it('emits an event for every change, with a new version', async () => {
      const publicClient = await viem.getPublicClient()
      await verifier.write.setThreshold([checkpoint.origin, 4])
      await verifier.write.removeOrigin([checkpoint.origin])
      const events = await publicClient.getContractEvents({
        address: verifier.address,
        abi: verifier.abi,
        fromBlock: 0n,
        strict: true,
      })
      expect(events.map((e) => e.eventName)).toEqual([
        'OwnershipTransferred',
        'OriginSet',
        'ThresholdSet',
        'OriginRemoved',
      ])
      expect(events[2]!.args).toEqual({ origin: checkpoint.origin, threshold: 4, version: 2 })
    })
  })
})

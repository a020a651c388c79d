// Differential fuzzing of the three multisig verifiers of PROTOCOL §6: the
// Solidity `MultisigVerifier` (eth_call on Hardhat's in-process EDR chain), this package's
// AssemblyScript verifier (the codec probe in the embedded VM, contract/test/codecProbe.ts) and
// the SDK's `verifyProof` must accept and reject the same (message, proof) pairs; where the two
// contracts reject, with the same named reason. fast-check generates a tree size, a leaf, and
// mutations of the mask, the siblings, the signatures and the claimed leaf index.
//
// Speed: the 10,000 runs are generated once with `fc.sample` (the same seed and run count as the
// property), verified in batches (one probe query per 250 cases, concurrent eth_calls, one chain
// and one VM for the file), and the property then looks each run up; a case not in the table
// (only a shrunk one, after a failure) is verified on its own.
import { readFileSync } from 'node:fs'
import { b64, Chain, contractError, OWNER, wasmPath } from '@ferry/cosmwasm-bindings/harness'
import { multisigVerifierAbi } from '@ferry/evm-contracts'
import { deployFerry } from '@ferry/evm-contracts/testing'
import {
  encodeMessage,
  getMessageId,
  MerkleTree,
  signCheckpoint,
  verifyProof,
  ZERO_HASHES,
} from '@ferry/protocol'
import { checkpointsVectors as vectors } from '@ferry/spec'
import fc from 'fast-check'
import { createHardhatRuntimeEnvironment } from 'hardhat/hre'
import {
  bytesToHex,
  createPublicClient,
  createWalletClient,
  custom,
  decodeErrorResult,
  type EIP1193Provider,
  encodeFunctionData,
  type Hex,
  hexToBytes,
  keccak256,
  toHex,
} from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { hardhat } from 'viem/chains'
import { beforeAll, describe, expect, it } from 'vitest'

// FERRY_FUZZ_RUNS overrides it (a quick local run; CI keeps 10,000).
const RUNS = Number(process.env.FERRY_FUZZ_RUNS ?? 10_000)
const SEED = 0x11f
/** The trees: sizes 1 … MAX_SIZE, checkpoint at their last leaf (8 levels of real siblings). */
const MAX_SIZE = 256
const ORIGIN = vectors.checkpoint.origin
const ORIGIN_ENDPOINT = vectors.checkpoint.originEndpoint
const VALIDATORS = vectors.validators.map((v) => v.address)
const KEYS = vectors.validators.map((v) => v.privateKey)
const STRANGER_KEY = keccak256(toHex('ferry differential fuzz: not a validator'))
/** 2 of 5: fewer recoveries per case than 3 of 5, every check still reached. */
const THRESHOLD = 2
const N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n
/** Hardhat's first default account. */
const DEPLOYER = privateKeyToAccount(
  '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80',
)

// ------------------------------------------------------------------------ the cases

/** Message i of the origin: leaf i of every tree. */
const messages: Hex[] = Array.from({ length: MAX_SIZE }, (_, i) =>
  encodeMessage({
    version: 1,
    flags: 0,
    origin: ORIGIN,
    sender: `0x${'00'.repeat(12)}${'ab'.repeat(20)}`,
    destination: 7001,
    recipient: `0x${'00'.repeat(12)}${'cd'.repeat(20)}`,
    nonce: BigInt(i + 1),
    deadline: 0n,
    gasLimit: 100_000,
    ackGasLimit: 0,
    body: toHex(`fuzz ${i}`),
  }),
)
const ids = messages.map((m) => getMessageId(m))

type MaskMutation = { kind: 'none' } | { kind: 'flip' | 'listZero' | 'maskSibling'; level: number }
type SiblingMutation =
  | { kind: 'none' }
  | { kind: 'flip' | 'drop' | 'extra' | 'zeroHash'; i: number }
type SignatureMutation =
  | { kind: 'none' | 'truncate' | 'none at all' }
  | { kind: 'drop' | 'duplicate' | 'swap' | 'flip' | 'highS' | 'stranger'; i: number; j: number }
  | { kind: 'setV'; i: number; v: number }
type Case = {
  size: number
  leaf: number
  signers: number[]
  mask: MaskMutation
  sibling: SiblingMutation
  signature: SignatureMutation
  /** The leaf index the proof claims, when not the leaf's own. */
  leafIndex: number | null
}

const none = { kind: 'none' as const }
const caseArbitrary: fc.Arbitrary<Case> = fc.record({
  size: fc.integer({ min: 1, max: MAX_SIZE }),
  leaf: fc.nat(),
  signers: fc.subarray([0, 1, 2, 3, 4], { minLength: 1, maxLength: 3 }),
  mask: fc.oneof(
    { weight: 4, arbitrary: fc.constant<MaskMutation>(none) },
    fc.record({
      kind: fc.constantFrom('flip' as const, 'listZero' as const, 'maskSibling' as const),
      level: fc.nat({ max: 31 }),
    }),
  ),
  sibling: fc.oneof(
    { weight: 4, arbitrary: fc.constant<SiblingMutation>(none) },
    fc.record({
      kind: fc.constantFrom(
        'flip' as const,
        'drop' as const,
        'extra' as const,
        'zeroHash' as const,
      ),
      i: fc.nat(),
    }),
  ),
  signature: fc.oneof(
    { weight: 4, arbitrary: fc.constant<SignatureMutation>(none) },
    fc.constantFrom<SignatureMutation>({ kind: 'truncate' }, { kind: 'none at all' }),
    fc.record({
      kind: fc.constantFrom(
        'drop' as const,
        'duplicate' as const,
        'swap' as const,
        'flip' as const,
        'highS' as const,
        'stranger' as const,
      ),
      i: fc.nat(),
      j: fc.nat(),
    }),
    fc.record({
      kind: fc.constant('setV' as const),
      i: fc.nat(),
      v: fc.constantFrom(0, 1, 26, 29),
    }),
  ),
  leafIndex: fc.oneof(
    { weight: 8, arbitrary: fc.constant(null) },
    fc.nat({ max: MAX_SIZE }),
    fc.constantFrom(2 ** 31, 2 ** 32 - 1),
  ),
})

/** Signatures of each tree's checkpoint: the five validators' (ascending) and a stranger's. */
const signed = new Map<number, Hex[]>()
async function signaturesOf(size: number): Promise<Hex[]> {
  const known = signed.get(size)
  if (known) return known
  const checkpoint = {
    origin: ORIGIN,
    originEndpoint: ORIGIN_ENDPOINT,
    root: treeOf(size).root(),
    index: size - 1,
  }
  const signatures = await Promise.all(
    [...KEYS, STRANGER_KEY].map((privateKey) => signCheckpoint({ privateKey, checkpoint })),
  )
  signed.set(size, signatures)
  return signatures
}
const trees = new Map<number, MerkleTree>()
function treeOf(size: number): MerkleTree {
  let tree = trees.get(size)
  if (!tree) {
    tree = new MerkleTree(ids.slice(0, size))
    trees.set(size, tree)
  }
  return tree
}

const u32 = (n: number) => {
  const bytes = new Uint8Array(4)
  new DataView(bytes.buffer).setUint32(0, n)
  return bytes
}
const at = <T>(list: T[], i: number): number => (list.length === 0 ? -1 : i % list.length)

/** The message and the (possibly mutated) compact proof of a case. */
async function build(c: Case): Promise<{ message: Hex; proof: Hex }> {
  const leaf = c.leaf % c.size
  const branch = treeOf(c.size).getProof(leaf).branch
  // The compact form (PROTOCOL §6): every sibling equal to Z[h] left out, its bit set.
  let mask = 0
  let siblings: { level: number; bytes: Uint8Array }[] = []
  for (const [level, node] of branch.entries()) {
    if (node === ZERO_HASHES[level]) mask += 2 ** level
    else siblings.push({ level, bytes: hexToBytes(node) })
  }
  const bit = (level: number) => Math.floor(mask / 2 ** level) % 2 === 1
  const m = c.mask
  if (m.kind === 'flip') mask = bit(m.level) ? mask - 2 ** m.level : mask + 2 ** m.level
  else if (m.kind === 'listZero' && bit(m.level)) {
    // Valid: a zero sibling listed explicitly, its bit clear.
    mask -= 2 ** m.level
    // CAST: level ≤ 31, and ZERO_HASHES holds Z[0] … Z[32].
    siblings.push({ level: m.level, bytes: hexToBytes(ZERO_HASHES[m.level] as Hex) })
    siblings.sort((x, y) => x.level - y.level)
  } else if (m.kind === 'maskSibling' && !bit(m.level)) {
    mask += 2 ** m.level
    siblings = siblings.filter((s) => s.level !== m.level)
  }
  const s = c.sibling
  const si = at(siblings, s.kind === 'none' ? 0 : s.i)
  if (si >= 0 && s.kind !== 'none') {
    const target = siblings[si]!
    if (s.kind === 'flip') {
      const bytes = target.bytes.slice()
      bytes[s.i % 32] = (bytes[s.i % 32] ?? 0) ^ 0x01
      siblings[si] = { ...target, bytes }
    } else if (s.kind === 'drop') siblings.splice(si, 1)
    else if (s.kind === 'extra') siblings.push({ ...target })
    // CAST: a sibling's level is ≤ 31, and ZERO_HASHES holds Z[0] … Z[32].
    else siblings[si] = { ...target, bytes: hexToBytes(ZERO_HASHES[target.level] as Hex) }
  }

  const all = await signaturesOf(c.size)
  let signatures = c.signers.map((i) => hexToBytes(all[i]!))
  const g = c.signature
  const gi = at(signatures, 'i' in g ? g.i : 0)
  const gj = at(signatures, 'j' in g ? g.j : 0)
  if (g.kind === 'none at all') signatures = []
  else if (gi >= 0) {
    if (g.kind === 'drop') signatures.splice(gi, 1)
    else if (g.kind === 'duplicate') signatures.splice(gi, 0, signatures[gi]!.slice())
    else if (g.kind === 'swap') {
      const a = signatures[gi]!
      signatures[gi] = signatures[gj]!
      signatures[gj] = a
    } else if (g.kind === 'flip') {
      const bytes = signatures[gi]!.slice()
      bytes[g.j % 64] = (bytes[g.j % 64] ?? 0) ^ 0x80
      signatures[gi] = bytes
    } else if (g.kind === 'highS') {
      // The malleated twin: s' = n − s, v flipped; the same signer, with a high s.
      const bytes = signatures[gi]!.slice()
      const high = N - BigInt(bytesToHex(bytes.slice(32, 64)))
      bytes.set(hexToBytes(toHex(high, { size: 32 })), 32)
      bytes[64] = bytes[64] === 27 ? 28 : 27
      signatures[gi] = bytes
    } else if (g.kind === 'stranger') signatures[gi] = hexToBytes(all[5]!)
    else if (g.kind === 'setV') {
      const bytes = signatures[gi]!.slice()
      bytes[64] = g.v
      signatures[gi] = bytes
    }
  }
  const parts = [
    u32(c.size - 1),
    u32(c.leafIndex ?? leaf),
    u32(mask),
    ...siblings.map((x) => x.bytes),
    ...signatures,
  ]
  let proof = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let offset = 0
  for (const part of parts) {
    proof.set(part, offset)
    offset += part.length
  }
  if (g.kind === 'truncate') proof = proof.slice(0, -1)
  return { message: messages[leaf]!, proof: bytesToHex(proof) }
}

// ------------------------------------------------------------------------ the verifiers

/** "valid", or the reason in snake_case (the contracts'), or the SDK error's name. */
type Verdicts = { evm: string; cosmwasm: string; sdk: string }

let evm: {
  call: (data: Hex) => Promise<string>
}
let chain: Chain
let probe: string

async function startEvm(): Promise<typeof evm> {
  const hre = await createHardhatRuntimeEnvironment(
    { networks: { default: { type: 'edr-simulated', chainType: 'l1', chainId: 31337 } } },
    {},
    import.meta.dirname,
  )
  const { provider } = await hre.network.connect()
  // CAST: Hardhat's EthereumProvider implements EIP-1193's `request`, all viem's `custom` uses.
  const eip1193 = provider as unknown as EIP1193Provider
  const transport = custom(eip1193)
  const client = createPublicClient({ chain: hardhat, transport, pollingInterval: 10 })
  const wallet = createWalletClient({ chain: hardhat, transport, account: DEPLOYER })
  const { verifier } = await deployFerry({ client, wallet }, { domain: 31337 })
  const hash = await wallet.writeContract({
    address: verifier,
    abi: multisigVerifierAbi,
    functionName: 'setOrigin',
    args: [ORIGIN, ORIGIN_ENDPOINT, VALIDATORS, THRESHOLD],
    account: DEPLOYER,
    chain: hardhat,
  })
  expect((await client.waitForTransactionReceipt({ hash })).status).toBe('success')
  return {
    async call(data) {
      try {
        const result = await eip1193.request({
          method: 'eth_call',
          params: [{ to: verifier, data }, 'latest'],
        })
        return BigInt(result) === 1n ? 'valid' : `returned ${result}`
      } catch (error) {
        const revert = revertData(error)
        if (revert === undefined) throw error
        const { errorName } = decodeErrorResult({ abi: multisigVerifierAbi, data: revert })
        // MultisigVerifierHighS → high_s, as the CosmWasm codes are named.
        return errorName
          .replace(/^MultisigVerifier/, '')
          .replace(/([a-z])([A-Z])/g, '$1_$2')
          .toLowerCase()
      }
    },
  }
}

/** The revert data of an eth_call error, wherever the provider put it (`data`, `data.data`). */
function revertData(error: unknown): Hex | undefined {
  const isHex = (value: unknown): value is Hex =>
    typeof value === 'string' && value.startsWith('0x')
  for (let e: unknown = error; e instanceof Object; e = Reflect.get(e, 'cause')) {
    const data: unknown = Reflect.get(e, 'data')
    if (isHex(data)) return data
    const inner: unknown = data instanceof Object ? Reflect.get(data, 'data') : undefined
    if (isHex(inner)) return inner
  }
  return undefined
}

async function verifyAll(cases: Case[]): Promise<Verdicts[]> {
  const built = await Promise.all(cases.map(build))
  const cosmwasm: string[] = []
  for (let i = 0; i < built.length; i += 250) {
    const { results } = chain.query<{ results: string[] }>(probe, {
      verify_proofs: {
        cases: built
          .slice(i, i + 250)
          .map((b) => ({ message: b64(b.message), proof: b64(b.proof) })),
        validators: VALIDATORS,
        threshold: THRESHOLD,
        origin: ORIGIN,
        origin_endpoint: ORIGIN_ENDPOINT,
      },
    })
    // "valid", or the code of the contract's error.
    cosmwasm.push(
      ...results.map((r) => {
        const error = contractError(r)
        return typeof error === 'string' ? error : error.code
      }),
    )
  }
  const evmResults: string[] = []
  for (let i = 0; i < built.length; i += 100) {
    evmResults.push(
      ...(await Promise.all(
        built.slice(i, i + 100).map((b) =>
          evm.call(
            encodeFunctionData({
              abi: multisigVerifierAbi,
              functionName: 'verify',
              args: [b.message, b.proof],
            }),
          ),
        ),
      )),
    )
  }
  const sdk = await Promise.all(
    built.map((b) =>
      verifyProof({
        message: b.message,
        proof: b.proof,
        origin: ORIGIN,
        originEndpoint: ORIGIN_ENDPOINT,
        validators: VALIDATORS,
        threshold: THRESHOLD,
      }).then(
        () => 'valid',
        (error: Error) => error.name,
      ),
    ),
  )
  return built.map((_, i) => ({ evm: evmResults[i]!, cosmwasm: cosmwasm[i]!, sdk: sdk[i]! }))
}

// ------------------------------------------------------------------------ the property

describe('the three multisig verifiers agree (differential fuzzing, PROTOCOL §6)', () => {
  const verdicts = new Map<string, Verdicts>()

  beforeAll(async () => {
    ;[evm, chain] = await Promise.all([startEvm(), Chain.create()])
    const code = chain.app.wasm.storeCode(OWNER, readFileSync(wasmPath('codec-probe'))).unwrap()
    probe = await chain.instantiate(code, {}, 'codec-probe')
    const cases = fc.sample(caseArbitrary, { seed: SEED, numRuns: RUNS })
    const results = await verifyAll(cases)
    for (const [i, c] of cases.entries()) verdicts.set(JSON.stringify(c), results[i]!)
  }, 600_000)

  it(`accept and reject alike on ${RUNS.toLocaleString('en')} generated proofs`, async () => {
    const reasons = new Map<string, number>()
    let computed = 0
    await fc.assert(
      fc.asyncProperty(caseArbitrary, async (c) => {
        let verdict = verdicts.get(JSON.stringify(c))
        if (verdict === undefined) {
          computed += 1
          ;[verdict] = await verifyAll([c])
        }
        const { evm: onEvm, cosmwasm, sdk } = verdict!
        reasons.set(onEvm, (reasons.get(onEvm) ?? 0) + 1)
        // Both contracts name the same reason; the SDK (stateless, its own errors) the same verdict.
        expect(cosmwasm).toBe(onEvm)
        expect(sdk === 'valid').toBe(onEvm === 'valid')
      }),
      { seed: SEED, numRuns: RUNS },
    )
    // The runs were the sampled cases (no property run verified alone); a fair share of them is
    // valid, and every check of the verifier rejected some.
    expect(computed).toBe(0)
    expect(reasons.get('valid')).toBeGreaterThan(RUNS / 10)
    for (const reason of [
      'malformed_proof',
      'leaf_index_too_high',
      'threshold_not_met',
      'signer_not_validator',
      'signers_not_ascending',
      'high_s',
      'invalid_v',
    ])
      expect(reasons.get(reason), reason).toBeGreaterThan(0)
  }, 600_000)
})

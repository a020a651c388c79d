// The real system of the invariant test: two endpoints and verifiers on one EDR chain (the
// colleague's `deployWorld`), a TestRecipient and a RevertingRecipient on each side, a pool of
// validator keys; a fresh model per run from an EVM snapshot; transactions at model-chosen block
// times; proofs built from the model's trees.
import {
  type Checkpoint,
  encodeBatchProofs,
  evmAddressToBytes32,
  getCheckpointDigest,
  MerkleTree,
  MessageStatus,
  signCheckpoint,
} from '@ferry/protocol'
import { checkpointsVectors } from '@ferry/spec'
import type { ContractReturnType } from '@nomicfoundation/hardhat-viem/types'
import { type Address, type Hash, type Hex, keccak256, type TransactionReceipt, toHex } from 'viem'
import { privateKeyToAddress } from 'viem/accounts'
import { revertOf } from '../fuzz/arbitraries.ts'
import { deployWorld, type Side, THRESHOLD, type World } from '../helpers/world.ts'
import { type Model, other, type ProofKind, type Sent, SIDES, type SideKey } from './model.ts'

type Apps = {
  app: ContractReturnType<'TestRecipient'>
  reverting: ContractReturnType<'RevertingRecipient'>
}
type Key = { privateKey: Hex; address: Address }

export type Real = {
  world: World
  apps: Record<SideKey, Apps>
  /** Keys validators may be chosen from, ascending by address: the vector five and two more. */
  pool: readonly Key[]
  /** A key no configuration ever trusts. */
  stranger: Key
  /** Signatures by digest and signer, so that repeated checkpoints are signed once. */
  signatures: Map<string, Hex>
  /** First block of the current run: events are counted from there. */
  fromBlock: bigint
  snapshot: Hex
}

const keyOf = (privateKey: Hex): Key => ({ privateKey, address: privateKeyToAddress(privateKey) })
const extraKey = (n: number) => keyOf(keccak256(toHex(`ferry invariant validator ${n}`)))

/** Deploys everything once and takes the snapshot every run starts from. */
export async function deploySystem(): Promise<Real> {
  const world = await deployWorld()
  const deployApps = async (): Promise<Apps> => ({
    app: await world.viem.deployContract('TestRecipient'),
    reverting: await world.viem.deployContract('RevertingRecipient'),
  })
  const apps = { a: await deployApps(), b: await deployApps() }
  const pool = [
    ...checkpointsVectors.validators.map((v) => keyOf(v.privateKey)),
    extraKey(1),
    extraKey(2),
  ]
  pool.sort((x, y) => (BigInt(x.address) < BigInt(y.address) ? -1 : 1))
  const snapshot = await world.testClient.snapshot()
  const stranger = keyOf(keccak256(toHex('ferry invariant stranger')))
  return { world, apps, pool, stranger, signatures: new Map(), fromBlock: 0n, snapshot }
}

/** Rewinds the chain to the snapshot and returns the model of that state. */
export async function resetSystem(real: Real): Promise<Model> {
  const { testClient, publicClient } = real.world
  await testClient.revert({ id: real.snapshot })
  real.snapshot = await testClient.snapshot()
  const block = await publicClient.getBlock()
  real.fromBlock = block.number + 1n
  const vectorSet = real.pool.flatMap((key, i) =>
    checkpointsVectors.validators.some((v) => v.address === key.address) ? [i] : [],
  )
  return {
    time: block.timestamp,
    domains: { a: real.world.a.domain, b: real.world.b.domain },
    sent: { a: [], b: [] },
    outbound: new Map(),
    inbound: new Map(),
    status: new Map(),
    lastRevert: new Map(),
    reverting: { a: true, b: true },
    configs: {
      a: { validators: vectorSet, threshold: THRESHOLD },
      b: { validators: vectorSet, threshold: THRESHOLD },
    },
    configChanges: { a: 0, b: 0 },
  }
}

export const sideOf = (real: Real, side: SideKey): Side => real.world[side]

/** Gas of every transaction: explicit, so a call that reverts is still mined (and counted). */
export const TX_GAS = 8_000_000n

/**
 * Moves the model to the next block (one second later) and has the chain mine it then, so that
 * deadlines compare the same way on both sides.
 */
export async function nextBlock(model: Model, real: Real): Promise<void> {
  model.time += 1n
  await real.world.testClient.setNextBlockTimestamp({ timestamp: model.time })
}

export type TxResult =
  | { ok: true; receipt: TransactionReceipt }
  | { ok: false; name: string; args: readonly unknown[] }

/** Sends a transaction: its receipt, or the custom error it reverted with. */
export async function transact(real: Real, send: () => Promise<Hash>): Promise<TxResult> {
  try {
    const hash = await send()
    const receipt = await real.world.publicClient.waitForTransactionReceipt({ hash })
    if (receipt.status !== 'success') throw new Error(`transaction ${hash} reverted`)
    return { ok: true, receipt }
  } catch (error) {
    return { ok: false, ...(await revertOf(error)) }
  }
}

/** The bytes32 form of an EVM address. */
export const b32 = (address: Address): Hex => evmAddressToBytes32(address)

/**
 * Proofs of `msgs` (all from `origin`) against `origin`'s latest checkpoint, signed as `kind`
 * says by the keys of the destination verifier's configuration; signatures on the first proof
 * only, as a relayer batches. Also returns the error the verifier raises for a bad proof.
 */
export async function buildProofs(
  model: Model,
  real: Real,
  origin: SideKey,
  msgs: readonly Sent[],
  kind: ProofKind,
): Promise<{ proofs: Hex[]; verifierError: { name: string; args: readonly unknown[] } }> {
  const tree = new MerkleTree(model.sent[origin].map((s) => s.id))
  const checkpoint: Checkpoint = {
    origin: model.domains[origin],
    originEndpoint: b32(sideOf(real, origin).endpoint.address),
    root: tree.root(),
    index: tree.count - 1,
  }
  const { validators, threshold } = model.configs[other(origin)]
  const chosen = validators.slice(0, kind === 'short' ? threshold - 1 : threshold)
  const keys = chosen.map((i) => real.pool[i]).filter((key) => key !== undefined)
  if (kind === 'stranger') keys.splice(keys.length - 1, 1, real.stranger)
  keys.sort((x, y) => (BigInt(x.address) < BigInt(y.address) ? -1 : 1))
  const digest = getCheckpointDigest(checkpoint)
  const signatures = await Promise.all(
    keys.map(async ({ privateKey, address }) => {
      const cacheKey = `${digest}:${address}`
      const cached = real.signatures.get(cacheKey)
      if (cached) return cached
      const signature = await signCheckpoint({ privateKey, checkpoint })
      real.signatures.set(cacheKey, signature)
      return signature
    }),
  )
  const proofs = encodeBatchProofs({
    checkpointIndex: checkpoint.index,
    signatures,
    leaves: msgs.map(({ leafIndex }) => ({ leafIndex, branch: tree.getProof(leafIndex).branch })),
  })
  const verifierError =
    kind === 'short'
      ? { name: 'MultisigVerifierThresholdNotMet', args: [BigInt(keys.length), BigInt(threshold)] }
      : { name: 'MultisigVerifierSignerNotValidator', args: [real.stranger.address] }
  return { proofs, verifierError }
}

/** Messages sent to `dest` (from the other side), by leaf index; `pending` if not delivered. */
export function inbox(model: Model, dest: SideKey, which: 'all' | 'pending' | 'failed'): Sent[] {
  const all = model.sent[other(dest)]
  if (which === 'all') return all
  const wanted = which === 'failed' ? MessageStatus.Failed : MessageStatus.None
  return all.filter((m) => (model.status.get(m.id) ?? MessageStatus.None) === wanted)
}

export { SIDES }

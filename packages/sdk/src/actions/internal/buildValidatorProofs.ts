import { endpointAbi, multisigVerifierAbi } from '@ferry/evm-contracts'
import {
  type Checkpoint,
  encodeBatchProofs,
  MerkleTree,
  recoverCheckpointSigner,
  sortSignaturesBySigner,
} from '@ferry/protocol'
import type { Hex } from 'viem'
import type { FerryClient } from '../../client/createFerryClient.js'
import type { FerryChain } from '../../client/defineFerryChain.js'
import { NotProvableError } from '../../errors/NotProvableError.js'
import { fetchSignedCheckpoint } from '../../validators/fetchSignedCheckpoint.js'
import type { SentMessage } from './readSentMessage.js'

/**
 * The proofs of `messages` (one origin, one destination; the last is the one being relayed)
 * built without a relayer, for one `deliverBatch` in their order: the destination's verifier
 * configuration for the origin (its validators and threshold: the truth, not a guessed
 * majority), the highest checkpoint a threshold of the origin's validators signed, each
 * signature recovered and checked against that set, and each branch from the origin's tree
 * rebuilt from its `MessageSent` events since the endpoint's deployment, whose root must be the
 * signed one. The first proof carries the signatures; the others share its checkpoint.
 */
export async function buildValidatorProofs(
  client: FerryClient,
  {
    messages,
    destination,
    signal,
  }: {
    messages: readonly SentMessage[]
    destination: FerryChain
    signal?: AbortSignal | undefined
  },
): Promise<Hex[]> {
  const sent = messages.at(-1)
  if (sent === undefined) return []
  const { id } = sent
  const highestLeaf = Math.max(...messages.map(({ leafIndex }) => leafIndex))
  const urls = client.validators[sent.origin] ?? []
  if (urls.length === 0) throw new NotProvableError({ id, reason: 'no_validators' })
  const { validators, threshold } = await readVerifierSet(client, destination, sent, signal)
  const originChain = client.chain(sent.origin)
  const originReader = client.reader(originChain)
  const ours = (answer: Awaited<ReturnType<typeof fetchSignedCheckpoint>>) =>
    answer?.checkpoint.origin === sent.origin &&
    answer.checkpoint.originEndpoint.toLowerCase() === originReader.endpoint.toLowerCase()
      ? answer
      : undefined
  const latest = await Promise.all(
    urls.map(async (url) => ({
      url,
      answer: ours(await fetchSignedCheckpoint(client, { url, index: 'latest', signal })),
    })),
  )
  const reached = latest.flatMap(({ answer }) => (answer ? [answer.checkpoint.index] : []))
  const target = reached.sort((a, b) => b - a)[threshold - 1]
  if (target === undefined || target < highestLeaf)
    throw new NotProvableError({
      id,
      reason: 'waiting_signatures',
      detail: `${threshold} validators have not signed leaf ${highestLeaf} yet`,
    })

  const tree = await rebuildTree(client, originChain, target + 1, signal)
  const checkpoint: Checkpoint = {
    origin: sent.origin,
    originEndpoint: originReader.endpoint,
    root: tree.root(target + 1),
    index: target,
  }
  const members = new Set(validators.map((v) => v.toLowerCase()))
  const signatures = new Map<string, Hex>()
  await Promise.all(
    latest.map(async ({ url, answer }) => {
      const atTarget =
        answer?.checkpoint.index === target
          ? answer
          : ours(await fetchSignedCheckpoint(client, { url, index: target, signal }))
      if (!atTarget || atTarget.checkpoint.root.toLowerCase() !== checkpoint.root.toLowerCase())
        return
      try {
        const signer = (
          await recoverCheckpointSigner({ checkpoint, signature: atTarget.signature })
        ).toLowerCase()
        if (signer === atTarget.validator.toLowerCase() && members.has(signer))
          signatures.set(signer, atTarget.signature)
      } catch {
        // A signature that does not recover counts for nothing.
      }
    }),
  )
  if (signatures.size < threshold)
    throw new NotProvableError({
      id,
      reason: 'waiting_signatures',
      detail: `${signatures.size} of ${threshold} valid signatures for checkpoint ${target}`,
    })
  const sorted = await sortSignaturesBySigner({ checkpoint, signatures: [...signatures.values()] })
  return encodeBatchProofs({
    checkpointIndex: target,
    signatures: sorted.slice(0, threshold),
    leaves: messages.map(({ leafIndex }) => ({
      leafIndex,
      branch: tree.getProof(leafIndex, target + 1).branch,
    })),
  })
}

/** The destination's validator set and threshold for the message's origin (and recipient). */
async function readVerifierSet(
  client: FerryClient,
  destination: FerryChain,
  sent: SentMessage,
  signal: AbortSignal | undefined,
): Promise<{ validators: readonly Hex[]; threshold: number }> {
  const reader = client.reader(destination)
  if (reader.kind === 'evm') {
    const verifier = await reader.client.readContract({
      address: reader.endpointAddress,
      abi: endpointAbi,
      functionName: 'verifierFor',
      args: [sent.origin, sent.recipient],
    })
    const [, validators, threshold] = await reader.client.readContract({
      address: verifier,
      abi: multisigVerifierAbi,
      functionName: 'originConfig',
      args: [sent.origin],
    })
    signal?.throwIfAborted()
    return { validators, threshold }
  }
  // Loaded here so that an app on EVM chains alone never loads the CosmWasm bindings.
  const { readCosmWasmVerifierSet } = await import('./cosmwasm/readCosmWasmVerifierSet.js')
  const { validators, threshold } = await readCosmWasmVerifierSet(reader, sent.origin)
  signal?.throwIfAborted()
  return { validators, threshold }
}

/** The origin's tree of its first `count` leaves, from its `MessageSent` events since deployment. */
async function rebuildTree(
  client: FerryClient,
  chain: FerryChain,
  count: number,
  signal: AbortSignal | undefined,
): Promise<MerkleTree> {
  const reader = client.reader(chain)
  const tree = new MerkleTree()
  const head = (await reader.getHead(signal)).number
  const span = 5_000n
  let from = chain.kind === 'evm' ? (chain.deploymentBlock ?? 0n) : (chain.deploymentHeight ?? 1n)
  for (; from <= head && tree.count < count; from += span) {
    const to = from + span - 1n < head ? from + span - 1n : head
    for (const event of await reader.getSentMessages(from, to, signal)) {
      // Leaves are consecutive from 0: a gap means the scan did not start at the deployment.
      if (event.leafIndex !== tree.count)
        throw new Error(
          `leaf ${event.leafIndex} where ${tree.count} was due: is the deployment block right?`,
        )
      tree.insert(event.id)
    }
  }
  if (tree.count < count)
    throw new Error(`only ${tree.count} of ${count} leaves found on ${chain.name}`)
  return tree
}

import {
  type Checkpoint,
  parseSignedCheckpoint,
  recoverCheckpointSigner,
  type SignedCheckpoint,
  sortSignaturesBySigner,
} from '@ferry/protocol'
import type { Logger } from 'pino'
import { type Hex, isAddress } from 'viem'

export type CreateCheckpointFetcherParameters = {
  origin: number
  /** The origin endpoint as bytes32: signatures over any other endpoint are rejected. */
  originEndpoint: Hex
  /** Validator base URLs (their `/v1/checkpoints/…` API) and how many signatures a proof needs. */
  validators: { urls: readonly string[]; threshold: number }
  /** Per-request timeout. */
  timeoutMs?: number | undefined
  logger: Logger
}

/** Signatures for one checkpoint, sorted by signer as the verifier requires. */
export type GatheredCheckpoint = { checkpoint: Checkpoint; signatures: Hex[] }

export type FetchCheckpointResult =
  | { type: 'ready'; gathered: GatheredCheckpoint }
  | { type: 'waiting'; detail: string }

/**
 * Gathers `threshold` validator signatures over one checkpoint that covers a leaf: asks every
 * validator for its latest, picks the highest index that `threshold` of them have reached, and
 * asks the others for that index (validators sign final indices on demand). Each answer is
 * checked before it counts: right origin and endpoint, a signature that recovers to the validator
 * it names, and a root equal to the relayer's own tree at that index, so a validator serving
 * garbage is ignored (and logged), never relayed.
 *
 * @example
 * const result = await fetcher.fetch({ minIndex: 41, available: tree.count, rootAt: (count) => tree.rootAt(count) })
 */
export function createCheckpointFetcher({
  origin,
  originEndpoint,
  validators,
  timeoutMs = 5_000,
  logger,
}: CreateCheckpointFetcherParameters) {
  const log = logger.child({ module: 'checkpoints', origin })
  let cached: GatheredCheckpoint | undefined
  /** Signers the destination's verifier refused as no validator of the origin: never used again. */
  const refused = new Set<string>()

  async function get(
    url: string,
    path: string,
    signal?: AbortSignal,
  ): Promise<SignedCheckpoint | undefined> {
    const timeout = AbortSignal.timeout(timeoutMs)
    try {
      const response = await fetch(`${url.replace(/\/$/, '')}${path}`, {
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      })
      if (!response.ok) return undefined
      const answer = parseSignedCheckpoint(await response.json())
      if (!answer) log.warn({ url, path }, 'rejected validator answer: not a signed checkpoint')
      return answer
    } catch (error) {
      log.debug({ err: error, url }, 'validator unreachable')
      return undefined
    }
  }

  /** The signature's signer if the answer is well-formed and agrees with our tree; else undefined. */
  async function verify(
    url: string,
    answer: SignedCheckpoint | undefined,
    rootAt: (count: number) => Hex | undefined,
  ): Promise<{ checkpoint: Checkpoint; signature: Hex; signer: Hex } | undefined> {
    if (!answer) return undefined
    const { checkpoint: c, signature } = answer
    const reject = (why: string) => {
      log.warn(
        { url, validator: answer.validator, index: c.index, why },
        'rejected validator answer',
      )
      return undefined
    }
    if (c.origin !== origin || c.originEndpoint.toLowerCase() !== originEndpoint.toLowerCase())
      return reject('wrong origin or endpoint')
    const ours = rootAt(c.index + 1)
    if (ours === undefined) return undefined // We have not indexed that far yet; not their fault.
    if (c.root.toLowerCase() !== ours) return reject(`root differs from ours (${ours})`)
    const checkpoint: Checkpoint = { origin, originEndpoint, root: ours, index: c.index }
    try {
      const signer = (await recoverCheckpointSigner({ checkpoint, signature })).toLowerCase()
      if (signer !== answer.validator.toLowerCase())
        return reject(`signature recovers to ${signer}`)
      if (refused.has(signer)) return reject('the destination refused this signer')
      return { checkpoint, signature, signer: signer as Hex } // CAST: a recovered address
    } catch {
      return reject('signature does not recover')
    }
  }

  return {
    async fetch({
      minIndex,
      wantedIndex = minIndex,
      available,
      rootAt,
      signal,
    }: {
      minIndex: number
      /**
       * The highest leaf the caller would like covered (its batch's last). The cached checkpoint
       * is reused only if it reaches this far; otherwise validators are asked again, so a batch
       * is not cut to an old checkpoint while newer signatures exist. Default `minIndex`.
       */
      wantedIndex?: number | undefined
      /** Leaves in the relayer's own tree: the highest checkpoint it can check is `available - 1`. */
      available: number
      rootAt: (count: number) => Hex | undefined
      signal?: AbortSignal | undefined
    }): Promise<FetchCheckpointResult> {
      if (
        cached &&
        cached.checkpoint.index >= Math.max(minIndex, wantedIndex) &&
        rootAt(cached.checkpoint.index + 1) === cached.checkpoint.root
      )
        return { type: 'ready', gathered: cached }

      const latest = await Promise.all(
        validators.urls.map(async (url) => ({
          url,
          answer: await get(url, '/v1/checkpoints/latest', signal),
        })),
      )
      // Where each validator has got to (checked below, at the index we pick); capped by how far
      // our own tree goes, since we can only check roots we can compute.
      const reached = latest
        .flatMap(({ answer }) => (answer ? [answer.checkpoint.index] : []))
        .sort((a, b) => b - a)
      const highest = reached[validators.threshold - 1]
      if (highest === undefined)
        return {
          type: 'waiting',
          detail: `${reached.length} of ${validators.threshold} validators answered`,
        }
      const target = Math.min(highest, available - 1)
      if (target < minIndex)
        return {
          type: 'waiting',
          detail: `validators have signed up to leaf ${target}; leaf ${minIndex} is not signed yet`,
        }

      const signatures = new Map<Hex, Hex>()
      let checkpoint: Checkpoint | undefined
      await Promise.all(
        latest.map(async ({ url, answer }) => {
          const atTarget = await verify(
            url,
            answer?.checkpoint.index === target
              ? answer
              : await get(url, `/v1/checkpoints/${target}`, signal),
            rootAt,
          )
          if (!atTarget || atTarget.checkpoint.index !== target) return
          checkpoint = atTarget.checkpoint
          signatures.set(atTarget.signer, atTarget.signature)
        }),
      )
      if (!checkpoint || signatures.size < validators.threshold)
        return {
          type: 'waiting',
          detail: `${signatures.size} of ${validators.threshold} signatures for checkpoint ${target}`,
        }
      const sorted = await sortSignaturesBySigner({
        checkpoint,
        signatures: [...signatures.values()],
      })
      cached = { checkpoint, signatures: sorted.slice(0, validators.threshold) }
      return { type: 'ready', gathered: cached }
    },

    /**
     * Learns from a delivery that failed: when the destination's verifier refused a signer as no
     * validator of the origin (`MultisigVerifierSignerNotValidator`, e.g. a configured URL that
     * signs with a key the verifier does not list), that signer's answers are ignored from now
     * on and the cached signatures dropped, so the next proof carries other validators'.
     * Returns the refused signer, if any.
     *
     * @example
     * fetcher.noteDeliveryFailure(error) // '0x1dc2…' after MultisigVerifierSignerNotValidator
     */
    noteDeliveryFailure(error: unknown): Hex | undefined {
      for (let e: unknown = error; e instanceof Error; e = e.cause) {
        if (!('errorName' in e) || e.errorName !== 'MultisigVerifierSignerNotValidator') continue
        const signer = 'errorArgs' in e && Array.isArray(e.errorArgs) ? e.errorArgs[0] : undefined
        if (typeof signer !== 'string' || !isAddress(signer, { strict: false })) return undefined
        const address = signer.toLowerCase() as Hex // CAST: lower-case of an address is an address
        refused.add(address)
        cached = undefined
        log.warn({ signer: address }, 'the destination refused a signer: ignoring its signatures')
        return address
      }
      return undefined
    },
  }
}

export type CheckpointFetcher = ReturnType<typeof createCheckpointFetcher>

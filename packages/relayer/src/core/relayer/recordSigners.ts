import { recoverCheckpointSigner } from '@ferry/protocol'
import type { RelayerStore } from '../../store/types.js'
import type { GatheredCheckpoint } from './createCheckpointFetcher.js'

/**
 * Keeps the validators' signatures a proof carries in the store's signed checkpoints, so the API
 * can say who signed for a message (`getCheckpointSigners`). The fetcher checked each one, so
 * each is what its validator signed; a row already there (the validator's own, in a shared
 * store) is kept as it is.
 *
 * @example
 * await recordSigners(store, result.gathered)
 */
export async function recordSigners(
  store: RelayerStore,
  { checkpoint, signatures }: GatheredCheckpoint,
) {
  for (const signature of signatures)
    await store.saveSignedCheckpoint({
      validator: await recoverCheckpointSigner({ checkpoint, signature }),
      origin: checkpoint.origin,
      originEndpoint: checkpoint.originEndpoint,
      index: checkpoint.index,
      root: checkpoint.root,
      signature,
    })
}

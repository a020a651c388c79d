import type { ChainReader } from '@ferry/sdk'
import type { Logger } from 'pino'
import type { ChainSubmitter } from '../../chains/types.js'
import type { RelayerStore } from '../../store/types.js'
import type { L1DeliveryCost } from '../fees/l1DeliveryCost.js'
import type { CheckpointFetcher } from './createCheckpointFetcher.js'
import type { OriginTree } from './originTree.js'
import type { RelayerPolicy } from './policy.js'

/** What each step of one route's delivery works with: the route's chains, state and policy. */
export type DeliveryContext = {
  origin: ChainReader
  destination: ChainSubmitter
  store: RelayerStore
  tree: OriginTree
  fetcher: CheckpointFetcher
  policy: RelayerPolicy
  /** The L1 data fee of a delivery, where the destination is a rollup; added to `policy.minimumFee`. */
  l1DeliveryCost?: L1DeliveryCost | undefined
  /** The route's `deliver` logger. */
  log: Logger
}

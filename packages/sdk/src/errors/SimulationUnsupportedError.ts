import { FerryError } from './FerryError.js'

/**
 * `simulateDelivery` cannot dry-run a delivery on this destination's kind yet (CosmWasm: the
 * delivery is simulated on EVM destinations only); nothing was run.
 *
 * @example
 * if (error instanceof SimulationUnsupportedError) console.log(error.chain, error.kind)
 */
export class SimulationUnsupportedError extends FerryError {
  override name = 'SimulationUnsupportedError'
  readonly code = 'simulation_unsupported'
  readonly chain: string
  readonly kind: string
  constructor({ chain, kind }: { chain: string; kind: string }) {
    super(`Deliveries to ${chain} (${kind}) cannot be simulated yet; EVM destinations can.`)
    this.chain = chain
    this.kind = kind
  }
}

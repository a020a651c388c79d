import type { Hex } from 'viem'
import type { DecodedRevert } from '../actions/internal/simulation/decodeEvmRevert.js'
import { FerryError } from './FerryError.js'

/**
 * `simulateDelivery` saw the destination's endpoint refuse the call with something that is not
 * one of Ferry's failure reasons (a node's gas cap too low for the call, an endpoint of another
 * version): no verdict is given rather than a wrong one. `revert` is the refusal, decoded.
 *
 * @example
 * if (error instanceof SimulationUndecidedError) console.log(error.revert)
 */
export class SimulationUndecidedError extends FerryError {
  override name = 'SimulationUndecidedError'
  readonly code = 'simulation_undecided'
  readonly id: Hex
  readonly revert: DecodedRevert
  constructor({ id, error, revert }: { id: Hex; error: string; revert: DecodedRevert }) {
    super(`The dry run of message ${id} failed without a Ferry failure reason: ${error}.`, {
      details: `revert data ${revert.data}`,
    })
    this.id = id
    this.revert = revert
  }
}

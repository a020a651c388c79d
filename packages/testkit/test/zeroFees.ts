import type { CosmWasmTestFees } from '../src/chains/connectChain.js'

/**
 * A CosmWasm endpoint fee config quoting nothing, for tests whose apps send without funds (a
 * handler's pong, an HTLC lock's relay) and whose balances are checked to the unit.
 */
export const ZERO_FEES: CosmWasmTestFees = {
  baseFee: 0n,
  gasPrice: 0n,
  rate: 1n,
  gasOverhead: 0,
  gasPerByte: 0,
  maxGasLimit: 16_777_216,
}

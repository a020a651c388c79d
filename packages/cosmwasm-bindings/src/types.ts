import type { MessageStatus } from '@ferry/protocol'

/** `0x`-prefixed hex. */
export type Hex = `0x${string}`

/** Bytes given to an action: a `Uint8Array` or whole-byte hex. */
export type BytesInput = Hex | Uint8Array

/** A destination's fee parameters (PROTOCOL §9); `rate` 1e18 is 1:1. */
export type FeeConfig = {
  baseFee: bigint
  gasPrice: bigint
  rate: bigint
  gasOverhead: number
  gasPerByte: number
  /**
   * The largest `gasLimit` a message to this domain may ask for, and, for the endpoint's own
   * domain, the largest `ackGasLimit` (PROTOCOL §4); at least 1. What one delivery transaction
   * on that chain can give a handler (an EVM chain: under 2^24, EIP-7825).
   */
  maxGasLimit: number
}

/** The endpoint's configuration, as the `config` query answers it. */
export type EndpointConfig = {
  localDomain: number
  denom: string
  owner: string
  pendingOwner: string | null
  feeManager: string
  feeCollector: string
  paused: boolean
}

/** A message's delivery status on its destination: 0 None, 1 Executed, 2 Failed, 3 TimedOut. */
export type EndpointMessageStatus = MessageStatus

import type { Hex } from 'viem'

/** An ERC-7930 v1 interoperable address, its fields apart. */
export type InteropAddress = {
  /** The CAIP-350 chain type: `0x0000` for EIP-155 (`INTEROP_CHAIN_TYPES`). */
  chainType: number
  /** The chain reference: an EIP-155 chain id big-endian without leading zeros, a CosmWasm `chain_id`'s UTF-8 bytes. */
  reference: Hex
  /** The account on that chain, `0x` for a chain-only address. */
  address: Hex
}

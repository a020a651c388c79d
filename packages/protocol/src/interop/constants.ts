/** The ERC-7930 version this codec reads and writes. */
export const INTEROP_ADDRESS_VERSION = 1

/**
 * ERC-7930 chain types Ferry names chains with (spec/apps/erc7786-gateway.md §3). `eip155` is
 * CAIP-350's profile for EVM chains. No CAIP-350 profile gives the `cosmos` namespace a chain
 * type yet, so a deployment chooses one for its CosmWasm chains and sets the same bytes on every
 * gateway; `ferryCosmWasm` (`0xc05a`) is the one the spec's examples, Ferry's tests and this
 * SDK use, with the chain's `chain_id` as UTF-8 reference.
 */
export const INTEROP_CHAIN_TYPES = { eip155: 0x0000, ferryCosmWasm: 0xc05a } as const

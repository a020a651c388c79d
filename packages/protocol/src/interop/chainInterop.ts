import { type Hex, stringToHex } from 'viem'
import { FieldOutOfRangeError } from '../errors/encoding.js'
import { INTEROP_CHAIN_TYPES } from './constants.js'
import { encodeInteropAddress } from './encodeInteropAddress.js'

/** EIP-155 chain ids are positive and fit 32 bytes. */
const MAX_CHAIN_ID = 2n ** 256n - 1n

/**
 * The chain-only ERC-7930 address of an EIP-155 chain: its chain id big-endian without leading
 * zeros as reference, as OpenZeppelin's `InteroperableAddress.formatEvmV1` writes it (the bytes
 * both gateways must agree on, spec/apps/erc7786-gateway.md §3).
 *
 * @example
 * ```ts
 * import { evmChainInterop } from '@ferry/protocol'
 *
 * evmChainInterop(31337) // '0x00010000027a6900'
 * ```
 */
export function evmChainInterop(chainId: number | bigint): Hex {
  const id = BigInt(chainId)
  if (id <= 0n || id > MAX_CHAIN_ID)
    throw new FieldOutOfRangeError({ field: 'chainId', value: chainId, max: MAX_CHAIN_ID })
  const digits = id.toString(16)
  const reference: Hex = `0x${digits.length % 2 === 0 ? digits : `0${digits}`}`
  return encodeInteropAddress({ chainType: INTEROP_CHAIN_TYPES.eip155, reference })
}

/**
 * The chain-only ERC-7930 address of a CosmWasm chain as Ferry names it: chain type
 * `INTEROP_CHAIN_TYPES.ferryCosmWasm` (no CAIP-350 profile for cosmos yet; a deployment may pick
 * another, `chainType`) and its `chain_id`'s UTF-8 bytes as reference.
 *
 * @example
 * ```ts
 * import { cosmWasmChainInterop } from '@ferry/protocol'
 *
 * cosmWasmChainInterop('ferry-wasm-1') // '0x0001c05a0c66657272792d7761736d2d3100'
 * ```
 */
export function cosmWasmChainInterop(
  chainId: string,
  chainType: number = INTEROP_CHAIN_TYPES.ferryCosmWasm,
): Hex {
  return encodeInteropAddress({ chainType, reference: stringToHex(chainId) })
}

import { bech32, hex } from '@scure/base'
import { concatBytes, numberToBytes, sha256 } from 'viem'
import type { Hex } from '../types.js'

export type PredictInstantiate2AddressParameters = {
  /** The sha256 of the contract's wasm (its code's `checksum`), 32 bytes. */
  checksum: Hex | Uint8Array
  /** The account or contract that sends `MsgInstantiateContract2` / `WasmMsg::Instantiate2`. */
  creator: string
  /** 1 to 64 bytes. */
  salt: Hex | Uint8Array
  /** The chain's address prefix; the creator's by default. */
  bech32Prefix?: string | undefined
}

export type PredictInstantiate2AddressReturnType = string

const bytesOf = (value: Hex | Uint8Array): Uint8Array =>
  value instanceof Uint8Array ? value : hex.decode(value.slice(2).toLowerCase())

/** `len u64 big-endian | bytes`, wasmd's `UInt64LengthPrefix`. */
const lengthPrefixed = (bytes: Uint8Array): Uint8Array =>
  concatBytes([numberToBytes(bytes.length, { size: 8 }), bytes])

/**
 * The address `instantiate2` gives a contract before it exists: wasmd's
 * `BuildContractAddressPredictable(checksum, creator, salt, initMsg = empty)` (x/wasm/keeper/
 * addresses.go; `initMsg` is empty because contracts' `WasmMsg::Instantiate2` always sends
 * `fix_msg` false), i.e. the Cosmos SDK's `address.Module("wasm", key)` =
 * `sha256(sha256("module") | "wasm" | 0x00 | key)` with `key` = each of checksum, creator's
 * canonical bytes, salt and the empty message prefixed by its length (u64 big-endian). The
 * embedded chain's `instantiate2` gives the same address. (`@cosmjs/cosmwasm-stargate`'s
 * `instantiate2Address` computes the same, but its bech32 decoding throws with the
 * `@scure/base` version installed here, so this package computes it itself.)
 *
 * @example
 * ```ts
 * const address = predictInstantiate2Address({ checksum, creator: factory, salt: '0x01' })
 * ```
 */
export function predictInstantiate2Address({
  checksum,
  creator,
  salt,
  bech32Prefix,
}: PredictInstantiate2AddressParameters): PredictInstantiate2AddressReturnType {
  // CAST: a bech32 address string has the template literal shape `${prefix}1${data}`.
  const decoded = bech32.decode(creator as `${string}1${string}`, 90)
  const key = concatBytes([
    lengthPrefixed(bytesOf(checksum)),
    lengthPrefixed(bech32.fromWords(decoded.words)),
    lengthPrefixed(bytesOf(salt)),
    lengthPrefixed(new Uint8Array()),
  ])
  const typ = sha256(new TextEncoder().encode('module'), 'bytes')
  const address = sha256(concatBytes([typ, new TextEncoder().encode('wasm\0'), key]), 'bytes')
  return bech32.encode(bech32Prefix ?? decoded.prefix, bech32.toWords(address), 90)
}

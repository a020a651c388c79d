// ERC-7930 v1 chain-only addresses of EIP-155 chains, for the /testing helpers (the codec of
// spec/apps/erc7786-gateway.md §3; it belongs in @ferry/protocol once other packages need it).
import { concatHex, type Hex, size, toHex } from 'viem'

/** `0x0001 | 0x0000 | refLength | chainId big-endian without leading zeros | 0x00`. */
export function evmChainInterop(chainId: number | bigint): Hex {
  const digits = BigInt(chainId).toString(16)
  const reference: Hex = `0x${digits.length % 2 === 0 ? digits : `0${digits}`}`
  return concatHex(['0x00010000', toHex(size(reference), { size: 1 }), reference, '0x00'])
}

import { erc7786GatewayVectors } from '@ferry/spec'
import { type Hex, hexToString, size, stringToHex } from 'viem'
import { describe, expect, test } from 'vitest'
import { cosmWasmChainInterop, evmChainInterop } from './chainInterop.js'
import { INTEROP_CHAIN_TYPES } from './constants.js'
import { decodeInteropAddress } from './decodeInteropAddress.js'
import { encodeInteropAddress } from './encodeInteropAddress.js'

// spec/apps/erc7786-gateway.json's chains and addresses, reproduced byte for byte (the gateway's
// tests do the same with the contract).
const { chains, addresses } = erc7786GatewayVectors

describe.each(chains)('chain $name', ({ name, chain }) => {
  test('is what evmChainInterop or cosmWasmChainInterop writes', () => {
    const eip155 = /^eip155:(\d+)$/.exec(name)
    if (eip155) expect(evmChainInterop(BigInt(eip155[1] as string))).toBe(chain)
    else {
      const { chainType, reference } = decodeInteropAddress(chain)
      expect(chainType).toBe(INTEROP_CHAIN_TYPES.ferryCosmWasm)
      expect(cosmWasmChainInterop(hexToString(reference))).toBe(chain)
    }
  })

  test('decodes to a chain-only address and encodes back', () => {
    const decoded = decodeInteropAddress(chain)
    expect(decoded.address).toBe('0x')
    expect(encodeInteropAddress(decoded)).toBe(chain)
  })
})

describe.each(addresses)('address: $name', ({ chain, account, interop }) => {
  // The account part is the bytes32 cut back by PROTOCOL §2: 20 bytes if the first 12 are zero.
  const short: Hex = account.startsWith(`0x${'00'.repeat(12)}`) ? `0x${account.slice(26)}` : account

  test('encodes from its chain and account', () => {
    const { chainType, reference } = decodeInteropAddress(chain)
    expect(encodeInteropAddress({ chainType, reference, address: short })).toBe(interop)
  })

  test('decodes to its chain and account', () => {
    const decoded = decodeInteropAddress(interop)
    expect(encodeInteropAddress({ ...decoded, address: '0x' })).toBe(chain)
    expect(decoded.address).toBe(short)
    expect(size(decoded.address)).toBeOneOf([20, 32])
  })
})

test('the CosmWasm reference is the chain id in UTF-8', () => {
  expect(decodeInteropAddress(cosmWasmChainInterop('ferry-wasm-1')).reference).toBe(
    stringToHex('ferry-wasm-1'),
  )
})

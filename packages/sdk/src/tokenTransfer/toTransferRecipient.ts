import {
  BaseError,
  cosmWasmChainInterop,
  decodeInteropAddress,
  encodeInteropAddress,
  evmChainInterop,
  INTEROP_CHAIN_TYPES,
} from '@ferry/protocol'
import { type Hex, hexToString, isHex, pad, size } from 'viem'
import { toRecipientBytes32 } from '../actions/internal/toRecipientBytes32.js'
import type { FerryClient } from '../client/createFerryClient.js'
import type { FerryChain } from '../client/defineFerryChain.js'
import { InvalidRecipientError } from '../errors/InvalidRecipientError.js'
import { RecipientChainMismatchError } from '../errors/RecipientChainMismatchError.js'

/**
 * A transfer's `recipient` as the 32 bytes of the body (TOKEN §2), checked against the
 * destination: an EVM address, bech32 with the destination's prefix, or 32-byte hex, as
 * `toRecipientBytes32` takes them; or an ERC-7930 interoperable address (any other `0x0001…`
 * hex), whose chain must be the destination (`RecipientChainMismatchError`): on EVM the
 * chain id its client serves, on CosmWasm a non-EIP-155 chain type and, when the chain is
 * defined with a `chainId`, that reference (spec/apps/erc7786-gateway.md §3).
 *
 * @example
 * await toTransferRecipient(client, destination, '0x00010000027a691470997970c51812dc3a010c7d01b50e0d17dc79c8')
 */
export async function toTransferRecipient(
  client: FerryClient,
  destination: FerryChain,
  recipient: string,
): Promise<Hex> {
  if (!isInterop(destination, recipient)) return toRecipientBytes32(destination, recipient)
  let decoded: ReturnType<typeof decodeInteropAddress>
  try {
    // CAST: isInterop checked it is hex.
    decoded = decodeInteropAddress(recipient as Hex)
  } catch (error) {
    throw new InvalidRecipientError({
      recipient,
      destination: destination.name,
      expected: 'an ERC-7930 v1 interoperable address',
      cause: error instanceof BaseError ? error : undefined,
    })
  }
  if (decoded.address === '0x')
    throw new InvalidRecipientError({
      recipient,
      destination: destination.name,
      expected: 'an ERC-7930 address with an account, not a chain alone',
    })
  const recipientChain = encodeInteropAddress({ ...decoded, address: '0x' })
  const destinationChain = await interopChainOf(client, destination, decoded.chainType)
  const matches =
    destination.kind === 'evm'
      ? recipientChain === destinationChain
      : decoded.chainType !== INTEROP_CHAIN_TYPES.eip155 &&
        (destination.chainId === undefined || recipientChain === destinationChain)
  if (!matches)
    throw new RecipientChainMismatchError({
      recipient,
      destination: destination.name,
      recipientChain: describeChain(recipientChain),
      destinationChain: describeChain(destinationChain),
    })
  return pad(decoded.address, { size: 32 })
}

/** ERC-7930 input: `0x0001` hex that is neither a 20-byte address nor, where it could be one, a bytes32. */
function isInterop(destination: FerryChain, recipient: string): boolean {
  if (!isHex(recipient, { strict: true }) || !recipient.startsWith('0x0001')) return false
  const bytes = size(recipient)
  if (bytes === 20) return false
  // An EVM bytes32 starts with 12 zero bytes, which `0x0001` is not; any 32 bytes are a CosmWasm one.
  return !(bytes === 32 && destination.kind === 'cosmwasm')
}

/** The destination's ERC-7930 chain: its client's chain id on EVM, its `chainId` on CosmWasm. */
async function interopChainOf(
  client: FerryClient,
  destination: FerryChain,
  chainType: number,
): Promise<Hex> {
  if (destination.kind === 'evm')
    return evmChainInterop(await client.reader(destination).client.getChainId())
  // A deployment chooses its CosmWasm chain type (§3): compare the recipient's, never EIP-155.
  const type =
    chainType === INTEROP_CHAIN_TYPES.eip155 ? INTEROP_CHAIN_TYPES.ferryCosmWasm : chainType
  return cosmWasmChainInterop(destination.chainId ?? '', type)
}

/** A chain-only ERC-7930 address for a message: `eip155:<id>`, or the type and UTF-8 reference. */
function describeChain(chain: Hex): string {
  const { chainType, reference } = decodeInteropAddress(chain)
  if (chainType === INTEROP_CHAIN_TYPES.eip155) return `eip155:${BigInt(reference)} (${chain})`
  return `chain type 0x${chainType.toString(16).padStart(4, '0')}, ${JSON.stringify(hexToString(reference))} (${chain})`
}

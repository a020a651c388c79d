import { hashedTimelockAbi } from '@ferry/evm-contracts'
import { bytes32ToEvmAddress, HTLC_CLAIM_BODY_LENGTH } from '@ferry/protocol'
import {
  type Address,
  erc20Abi,
  type Hash,
  type Hex,
  isAddress,
  parseEventLogs,
  zeroAddress,
} from 'viem'
import { getEvmSigner } from '../actions/internal/getEvmSigner.js'
import { toRecipientBytes32 } from '../actions/internal/toRecipientBytes32.js'
import { writeEvmContract } from '../actions/internal/writeEvmContract.js'
import { quote } from '../actions/quote.js'
import type { RecipientOf, TransactionHashOf } from '../actions/send.js'
import type { ChainOf, ChainRef, FerryClient } from '../client/createFerryClient.js'
import type { FerryChain, FerryEvmChain } from '../client/defineFerryChain.js'
import { AllowanceTooLowError } from '../errors/AllowanceTooLowError.js'
import type { EndpointRevertedError } from '../errors/EndpointRevertedError.js'
import { InvalidRecipientError } from '../errors/InvalidRecipientError.js'
import type { MissingSignerError } from '../errors/MissingSignerError.js'
import type { NoHtlcError } from '../errors/NoHtlcError.js'
import { getEvmHtlc } from './internal/readSwapLock.js'

export type LockSwapParameters<
  chains extends readonly FerryChain[] = readonly FerryChain[],
  chain extends ChainRef<chains> = ChainRef<chains>,
> = {
  /** The chain to lock on (name or domain); its signer is the locker, who gets a refund. */
  chain: chain
  /** Who may claim: an address of the same chain (the counterparty's account there). */
  recipient: RecipientOf<ChainOf<chains, chain>>
  /** sha256 of the secret: the swap terms' `hashlock`. */
  hashlock: Hex
  /** Unix seconds: claims strictly before, refunds at or after (the swap terms' leg's). */
  timelock: bigint
  /** In base units. */
  amount: bigint
  /**
   * On EVM an ERC-20 (approved for the HTLC first), the native token when left out; on CosmWasm
   * a denom, the endpoint's fee denom (the chain's native token) when left out.
   */
  token?: SwapTokenOf<ChainOf<chains, chain>> | undefined
  /**
   * Prepays sending the secret to the counterparty's lock once this one is claimed
   * (spec/apps/htlc.md §5): the participant's lock names the initiator's, so she need not claim
   * it for him and he need not be online. `fee` (native) defaults to the Ferry quote now.
   */
  relay?:
    | {
        /** The chain of the counterparty's lock (name or domain). */
        chain: ChainRef<chains>
        /** The counterparty's lock id. */
        lockId: Hex
        /** Gas of the claim's handler there. Default 200,000. */
        gasLimit?: number | undefined
        /** The prepaid fee, native; default the quote for a 65-byte body with `gasLimit`. */
        fee?: bigint | undefined
      }
    | undefined
}

/** What names a token on `chain`: an ERC-20's address on EVM, a denom on CosmWasm. */
export type SwapTokenOf<chain extends FerryChain> = chain extends { kind: 'evm' } ? Address : string

export type LockSwapReturnType<chain extends FerryChain = FerryChain> = {
  /** The lock's id (its `Locked` event's): what the counterparty claims and both watch. */
  lockId: Hex
  transactionHash: TransactionHashOf<chain>
  /** The relay fee prepaid, native; 0n without a relay. */
  relayFee: bigint
}

export type LockSwapErrorType =
  | NoHtlcError
  | InvalidRecipientError
  | AllowanceTooLowError
  | MissingSignerError
  | EndpointRevertedError
  | Error

/** Handler gas of a claim message when `relay.gasLimit` is not given: a claim and a payment. */
export const DEFAULT_SWAP_RELAY_GAS_LIMIT = 200_000

/**
 * Locks an amount on the chain's HTLC for the counterparty (spec/apps/htlc.md §6), under the
 * swap's hashlock and a timelock, optionally prepaying the relay of the secret to the
 * counterparty's lock (§5), and returns the lock id from the `Locked` event. An ERC-20 lock
 * checks the HTLC's allowance first (`AllowanceTooLowError`: approve, then lock again). The
 * HTLC's refusals (timelock in the past, zero amount) are decoded before signing.
 *
 * @example
 * const { lockId } = await lockSwap(client, {
 *   chain: 'evm', recipient: bob, hashlock: terms.hashlock,
 *   timelock: BigInt(terms.initiator.timelock), amount: BigInt(terms.initiator.amount),
 * })
 */
export async function lockSwap<
  const chains extends readonly FerryChain[],
  chain extends ChainRef<chains>,
>(
  client: FerryClient<chains>,
  parameters: LockSwapParameters<chains, chain>,
): Promise<LockSwapReturnType<ChainOf<chains, chain>>> {
  const chain: FerryChain = client.chain(parameters.chain)
  const relay = parameters.relay
  let peer: SwapLockTerms<string>['peer']
  if (relay !== undefined) {
    const gasLimit = relay.gasLimit ?? DEFAULT_SWAP_RELAY_GAS_LIMIT
    const to = client.chain(relay.chain).domain
    const quoted = await quote(client, {
      from: chain.domain,
      to,
      bodySize: HTLC_CLAIM_BODY_LENGTH,
      gasLimit,
    })
    peer = {
      domain: to,
      lockId: relay.lockId,
      gasLimit,
      fee: relay.fee ?? quoted.fee,
      denom: quoted.denom,
    }
  }
  const relayFee = peer?.fee ?? 0n
  if (chain.kind === 'evm') {
    // CAST: the chain is EVM, so the recipient's type is Hex.
    const locked = await lockOnEvm(client, chain, {
      ...parameters,
      recipient: parameters.recipient as Hex,
      peer,
    })
    // CAST: the chain is EVM: its transaction hashes are Hash.
    return { ...locked, relayFee } as LockSwapReturnType<ChainOf<chains, chain>>
  }
  // Loaded here so that an app on EVM chains alone never loads the CosmWasm bindings.
  const { lockOnCosmWasm } = await import('./internal/cosmwasm/htlcOnCosmWasm.js')
  const locked = await lockOnCosmWasm(chain, { ...parameters, peer })
  // CAST: the chain is CosmWasm: its transaction hashes are strings.
  return { ...locked, relayFee } as LockSwapReturnType<ChainOf<chains, chain>>
}

/** What the kind branches lock with: the terms and the resolved relay. */
export type SwapLockTerms<recipient> = {
  recipient: recipient
  hashlock: Hex
  timelock: bigint
  amount: bigint
  token?: string | undefined
  /** The relay, resolved: `denom` is the CosmWasm endpoint's fee denom (undefined on EVM). */
  peer:
    | { domain: number; lockId: Hex; gasLimit: number; fee: bigint; denom: string | undefined }
    | undefined
}

async function lockOnEvm(
  client: FerryClient<readonly FerryChain[]>,
  chain: FerryEvmChain,
  { recipient, hashlock, timelock, amount, token = zeroAddress, peer }: SwapLockTerms<Hex>,
): Promise<{ lockId: Hex; transactionHash: Hash }> {
  const htlc = getEvmHtlc(chain, 'lockSwap')
  const to = bytes32ToEvmAddress(toRecipientBytes32(chain, recipient))
  if (!isAddress(token, { strict: false }))
    throw new InvalidRecipientError({
      recipient: token,
      destination: chain.name,
      expected: 'an ERC-20 address (0x + 40 hex digits), or none for the native token',
    })
  const reader = client.reader(chain)
  const native = token === zeroAddress ? amount : 0n
  if (native === 0n) {
    const { account } = getEvmSigner(chain, 'lockSwap')
    const allowance = await reader.client.readContract({
      address: token,
      abi: erc20Abi,
      functionName: 'allowance',
      args: [account.address, htlc],
    })
    if (allowance < amount)
      throw new AllowanceTooLowError({
        chain: chain.name,
        token,
        spender: htlc,
        allowance,
        needed: amount,
      })
  }
  const terms = [to, hashlock, timelock, token, amount] as const
  const receipt = await writeEvmContract(chain, reader, {
    address: htlc,
    abi: hashedTimelockAbi,
    ...(peer === undefined
      ? { functionName: 'lock', args: terms, value: native }
      : {
          functionName: 'lockWithRelay',
          args: [
            ...terms,
            { domain: peer.domain, gasLimit: peer.gasLimit, peerLockId: peer.lockId },
          ],
          value: native + peer.fee,
        }),
  })
  const [locked] = parseEventLogs({
    abi: hashedTimelockAbi,
    eventName: 'Locked',
    logs: receipt.logs,
  })
  if (locked === undefined) throw new Error(`No Locked event in ${receipt.transactionHash}`)
  return { lockId: locked.args.id, transactionHash: receipt.transactionHash }
}

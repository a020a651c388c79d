// The swap actions' CosmWasm branch, loaded only when a swap leg is on a CosmWasm chain: the
// HTLC's execute and query messages (packages/cosmwasm-bindings' README, "Atomic swaps: the
// HTLC"), run with the chain's executor; refusals as `EndpointRevertedError`.
import { type Coin, config, type ExecuteOutcome } from '@ferry/cosmwasm-bindings'
import type { Hex } from 'viem'
import { toCosmWasmEndpointRevertedError } from '../../../actions/internal/cosmwasm/toCosmWasmEndpointRevertedError.js'
import { getCosmWasmSigner } from '../../../actions/internal/getCosmWasmSigner.js'
import { toRecipientBytes32 } from '../../../actions/internal/toRecipientBytes32.js'
import type { CosmWasmChainReader } from '../../../chains/cosmwasm/createCosmWasmChainReader.js'
import type { FerryCosmWasmChain } from '../../../client/defineFerryChain.js'
import { NoHtlcError } from '../../../errors/NoHtlcError.js'
import type { SwapLockTerms } from '../../lockSwap.js'
import { SWAP_LOCK_STATES, type SwapLock } from '../readSwapLock.js'

function htlcOf(chain: FerryCosmWasmChain, action: string): string {
  if (chain.htlc === undefined) throw new NoHtlcError({ chain: chain.name, action })
  return chain.htlc
}

async function execute(
  chain: FerryCosmWasmChain,
  action: string,
  msg: Record<string, unknown>,
  funds: Coin[] = [],
): Promise<ExecuteOutcome> {
  const htlc = htlcOf(chain, action)
  const { executor, sender } = getCosmWasmSigner(chain, action)
  try {
    return await executor.execute(sender, htlc, msg, funds)
  } catch (error) {
    throw toCosmWasmEndpointRevertedError(chain.name, error)
  }
}

/**
 * `lockSwap` on CosmWasm: `lock` with `amount` of the denom (`token`, the endpoint's fee denom by
 * default) and the relay fee in the endpoint's denom; the id from `wasm-htlc_locked`.
 *
 * @example
 * const { lockOnCosmWasm } = await import('./internal/cosmwasm/htlcOnCosmWasm.js')
 */
export async function lockOnCosmWasm(
  chain: FerryCosmWasmChain,
  { recipient, hashlock, timelock, amount, token, peer }: SwapLockTerms<string>,
): Promise<{ lockId: Hex; transactionHash: string }> {
  // Checked like a message's recipient; the HTLC takes the bech32 form.
  toRecipientBytes32(chain, recipient)
  const denom = token ?? (await endpointDenom(chain))
  const funds: Coin[] = [{ denom, amount: amount.toString() }]
  if (peer !== undefined && peer.fee > 0n) {
    const feeDenom = peer.denom ?? denom
    const same = funds.find((coin) => coin.denom === feeDenom)
    if (same) funds[0] = { denom, amount: (amount + peer.fee).toString() }
    else funds.push({ denom: feeDenom, amount: peer.fee.toString() })
  }
  const outcome = await execute(
    chain,
    'lockSwap',
    {
      lock: {
        recipient,
        hashlock,
        timelock: timelock.toString(),
        denom,
        amount: amount.toString(),
        ...(peer && {
          relay: { domain: peer.domain, gas_limit: peer.gasLimit, peer_lock_id: peer.lockId },
        }),
      },
    },
    funds,
  )
  const locked = outcome.events.find((event) => event.type === 'wasm-htlc_locked')
  const id = locked?.attributes.find(({ key }) => key === 'id')?.value
  if (id === undefined) throw new Error(`${chain.name}: lock emitted no htlc_locked`)
  // CAST: the HTLC emits ids as 0x-prefixed hex.
  return { lockId: id as Hex, transactionHash: outcome.transactionHash }
}

/** The endpoint's fee denom: the default lock denom (the chain's native token in practice). */
async function endpointDenom(chain: FerryCosmWasmChain): Promise<string> {
  const { executor } = getCosmWasmSigner(chain, 'lockSwap')
  try {
    return (await config(executor, { contract: chain.endpoint })).denom
  } catch (error) {
    throw toCosmWasmEndpointRevertedError(chain.name, error)
  }
}

/**
 * Lock `lockId` on the chain's HTLC, with the chain's latest block time.
 *
 * @example
 * const lock = await readCosmWasmSwapLock(reader, chain, lockId, 'claimSwap')
 */
export async function readCosmWasmSwapLock(
  reader: CosmWasmChainReader,
  chain: FerryCosmWasmChain,
  lockId: Hex,
  action: string,
): Promise<SwapLock> {
  const htlc = htlcOf(chain, action)
  // Read at the head, so the lock and the block time agree.
  const head = await reader.getHead()
  let lock: {
    state: number
    locker: string
    recipient: string
    denom: string
    amount: string
    hashlock: Hex
    timelock: string
  }
  try {
    // CAST: the HTLC's `lock` query answers this shape (an unknown id: state 0).
    lock = (await reader.source
      .reader(head.number)
      .query(htlc, { lock: { id: lockId } })) as typeof lock
  } catch (error) {
    throw toCosmWasmEndpointRevertedError(chain.name, error)
  }
  return {
    state: SWAP_LOCK_STATES[lock.state] ?? 'none',
    locker: lock.locker,
    recipient: lock.recipient,
    token: lock.denom,
    amount: BigInt(lock.amount || 0),
    hashlock: lock.hashlock,
    timelock: BigInt(lock.timelock || 0),
    blockTime: head.timestamp,
  }
}

/**
 * `claimSwap` / `refundSwap` on CosmWasm: `claim` or `refund` with the chain's executor.
 *
 * @example
 * const { transactionHash } = await settleOnCosmWasm(chain, { claim: { id, preimage } }, 'claimSwap')
 */
export async function settleOnCosmWasm(
  chain: FerryCosmWasmChain,
  msg: { claim: { id: Hex; preimage: Hex } } | { refund: { id: Hex } },
  action: string,
): Promise<{ transactionHash: string }> {
  const { transactionHash } = await execute(chain, action, msg)
  return { transactionHash }
}

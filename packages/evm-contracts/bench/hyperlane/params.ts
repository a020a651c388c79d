/**
 * What the Hyperlane bench measures and how: sample sizes, warm-ups, tree alignment, and the
 * one-paragraph description of the configuration returned with the figures.
 */
import { hyperlaneCoreVersion } from './artifacts.ts'
import {
  DESTINATION_DOMAIN,
  DESTINATION_GAS_OVERHEAD,
  GAS_ORACLE,
  ORIGIN_DOMAIN,
} from './deploy.ts'

export type DispatchBodySize = '0' | '32' | '256' | '1024'
export type ValidatorCount = '1' | '3' | '5'

export const DISPATCH_SIZES: readonly DispatchBodySize[] = ['0', '32', '256', '1024']
export const VALIDATOR_COUNTS: readonly ValidatorCount[] = ['1', '3', '5']
export const DISPATCH_MEASURED = 16
export const MIN_WARMUP = 2
/**
 * Measured dispatch windows start at a leaf index that is a multiple of 32, so each window inserts
 * at positions 32k .. 32k+15: the same insert-loop work for every body size (15 extra levels in
 * total, like leaves 2..17 of a fresh tree) and no first write to a branch slot, i.e. the steady
 * state of a long-lived tree. The extra dispatches needed to reach that alignment are warm-ups.
 */
export const DISPATCH_ALIGNMENT = 32
export const PROCESS_WARMUP = 2
export const PROCESS_MEASURED = 8
export const PROCESS_BODY_BYTES = 32
/**
 * The deep-tree delivery figures: the origin's tree is filled (through a Repeater, see
 * ../fillTree.ts) so that it holds exactly this many messages, the measured ones being its last:
 * leaves 65,506..65,535, whose branches have 16 real siblings (every level below 16) and 16
 * zero ones, proven against the checkpoint at leaf 65,535.
 */
export const DEEP_TREE_SIZE = 65_536

/** The `setup` paragraph returned with the figures (constants interpolated so it cannot drift). */
export function describeSetup(proxies: boolean, deepTreeSize?: number): string {
  const proxied = proxies
    ? ' behind OpenZeppelin 4.x TransparentUpgradeableProxy + ProxyAdmin (as Hyperlane deploys them)'
    : ' deployed bare (no proxies)'
  const fee =
    ((50_000n + DESTINATION_GAS_OVERHEAD) * GAS_ORACLE.gasPrice * GAS_ORACLE.tokenExchangeRate) /
    10_000_000_000n
  return [
    `Hyperlane @hyperlane-xyz/core@${hyperlaneCoreVersion()} bytecode (the package's typechain factories, not recompiled) on one in-process Hardhat EDR chain (chainId 31337), origin domain ${ORIGIN_DOMAIN} and destination domain ${DESTINATION_DOMAIN} as two Mailboxes; Mailbox and InterchainGasPaymaster${proxied}.`,
    `Dispatch: origin Mailbox requiredHook = MerkleTreeHook, defaultHook = InterchainGasPaymaster whose StorageGasOracle entry for ${DESTINATION_DOMAIN} (1:1 exchange rate, 1 gwei) plus a ${DESTINATION_GAS_OVERHEAD} gas overhead makes every message pay ${fee} wei (exactly quoteDispatch, so no refund); this is the work of Hyperlane's mainnet hook stack (merkle insert + IGP payment) without its wrappers (requiredHook ProtocolFee at fee 0, defaultHook FallbackRouting -> StaticAggregation[Pausable, MerkleTree, IGP]), which would add gas.`,
    `An EOA calls dispatch(destination, recipient, body) directly; each figure is the mean over ${DISPATCH_MEASURED} consecutive dispatches at tree leaves 32k..32k+15 after >= ${MIN_WARMUP} warm-ups of the same size (steady-state tree, identical insert work per size).`,
    `Process: destination Mailbox default ISM = StaticMerkleRootMultisigIsm cloned by StaticMerkleRootMultisigIsmFactory, n-of-n for n = 1, 3, 5; recipient Hyperlane's TestRecipient; ${PROCESS_BODY_BYTES}-byte bodies of messages really dispatched on the origin; metadata = origin MerkleTreeHook, leaf index, signed message id, 32-node merkle branch, signed index, n x 65-byte signatures (1096 + 65n bytes), proving each message against one checkpoint at the tree's latest index (as relayers use the newest signed checkpoint); a separate relayer EOA sends process; each figure is the mean over ${PROCESS_MEASURED} messages after ${PROCESS_WARMUP} warm-ups.`,
    ...(deepTreeSize === undefined
      ? []
      : [
          `Deep tree: the origin's tree is then filled to ${deepTreeSize} messages by a Repeater contract dispatching in a loop (128 per transaction), the last ${(PROCESS_WARMUP + PROCESS_MEASURED) * VALIDATOR_COUNTS.length} of them dispatched and processed exactly as above, against the checkpoint at leaf ${deepTreeSize - 1}.`,
        ]),
  ].join(' ')
}

/**
 * What the remote-call bench measures, the same on both sides: `callRemote` with one call (a
 * counter increment on a fresh target) from an EOA, on young trees, delivered one message per
 * transaction with a 3-of-3 multisig proof.
 */

/** Sends before the measured window: the window starts at leaf 32 (see DISPATCH_ALIGNMENT). */
export const WARMUP = 32
/** Sends (and deliveries) measured. */
export const MEASURED = 16
/** Validators signing each delivery's checkpoint (n of n). */
export const SIGNATURES = 3
/** Ferry's handler gas for the batch (the fee depends on it, the gas used does not). */
export const FERRY_GAS_LIMIT = 200_000
/** Ferry's ack gas in the with-ack variant. */
export const FERRY_ACK_GAS_LIMIT = 100_000

export type RemoteCallGas = {
  /** Mean gasUsed of `callRemote` over the measured window. */
  callRemoteSend: number
  /** Mean gasUsed of the delivery (Ferry `deliver`, Hyperlane `Mailbox.process`), account deployed. */
  callRemoteDeliver: number
  /** gasUsed of the first delivery, which deploys the account. */
  firstDeliver: number
}

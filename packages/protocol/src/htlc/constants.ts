/** The claim body format's version (spec/apps/htlc.md §4). */
export const HTLC_CLAIM_VERSION = 1
/** Bytes of a claim body: version, lock id, preimage. */
export const HTLC_CLAIM_BODY_LENGTH = 65
/** Bytes of a preimage, exactly (§3). */
export const HTLC_PREIMAGE_LENGTH = 32
/** What a claim message's handler did: its one-byte result (§6). */
export const HtlcClaimOutcome = {
  Claimed: 0,
  UnknownLock: 1,
  NotOpen: 2,
  Expired: 3,
  WrongPreimage: 4,
  MalformedBody: 5,
} as const

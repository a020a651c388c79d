/** The token-transfer body's version (spec/apps/token-bridge.md §2). */
export const TOKEN_TRANSFER_VERSION = 1
/** A body's bytes: version, recipient, amount, sender. */
export const TOKEN_TRANSFER_BODY_LENGTH = 97
/** The most a body's amount carries: a CosmWasm `Uint128` (TOKEN §2). */
export const MAX_TRANSFER_AMOUNT = 2n ** 128n - 1n
/** The widest decimals gap a route allows (TOKEN §3). */
export const MAX_DECIMALS_GAP = 36

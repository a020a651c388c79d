import { OWNER } from './accounts.js'
import type { Chain } from './Chain.js'
import { ORIGIN, ORIGIN_ENDPOINT, type TestValidator } from './Origin.js'

/**
 * Configures `validators` (threshold 3) as the validator set of the simulated origin `ORIGIN` on
 * `endpoint`, so it accepts what an `Origin` proves.
 *
 * @example
 * await configureOrigin(chain, endpoint, validators)
 */
export async function configureOrigin(
  chain: Chain,
  endpoint: string,
  validators: readonly TestValidator[],
): Promise<void> {
  await chain.must(OWNER, endpoint, {
    set_origin: {
      origin: ORIGIN,
      origin_endpoint: ORIGIN_ENDPOINT,
      validators: validators.map((v) => v.address),
      threshold: 3,
    },
  })
}

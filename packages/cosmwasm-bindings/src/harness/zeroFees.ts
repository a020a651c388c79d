/**
 * A fee config (the contract's JSON) under which every fee is 0, so apps send without funds.
 *
 * @example
 * await chain.must(OWNER, endpoint, { set_fee_config: { domain: 7002, config: ZERO_FEES } })
 */
export const ZERO_FEES = {
  base_fee: '0',
  gas_price: '0',
  rate: '1',
  gas_overhead: 0,
  gas_per_byte: 0,
  max_gas_limit: 16_777_216,
}

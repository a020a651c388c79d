/** Unix seconds now, to judge a deadline. */
export function nowSeconds(): bigint {
  return BigInt(Math.floor(Date.now() / 1000))
}

// What the embedded-VM bench (bench.ts) and the wasmd bench (benchWasmd.ts) share, so that both
// measure the same deployment: the package's folder, the built contracts, the endpoint's domain
// and a fee configuration that charges nothing (the benches measure gas, not fees).
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The package's folder. */
export const packageRoot = join(dirname(fileURLToPath(import.meta.url)), '..')

/** The path of a contract built by `pnpm run build:wasm`. */
export const wasmPath = (name: string): string => join(packageRoot, 'build', `${name}.wasm`)

/** The domain of the endpoint under measure. */
export const LOCAL = 7001

/** A fee configuration that charges nothing, for the endpoint's own domain and the origin. */
export const ZERO_FEES = {
  base_fee: '0',
  gas_price: '0',
  rate: '1',
  gas_overhead: 0,
  gas_per_byte: 0,
  max_gas_limit: 16_777_216,
}

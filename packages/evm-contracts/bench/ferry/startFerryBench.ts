import { connectEndpoints, deployFerry } from '../../dist/testing/index.js'
import type { Bench } from './measureFerry.ts'

/** The two domains every Ferry gas bench runs between, on one chain. */
export const ORIGIN = 31337
export const DESTINATION = 31338

/**
 * How every Ferry gas bench starts: two endpoints on the chain (ORIGIN and DESTINATION, the
 * origin connected to the destination, the deployer its one validator until `trust` names the
 * measured set), the deployer and the relayer accounts, and the deployer as the recipient.
 *
 * @example
 * const { bench, chain } = await startFerryBench(viem)
 * await trust(bench, keys, keys.length)
 */
/** A bench and the deployer's clients, as the `/testing` helpers take them. */
export type FerryBenchStart = {
  bench: Bench
  chain: { client: Bench['client']; wallet: Bench['deployer'] }
}

export async function startFerryBench(viem: Bench['viem']): Promise<FerryBenchStart> {
  const client = await viem.getPublicClient()
  const [deployer, relayer] = await viem.getWalletClients()
  if (!deployer || !relayer) throw new Error('gas bench: needs two funded accounts')
  const chain = { client, wallet: deployer }
  const origin = await deployFerry(chain, { domain: ORIGIN })
  const destination = await deployFerry(chain, { domain: DESTINATION })
  await connectEndpoints(chain, {
    local: origin,
    remote: destination,
    validators: [deployer.account.address],
    threshold: 1,
  })
  const bench: Bench = {
    viem,
    client,
    deployer,
    relayer,
    origin,
    destination,
    recipient: deployer.account.address,
    salt: 0,
  }
  return { bench, chain }
}

/**
 * Gas of an HTLC's lock, claim and refund (native token, whole transactions) for Ferry's
 * HashedTimelock and for ReferenceHtlc, the least a native HTLC does (contracts/test). Each side
 * runs WARMUP + MEASURED locks that are then claimed, and as many that are refunded after their
 * timelock, from the same locker to the same recipient, each lock with its own preimage; the means
 * are over the MEASURED last, so the locker's nonce slot (ours) and both accounts are warm, as
 * they are for a regular user. Ferry's relayed variants (lockWithRelay and a claim that sends the
 * preimage through the endpoint to the peer HTLC) are measured the same way.
 */
import { evmAddressToBytes32 } from '@ferry/protocol'
import type { HardhatViemHelpers } from '@nomicfoundation/hardhat-viem/types'
import { type Hex, keccak256, parseEventLogs, sha256, toHex, zeroAddress } from 'viem'
import { DESTINATION, startFerryBench } from '../ferry/startFerryBench.ts'
import { mean } from '../shared.ts'

export const WARMUP = 8
export const MEASURED = 16
/** Handler gas of a relayed claim on the peer. */
export const CLAIM_GAS_LIMIT = 150_000
const AMOUNT = 10n ** 15n
/** The claimed locks' timelock, from now; the refunded ones expire after REFUND_AFTER. */
const LONG = 86_400n
const REFUND_AFTER = 600n

export type HtlcGas = { lock: number; claim: number; refund: number }

/** One HTLC's three operations, each returning its transaction. */
type Driver = {
  lock: (hashlock: Hex, timelock: bigint) => Promise<Hex>
  claim: (id: Hex, preimage: Hex) => Promise<Hex>
  refund: (id: Hex) => Promise<Hex>
}

const preimageOf = (label: string, i: number) => keccak256(toHex(`htlc-bench/${label}/${i}`))

export async function measureHtlc(viem: HardhatViemHelpers) {
  const { bench } = await startFerryBench(viem)
  const { client, deployer, relayer, origin, destination } = bench
  const testClient = await viem.getTestClient()
  const owner = deployer.account.address
  const recipient = relayer.account.address
  const ours = await viem.deployContract('HashedTimelock', [origin.endpoint, owner])
  const peer = await viem.deployContract('HashedTimelock', [destination.endpoint, owner])
  const reference = await viem.deployContract('ReferenceHtlc')
  const mined = async (hash: Promise<Hex>) => {
    const receipt = await client.waitForTransactionReceipt({ hash: await hash })
    if (receipt.status !== 'success')
      throw new Error(`htlc bench: ${receipt.transactionHash} reverted`)
    return receipt
  }
  await mined(ours.write.setPeer([DESTINATION, evmAddressToBytes32(peer.address)]))
  const fee = await ours.read.quote([DESTINATION, 65n, CLAIM_GAS_LIMIT, 0])

  /** Every lock event carries the id first: both contracts name it `id`. */
  const idOf = async (hash: Hex, abi: typeof ours.abi | typeof reference.abi) => {
    const [locked] = parseEventLogs({
      abi,
      eventName: 'Locked',
      logs: (await mined(Promise.resolve(hash))).logs,
    })
    if (!locked) throw new Error('htlc bench: no Locked event')
    return locked.args.id
  }
  const now = async () => (await client.getBlock()).timestamp

  async function run(
    label: string,
    driver: Driver,
    abi: typeof ours.abi | typeof reference.abi,
  ): Promise<HtlcGas> {
    const count = WARMUP + MEASURED
    const gas = { lock: [] as bigint[], claim: [] as bigint[], refund: [] as bigint[] }
    const measured = (i: number) => i >= WARMUP
    const claimable: { id: Hex; preimage: Hex }[] = []
    const refundable: Hex[] = []
    for (let i = 0; i < count; i++) {
      const preimage = preimageOf(`${label}/claim`, i)
      const hash = await driver.lock(sha256(preimage), (await now()) + LONG)
      claimable.push({ id: await idOf(hash, abi), preimage })
      if (measured(i)) gas.lock.push((await client.getTransactionReceipt({ hash })).gasUsed)
      const refundHash = await driver.lock(
        sha256(preimageOf(`${label}/refund`, i)),
        (await now()) + REFUND_AFTER,
      )
      refundable.push(await idOf(refundHash, abi))
    }
    for (const [i, { id, preimage }] of claimable.entries()) {
      const receipt = await mined(driver.claim(id, preimage))
      if (measured(i)) gas.claim.push(receipt.gasUsed)
    }
    await testClient.increaseTime({ seconds: Number(REFUND_AFTER) })
    await testClient.mine({ blocks: 1 })
    for (const [i, id] of refundable.entries()) {
      const receipt = await mined(driver.refund(id))
      if (measured(i)) gas.refund.push(receipt.gasUsed)
    }
    return { lock: mean(gas.lock), claim: mean(gas.claim), refund: mean(gas.refund) }
  }

  const ferry = await run(
    'ferry',
    {
      lock: (hashlock, timelock) =>
        ours.write.lock([recipient, hashlock, timelock, zeroAddress, AMOUNT], { value: AMOUNT }),
      claim: (id, preimage) => ours.write.claim([id, preimage]),
      refund: (id) => ours.write.refund([id]),
    },
    ours.abi,
  )
  const ferryRelay = await run(
    'ferry-relay',
    {
      lock: (hashlock, timelock) =>
        ours.write.lockWithRelay(
          [
            recipient,
            hashlock,
            timelock,
            zeroAddress,
            AMOUNT,
            { domain: DESTINATION, gasLimit: CLAIM_GAS_LIMIT, peerLockId: hashlock },
          ],
          { value: AMOUNT + fee },
        ),
      claim: (id, preimage) => ours.write.claim([id, preimage]),
      refund: (id) => ours.write.refund([id]),
    },
    ours.abi,
  )
  const referenceGas = await run(
    'reference',
    {
      lock: (hashlock, timelock) =>
        reference.write.lock([recipient, hashlock, timelock], { value: AMOUNT }),
      claim: (id, preimage) => reference.write.claim([id, preimage]),
      refund: (id) => reference.write.refund([id]),
    },
    reference.abi,
  )
  return { ferry, ferryRelay, reference: referenceGas }
}

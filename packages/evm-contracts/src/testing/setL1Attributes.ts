import {
  type Address,
  concat,
  encodePacked,
  type Hex,
  type PublicClient,
  type TestClient,
} from 'viem'

/** The OP Stack `L1Block` predeploy: the L1 attributes the rollup last received. */
const L1_BLOCK: Address = '0x4200000000000000000000000000000000000015'
/** The L1 attributes depositor, the only account `L1Block` takes new values from. */
const DEPOSITOR: Address = '0xDeaDDEaDDeAdDeAdDEAdDEaddeAddEAdDEAd0001'
/** `setL1BlockValuesIsthmus()`, whose arguments follow packed (Hardhat's OP chains are Isthmus). */
const SET_L1_BLOCK_VALUES_ISTHMUS: Hex = '0x098999be'

export type L1Attributes = {
  /** L1 base fee, in wei. */
  l1BaseFee: bigint
  /** L1 blob base fee, in wei. */
  blobBaseFee: bigint
  /** Scaled by 1e6. */
  baseFeeScalar: number
  /** Scaled by 1e6. */
  blobBaseFeeScalar: number
}

/**
 * Sets the L1 attributes of a Hardhat OP Stack chain (`chainType: 'op'`), as the sequencer's
 * first transaction of each block does on a real rollup: what its `GasPriceOracle` reads and its
 * receipts' `l1Fee` is computed from. Hardhat starts them at zero scalars, so an L1 data fee
 * needs this first. Impersonates the depositor (Hardhat's `hardhat_impersonateAccount`).
 *
 * @example
 * await setL1Attributes(chain.client, { l1BaseFee: 20_000_000_000n, blobBaseFee: 3_000_000_000n, baseFeeScalar: 1368, blobBaseFeeScalar: 810949 })
 */
export async function setL1Attributes(
  client: Pick<PublicClient, 'getBlock' | 'waitForTransactionReceipt'> &
    Pick<TestClient, 'request'>,
  { l1BaseFee, blobBaseFee, baseFeeScalar, blobBaseFeeScalar }: L1Attributes,
): Promise<void> {
  // CAST (each request): Hardhat's methods are not in viem's public RPC schema.
  await client.request({ method: 'hardhat_impersonateAccount', params: [DEPOSITOR] } as never)
  await client.request({
    method: 'hardhat_setBalance',
    params: [DEPOSITOR, '0xde0b6b3a7640000'],
  } as never)
  const { number, timestamp } = await client.getBlock()
  const data = concat([
    SET_L1_BLOCK_VALUES_ISTHMUS,
    encodePacked(
      [
        'uint32',
        'uint32',
        'uint64',
        'uint64',
        'uint64',
        'uint256',
        'uint256',
        'bytes32',
        'bytes32',
        'uint32',
        'uint64',
      ],
      [
        baseFeeScalar,
        blobBaseFeeScalar,
        0n,
        timestamp,
        number,
        l1BaseFee,
        blobBaseFee,
        `0x${'00'.repeat(32)}`,
        `0x${'00'.repeat(32)}`,
        0,
        0n,
      ],
    ),
  ])
  const hash = await client.request({
    method: 'eth_sendTransaction',
    params: [{ from: DEPOSITOR, to: L1_BLOCK, data, gas: '0x30d40' }],
  } as never)
  // CAST: eth_sendTransaction answers the transaction's hash.
  const receipt = await client.waitForTransactionReceipt({ hash: hash as Hex })
  if (receipt.status !== 'success') throw new Error(`L1Block rejected the attributes (${hash})`)
  await client.request({ method: 'hardhat_stopImpersonatingAccount', params: [DEPOSITOR] } as never)
}

// The L1 data fee in quotes (PROTOCOL §9): the spec's vectors reproduced by the endpoint, the fee
// manager's role, and the formula checked against the GasPriceOracle predeploy of Hardhat's
// simulated OP Stack chain (`chainType: 'op'`), whose upper bound is the same cost function.
import { feesVectors, type L1FeeConfigVector } from '@ferry/spec'
import { network } from 'hardhat'
import { encodeFunctionData, parseAbi } from 'viem'
import { beforeEach, describe, expect, it } from 'vitest'
import { setL1Attributes } from '../../src/testing/setL1Attributes.ts'
import { expectRevert } from '../helpers/revert.ts'
import { storageReads } from '../helpers/storageReads.ts'
import { DOMAIN_A, DOMAIN_B, deployWorld, eventsIn, type World } from '../helpers/world.ts'

const l1Config = (config: L1FeeConfigVector) => ({
  ...config,
  l1BaseFee: BigInt(config.l1BaseFee),
  blobBaseFee: BigInt(config.blobBaseFee),
})

type QuoteVector = (typeof feesVectors.quote)[number]

const feeConfig = ({
  gasPrice,
  rate,
  baseFee,
  ...rest
}: QuoteVector['destination']['feeConfig']) => ({
  gasPrice: BigInt(gasPrice),
  rate: BigInt(rate),
  baseFee: BigInt(baseFee),
  ...rest,
})

/** A quote vector with a non-zero L1 data fee on the destination. */
const rollupVector = (() => {
  const vector = feesVectors.quote.find((v) => v.destination.l1FeeConfig.baseFeeScalar > 0)
  if (!vector) throw new Error('spec/vectors/fees.json: no quote vector with an L1 data fee')
  return vector
})()

describe('Endpoint L1 data fee', () => {
  let world: World

  beforeEach(async () => {
    world = await deployWorld()
  })

  it.each(feesVectors.l1DataFee)('reproduces the l1DataFee vector: $name', async (vector) => {
    const { endpoint } = world.a
    const account = world.feeManager.account
    // No gas part and a 1:1 rate: the quote is the L1 data fee alone.
    const feeConfig = {
      gasPrice: 0n,
      rate: 10n ** 18n,
      baseFee: 0n,
      gasOverhead: 0,
      gasPerByte: 0,
      maxGasLimit: 1,
    }
    await endpoint.write.setFeeConfig([DOMAIN_B, feeConfig], { account })
    await endpoint.write.setL1FeeConfig([DOMAIN_B, l1Config(vector.config)], { account })
    expect(await endpoint.read.quote([DOMAIN_B, BigInt(vector.bodyLength), 0, 0])).toBe(
      BigInt(vector.l1DataFee),
    )
  })

  it.each(feesVectors.quote)('reproduces the quote vector: $name', async (vector) => {
    const { endpoint } = world.a
    const account = world.feeManager.account
    for (const [domain, side] of [
      [DOMAIN_B, vector.destination],
      [DOMAIN_A, vector.local],
    ] as const) {
      await endpoint.write.setFeeConfig([domain, feeConfig(side.feeConfig)], { account })
      await endpoint.write.setL1FeeConfig([domain, l1Config(side.l1FeeConfig)], { account })
    }
    expect(
      await endpoint.read.quote([
        DOMAIN_B,
        BigInt(vector.bodyLength),
        vector.gasLimit,
        vector.ackGasLimit,
      ]),
    ).toBe(BigInt(vector.fee))
  })

  it('only the fee manager sets it; it is readable and announced', async () => {
    const { endpoint } = world.a
    const config = l1Config(feesVectors.quote[0]!.destination.l1FeeConfig)
    await expectRevert(
      endpoint.write.setL1FeeConfig([DOMAIN_B, config], { account: world.stranger.account }),
      'EndpointNotFeeManager',
      [world.stranger.account.address],
    )
    const receipt = await world.mined(
      endpoint.write.setL1FeeConfig([DOMAIN_B, config], { account: world.feeManager.account }),
    )
    expect(eventsIn(receipt, world.a, 'L1FeeConfigSet')[0]).toEqual({
      domain: DOMAIN_B,
      config,
    })
    expect(await endpoint.read.l1FeeConfig([DOMAIN_B])).toEqual(config)
  })
})

// The scalars live in the fee configuration's slot (README, "OP Stack destinations"): each
// setter must keep the other's fields, and a domain without an L1 data fee must not be read.
describe('Endpoint L1 data fee storage', () => {
  let world: World
  const quoteArgs = (vector: QuoteVector) =>
    [DOMAIN_B, BigInt(vector.bodyLength), vector.gasLimit, vector.ackGasLimit] as const

  beforeEach(async () => {
    world = await deployWorld()
  })

  it.each(feesVectors.quote)(
    'reproduces the quote vector with the L1 parameters set first: $name',
    async (vector) => {
      const { endpoint } = world.a
      const account = world.feeManager.account
      for (const [domain, side] of [
        [DOMAIN_B, vector.destination],
        [DOMAIN_A, vector.local],
      ] as const) {
        await endpoint.write.setL1FeeConfig([domain, l1Config(side.l1FeeConfig)], { account })
        await endpoint.write.setFeeConfig([domain, feeConfig(side.feeConfig)], { account })
        expect(await endpoint.read.l1FeeConfig([domain])).toEqual(l1Config(side.l1FeeConfig))
        expect(await endpoint.read.feeConfig([domain])).toEqual(feeConfig(side.feeConfig))
      }
      expect(await endpoint.read.quote(quoteArgs(vector))).toBe(BigInt(vector.fee))
    },
  )

  it('setL1FeeConfig keeps the fee configuration, setFeeConfig the L1 parameters', async () => {
    const { endpoint } = world.a
    const account = world.feeManager.account
    const { destination } = rollupVector
    await endpoint.write.setFeeConfig([DOMAIN_B, feeConfig(destination.feeConfig)], { account })
    await endpoint.write.setL1FeeConfig([DOMAIN_B, l1Config(destination.l1FeeConfig)], {
      account,
    })
    const changed = {
      ...feeConfig(destination.feeConfig),
      gasOverhead: 1,
      maxGasLimit: 2 ** 32 - 1,
    }
    await endpoint.write.setFeeConfig([DOMAIN_B, changed], { account })
    expect(await endpoint.read.feeConfig([DOMAIN_B])).toEqual(changed)
    expect(await endpoint.read.l1FeeConfig([DOMAIN_B])).toEqual(l1Config(destination.l1FeeConfig))
    // The widest scalars and size do not spill into the fee configuration's fields.
    const widest = {
      l1BaseFee: 2n ** 128n - 1n,
      blobBaseFee: 2n ** 128n - 1n,
      baseFeeScalar: 2 ** 32 - 1,
      blobBaseFeeScalar: 2 ** 32 - 1,
      overheadBytes: 2 ** 32 - 1,
    }
    await endpoint.write.setL1FeeConfig([DOMAIN_B, widest], { account })
    expect(await endpoint.read.feeConfig([DOMAIN_B])).toEqual(changed)
    expect(await endpoint.read.l1FeeConfig([DOMAIN_B])).toEqual(widest)
  })

  it('removeFeeConfig closes the domain but keeps its L1 parameters', async () => {
    const { endpoint } = world.a
    const account = world.feeManager.account
    const { destination, local } = rollupVector
    await endpoint.write.setFeeConfig([DOMAIN_A, feeConfig(local.feeConfig)], { account })
    await endpoint.write.setL1FeeConfig([DOMAIN_A, l1Config(local.l1FeeConfig)], { account })
    await endpoint.write.setFeeConfig([DOMAIN_B, feeConfig(destination.feeConfig)], { account })
    await endpoint.write.setL1FeeConfig([DOMAIN_B, l1Config(destination.l1FeeConfig)], {
      account,
    })
    await endpoint.write.removeFeeConfig([DOMAIN_B], { account })
    await expectRevert(endpoint.read.quote(quoteArgs(rollupVector)), 'EndpointUnknownDestination', [
      DOMAIN_B,
    ])
    expect(await endpoint.read.l1FeeConfig([DOMAIN_B])).toEqual(l1Config(destination.l1FeeConfig))
    await endpoint.write.setFeeConfig([DOMAIN_B, feeConfig(destination.feeConfig)], { account })
    expect(await endpoint.read.quote(quoteArgs(rollupVector))).toBe(BigInt(rollupVector.fee))
  })

  it('a quote reads no L1 parameters for a domain without an L1 data fee', async () => {
    const { endpoint } = world.a
    const account = world.feeManager.account
    const quoteReads = async (ackGasLimit: number) =>
      storageReads(world.publicClient, {
        to: endpoint.address,
        data: encodeFunctionData({
          abi: endpoint.abi,
          functionName: 'quote',
          args: [DOMAIN_B, 32n, 100_000, ackGasLimit],
        }),
      })
    const distinct = (reads: bigint[]) => [...new Set(reads)]
    // Both domains have a fee configuration (two slots each) and no L1 data fee.
    const plain = await quoteReads(0)
    const plainWithAck = await quoteReads(50_000)
    expect(distinct(plain)).toHaveLength(2)
    expect(distinct(plainWithAck)).toHaveLength(4)

    // Another domain's L1 data fee changes nothing on this route.
    await endpoint.write.setL1FeeConfig(
      [DOMAIN_A, l1Config(rollupVector.destination.l1FeeConfig)],
      {
        account,
      },
    )
    expect(await quoteReads(0)).toEqual(plain)

    // The destination's own does: its two slots of prices are read, and only then.
    await endpoint.write.setL1FeeConfig(
      [DOMAIN_B, l1Config(rollupVector.destination.l1FeeConfig)],
      {
        account,
      },
    )
    const rollup = distinct(await quoteReads(0))
    expect(rollup).toEqual(expect.arrayContaining(distinct(plain)))
    expect(rollup).toHaveLength(4)
    // Zero scalars turn the fee off and the reads with it, whatever prices stay set.
    await endpoint.write.setL1FeeConfig(
      [
        DOMAIN_B,
        {
          ...l1Config(rollupVector.destination.l1FeeConfig),
          baseFeeScalar: 0,
          blobBaseFeeScalar: 0,
        },
      ],
      { account },
    )
    expect(await quoteReads(0)).toEqual(plain)
  })

  it('costs a quote gas only for a destination with an L1 data fee: two reads and the formula', async () => {
    const { endpoint } = world.a
    const account = world.feeManager.account
    const rollupL1Config = l1Config(rollupVector.destination.l1FeeConfig)
    const quoteGas = () =>
      world.publicClient.estimateGas({
        to: endpoint.address,
        data: encodeFunctionData({
          abi: endpoint.abi,
          functionName: 'quote',
          args: [DOMAIN_B, 32n, 100_000, 0],
        }),
      })
    const plain = await quoteGas()
    await endpoint.write.setL1FeeConfig([DOMAIN_A, rollupL1Config], { account })
    expect(await quoteGas()).toBe(plain)
    await endpoint.write.setL1FeeConfig([DOMAIN_B, rollupL1Config], { account })
    // The prices' two cold slots (2 × 2,100) plus the formula: had the quote read one of them
    // for every destination, only one would be new here.
    expect((await quoteGas()) - plain).toBeGreaterThan(2n * 2_100n)
  })
})

describe('the L1 data fee against an OP Stack GasPriceOracle', () => {
  const GAS_PRICE_ORACLE = '0x420000000000000000000000000000000000000F'
  const oracleAbi = parseAbi([
    'function l1BaseFee() view returns (uint256)',
    'function blobBaseFee() view returns (uint256)',
    'function baseFeeScalar() view returns (uint32)',
    'function blobBaseFeeScalar() view returns (uint32)',
    'function getL1FeeUpperBound(uint256) view returns (uint256)',
  ])

  it('quotes what getL1FeeUpperBound charges for the same FastLZ size', async () => {
    const { viem } = await network.connect({ chainType: 'op' })
    const publicClient = await viem.getPublicClient()
    const [owner] = await viem.getWalletClients()
    if (!owner) throw new Error('no account')
    // L1 attributes as an OP mainnet block carries them.
    await setL1Attributes(publicClient, {
      l1BaseFee: 23_000_000_000n,
      blobBaseFee: 4_000_000_000n,
      baseFeeScalar: 1368,
      blobBaseFeeScalar: 810_949,
    })
    const read = <F extends 'l1BaseFee' | 'blobBaseFee' | 'baseFeeScalar' | 'blobBaseFeeScalar'>(
      functionName: F,
    ) => publicClient.readContract({ address: GAS_PRICE_ORACLE, abi: oracleAbi, functionName })
    const config = {
      l1BaseFee: await read('l1BaseFee'),
      blobBaseFee: await read('blobBaseFee'),
      baseFeeScalar: await read('baseFeeScalar'),
      blobBaseFeeScalar: await read('blobBaseFeeScalar'),
      overheadBytes: 0,
    }
    expect(config.l1BaseFee).toBe(23_000_000_000n)

    const endpoint = await viem.deployContract('Endpoint', [DOMAIN_A, owner.account.address])
    await endpoint.write.setFeeManager([owner.account.address])
    await endpoint.write.setFeeConfig([
      DOMAIN_B,
      {
        gasPrice: 0n,
        rate: 10n ** 18n,
        baseFee: 0n,
        gasOverhead: 0,
        gasPerByte: 0,
        maxGasLimit: 1,
      },
    ])
    // The oracle's upper bound for an s-byte transaction takes s + 68 bytes (the signature),
    // plus FastLZ's worst-case growth, as the size: the quote of an empty body whose overhead is
    // that size charges the same, the floor (s = 0) included.
    for (const s of [0n, 100n, 1_024n, 16_384n]) {
      const fastLzSize = s + 68n + (s + 68n) / 255n + 16n
      await endpoint.write.setL1FeeConfig([
        DOMAIN_B,
        { ...config, overheadBytes: Number(fastLzSize) },
      ])
      expect(await endpoint.read.quote([DOMAIN_B, 0n, 0, 0])).toBe(
        await publicClient.readContract({
          address: GAS_PRICE_ORACLE,
          abi: oracleAbi,
          functionName: 'getL1FeeUpperBound',
          args: [s],
        }),
      )
    }
  })
})

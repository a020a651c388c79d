import { account } from '@ferry/cosmwasm-bindings/harness'
import { evmAddressToBytes32 } from '@ferry/protocol'
import { beforeAll, describe, expect, test } from 'vitest'
import { feeConfig } from '../client/actions/feeConfig.js'
import { origin } from '../client/actions/origin.js'
import { quote } from '../client/actions/quote.js'
import { createEmbeddedChain, type EmbeddedChain } from '../embedded/createEmbeddedChain.js'
import { UnauthorizedError } from '../errors/admin.js'
import { connectOrigin } from './connectOrigin.js'
import { deployEndpoint } from './deployEndpoint.js'
import { setFeeConfigs } from './setFeeConfigs.js'

const OWNER = account(0x11)
const STRANGER = account(0x55)
const VALIDATORS = [
  '0xC0FFEE254729296a45a3885639AC7E10F9d54979',
  '0x0000000000000000000000000000000000000002',
  '0x9999999999999999999999999999999999999999',
  '0x000000000000000000000000000000000000000A',
] as const

describe('connectOrigin and setFeeConfigs', () => {
  let chain: EmbeddedChain
  let endpoint: string
  beforeAll(async () => {
    chain = createEmbeddedChain({ chainId: 'ferry-testing', bech32Prefix: 'wasm' })
    endpoint = await deployEndpoint(chain, { domain: 7001, owner: OWNER, denom: 'ustake' })
  })

  test('connectOrigin sets the origin with its validators in ascending order', async () => {
    const originEndpoint = evmAddressToBytes32('0x5FbDB2315678afecb367f032d93F642f64180aa3')
    await connectOrigin(chain, {
      endpoint,
      owner: OWNER,
      origin: 31337,
      originEndpoint,
      validators: VALIDATORS,
      threshold: 3,
    })
    expect(await origin(chain, { contract: endpoint, origin: 31337 })).toEqual({
      originEndpoint,
      validators: [
        '0x0000000000000000000000000000000000000002',
        '0x000000000000000000000000000000000000000a',
        '0x9999999999999999999999999999999999999999',
        '0xc0ffee254729296a45a3885639ac7e10f9d54979',
      ],
      threshold: 3,
    })
  })

  test('connectOrigin is the owner’s: anyone else is refused', async () => {
    await expect(
      connectOrigin(chain, {
        endpoint,
        owner: STRANGER,
        origin: 31338,
        originEndpoint: evmAddressToBytes32('0x5FbDB2315678afecb367f032d93F642f64180aa3'),
        validators: VALIDATORS,
        threshold: 2,
      }),
    ).rejects.toBeInstanceOf(UnauthorizedError)
  })

  test('setFeeConfigs sets the default config for every domain, or the one given', async () => {
    await setFeeConfigs(chain, { endpoint, feeManager: OWNER, domains: [31337, 7001] })
    const expected = {
      baseFee: 0n,
      gasPrice: 1n,
      rate: 10n ** 18n,
      gasOverhead: 50_000,
      gasPerByte: 16,
      maxGasLimit: 16_777_216,
    }
    for (const domain of [31337, 7001])
      expect(await feeConfig(chain, { contract: endpoint, domain })).toEqual(expected)
    // gas limit + overhead + body bytes × 16, and the same for the ack back to 7001, quoted at
    // the largest ack body (32-byte id, status, 1,024-byte result).
    const { fee } = await quote(chain, {
      contract: endpoint,
      destination: 31337,
      bodyLength: 10,
      gasLimit: 100_000,
      ackGasLimit: 20_000,
    })
    expect(fee).toBe(100_000n + 50_000n + 10n * 16n + (20_000n + 50_000n + 1_057n * 16n))

    const config = {
      baseFee: 7n,
      gasPrice: 0n,
      rate: 1n,
      gasOverhead: 0,
      gasPerByte: 0,
      maxGasLimit: 16_777_216,
    }
    await setFeeConfigs(chain, { endpoint, feeManager: OWNER, domains: [31338], config })
    expect(await feeConfig(chain, { contract: endpoint, domain: 31338 })).toEqual(config)
    expect(
      (
        await quote(chain, {
          contract: endpoint,
          destination: 31338,
          bodyLength: 10,
          gasLimit: 100_000,
        })
      ).fee,
    ).toBe(7n)
  })
})

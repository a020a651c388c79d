import type { Address } from 'viem'
import { expectTypeOf, test } from 'vitest'
import type { SignerConfig } from './fields.js'
import type { CosmwasmChainConfig, EvmChainConfig, FerryConfig, StoreConfig } from './schema.js'

test('amounts are bigint, addresses typed, defaults required', () => {
  expectTypeOf<EvmChainConfig['gas']['maxFeePerGas']>().toEqualTypeOf<bigint | undefined>()
  expectTypeOf<EvmChainConfig['gas']['bumpPercent']>().toEqualTypeOf<number>()
  expectTypeOf<EvmChainConfig['endpoint']>().toEqualTypeOf<Address>()
  expectTypeOf<EvmChainConfig['chainId']>().toEqualTypeOf<number>()
  expectTypeOf<CosmwasmChainConfig['endpoint']>().toEqualTypeOf<string>()
  expectTypeOf<NonNullable<FerryConfig['relayer']>['feePolicy']>().toEqualTypeOf<
    { kind: 'none' } | { kind: 'minimum'; minimumFee: Record<string, bigint> }
  >()
  expectTypeOf<NonNullable<FerryConfig['relayer']>['routes']>().toEqualTypeOf<
    'all' | { from: string; to: string }[]
  >()
  expectTypeOf<FerryConfig['store']>().toEqualTypeOf<StoreConfig>()
  expectTypeOf<NonNullable<FerryConfig['validator']>['signer']>().toEqualTypeOf<SignerConfig>()
  expectTypeOf<FerryConfig['log']['level']>().toEqualTypeOf<
    'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent'
  >()
})

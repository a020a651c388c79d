import { expectTypeOf, test } from 'vitest'
import { typeClient as client, typeId as id } from '../test/typeClient.js'
import { type AddFeeAmount, type AddFeeReturnType, addFee } from './addFee.js'

test('the amount is base units or what the relayer policy asks', () => {
  expectTypeOf<AddFeeAmount>().toEqualTypeOf<bigint | 'toPolicy'>()
  expectTypeOf(
    addFee(client, { id, chain: 'base', amount: 'toPolicy' }),
  ).resolves.toEqualTypeOf<AddFeeReturnType>()
  addFee(client, { message: '0x01', amount: 'toPolicy' })
  addFee(client, { id, chain: 7001, amount: 5n })
  // @ts-expect-error: no other word is an amount
  addFee(client, { id, chain: 'base', amount: 'max' })
  // @ts-expect-error: a number is not base units (bigint)
  addFee(client, { id, chain: 'base', amount: 5 })
})

test('the origin is one of the client’s chains, for every amount', () => {
  // @ts-expect-error: no chain 'polygon' in this client
  addFee(client, { id, chain: 'polygon', amount: 'toPolicy' })
  // @ts-expect-error: no chain 'polygon' in this client
  addFee(client, { id, chain: 'polygon', amount: 1n })
  // @ts-expect-error: an id needs its origin
  addFee(client, { id, amount: 'toPolicy' })
  // @ts-expect-error: a message or an id, not both
  addFee(client, { message: '0x01', id, chain: 'base', amount: 'toPolicy' })
})

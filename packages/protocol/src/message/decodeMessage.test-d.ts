import type { Hex } from 'viem'
import { expectTypeOf, test } from 'vitest'
import type { MessageStatus } from '../constants.js'
import { decodeAckBody } from './decodeAckBody.js'
import { decodeMessage } from './decodeMessage.js'
import { encodeMessage } from './encodeMessage.js'
import type { Message } from './types.js'

test('decodeMessage and encodeMessage are inverse in their types', () => {
  expectTypeOf(decodeMessage).parameter(0).toEqualTypeOf<Hex | Uint8Array>()
  expectTypeOf(decodeMessage).returns.toEqualTypeOf<Message>()
  expectTypeOf(encodeMessage).parameter(0).toEqualTypeOf<Message>()
  expectTypeOf(encodeMessage).returns.toEqualTypeOf<Hex>()
})

test('u64 fields are bigints, u32 fields numbers', () => {
  expectTypeOf<Message['nonce']>().toEqualTypeOf<bigint>()
  expectTypeOf<Message['deadline']>().toEqualTypeOf<bigint>()
  expectTypeOf<Message['gasLimit']>().toEqualTypeOf<number>()
})

test('decodeAckBody narrows the status', () => {
  expectTypeOf(decodeAckBody).returns.toHaveProperty('status').toEqualTypeOf<MessageStatus>()
  expectTypeOf<MessageStatus>().toEqualTypeOf<0 | 1 | 2 | 3>()
})

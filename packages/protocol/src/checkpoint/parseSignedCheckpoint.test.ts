import { describe, expect, test } from 'vitest'
import { parseSignedCheckpoint } from './parseSignedCheckpoint.js'

const answer = () => ({
  validator: `0x${'ab'.repeat(20)}`,
  checkpoint: {
    origin: 31337,
    originEndpoint: `0x${'11'.repeat(32)}`,
    root: `0x${'22'.repeat(32)}`,
    index: 7,
  },
  signature: `0x${'33'.repeat(65)}`,
})

describe('parseSignedCheckpoint', () => {
  test('a validator’s answer of the documented shape is read as it is', () => {
    expect(parseSignedCheckpoint(answer())).toEqual(answer())
  })

  test.each([
    ['not an object', () => 'signed'],
    ['no checkpoint', () => ({ ...answer(), checkpoint: undefined })],
    ['a validator that is no address', () => ({ ...answer(), validator: '0x1234' })],
    ['a signature of 64 bytes', () => ({ ...answer(), signature: `0x${'33'.repeat(64)}` })],
    [
      'a root that is no hex',
      () => ({ ...answer(), checkpoint: { ...answer().checkpoint, root: `0x${'zz'.repeat(32)}` } }),
    ],
    [
      'a negative index',
      () => ({ ...answer(), checkpoint: { ...answer().checkpoint, index: -1 } }),
    ],
    [
      'an origin above a u32',
      () => ({ ...answer(), checkpoint: { ...answer().checkpoint, origin: 2 ** 32 } }),
    ],
  ])('%s is no signed checkpoint', (_name, body) => {
    expect(parseSignedCheckpoint(body())).toBeUndefined()
  })
})

import { describe, expect, test } from 'vitest'
import { BaseError } from './base.js'

describe('BaseError', () => {
  test('message joins the short message, meta messages and details', () => {
    const error = new BaseError('Something failed.', {
      metaMessages: ['Field: x'],
      details: 'more',
    })
    expect(error.message).toBe('Something failed.\n\nField: x\n\nDetails: more')
    expect(error.shortMessage).toBe('Something failed.')
    expect(error.name).toBe('BaseError')
    expect(error.retryable).toBe(false)
  })

  test('retryable and name can be set', () => {
    const error = new BaseError('Timed out.', { retryable: true, name: 'TimeoutError' })
    expect(error.retryable).toBe(true)
    expect(error.name).toBe('TimeoutError')
  })

  test('details come from the cause', () => {
    const inner = new BaseError('inner', { details: 'root cause' })
    expect(new BaseError('outer', { cause: inner }).details).toBe('root cause')
    expect(new BaseError('outer', { cause: new Error('plain') }).details).toBe('plain')
  })

  test('walk finds the deepest cause, or the first matching one', () => {
    const root = new Error('root')
    const middle = new BaseError('middle', { cause: root })
    const top = new BaseError('top', { cause: middle })
    expect(top.walk()).toBe(root)
    expect(top.walk((error) => error instanceof BaseError && error.shortMessage === 'middle')).toBe(
      middle,
    )
    expect(top.walk(() => false)).toBeNull()
  })

  test('subclasses keep their own name', () => {
    class CustomError extends BaseError {
      override name = 'CustomError' as const
    }
    const error = new CustomError('x')
    expect(error).toBeInstanceOf(BaseError)
    expect(error.name).toBe('CustomError')
  })
})

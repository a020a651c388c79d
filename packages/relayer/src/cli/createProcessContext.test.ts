import { expect, test } from 'vitest'
import { createProcessContext } from './createProcessContext.js'

test('onSignal listens to SIGINT and SIGTERM until unsubscribed', () => {
  const context = createProcessContext('1.0.0')
  const before = { int: process.listenerCount('SIGINT'), term: process.listenerCount('SIGTERM') }
  const seen: string[] = []
  const unsubscribe = context.onSignal((signal) => seen.push(signal))
  // emit() runs the listeners without delivering a real signal to the test process.
  process.emit('SIGINT', 'SIGINT')
  process.emit('SIGTERM', 'SIGTERM')
  expect(seen).toEqual(['SIGINT', 'SIGTERM'])
  unsubscribe()
  expect(process.listenerCount('SIGINT')).toBe(before.int)
  expect(process.listenerCount('SIGTERM')).toBe(before.term)
  expect(context).toMatchObject({
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    version: '1.0.0',
  })
})

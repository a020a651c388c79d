// The validator's checkpoints are public: any page may read them (CORS), so a browser can gather
// signatures and self-relay when no relayer API answers.
import { expect, test } from 'vitest'
import type { Validator } from './createValidator.js'
import { createValidatorApp } from './createValidatorApp.js'

const validator = {
  address: '0x00000000000000000000000000000000000000aa',
  domain: 31337,
  finalCount: 0,
  getLatest: async () => undefined,
  getCheckpoint: async () => {
    throw new Error('not used')
  },
  // CAST: the app reads only these members of a validator.
} as unknown as Validator

test('any origin may read the checkpoints (GET), and nothing else', async () => {
  const app = createValidatorApp(validator)
  const answer = await app.request('/v1/checkpoints/latest', {
    headers: { origin: 'http://127.0.0.1:5173' },
  })
  expect(answer.status).toBe(404)
  expect(answer.headers.get('access-control-allow-origin')).toBe('*')
  const preflight = await app.request('/v1/checkpoints/3', {
    method: 'OPTIONS',
    headers: { origin: 'https://any.example', 'access-control-request-method': 'GET' },
  })
  expect(preflight.status).toBe(204)
  expect(preflight.headers.get('access-control-allow-methods')).toBe('GET,HEAD')
})

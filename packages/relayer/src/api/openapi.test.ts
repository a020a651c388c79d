// The committed OpenAPI document (`spec/api/openapi.json`, what the SDK's types are generated
// from) must be the one the API serves. `pnpm --filter @ferry/relayer openapi` rewrites it.
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { OPENAPI_PATH } from './createRelayerApi.js'
import { createTestApi, get, type TestApi } from './test/fixtures.js'

const committed = fileURLToPath(new URL('../../../../spec/api/openapi.json', import.meta.url))

let api: TestApi
beforeAll(async () => {
  api = await createTestApi()
}, 60_000)
afterAll(async () => {
  await api.close()
})

test('the served OpenAPI document is the committed spec/api/openapi.json', async () => {
  const served = `${JSON.stringify((await get(api.app, OPENAPI_PATH)).body, null, 2)}\n`
  if (process.env.FERRY_WRITE_OPENAPI === '1') writeFileSync(committed, served)
  expect(served, 'spec/api/openapi.json is stale: run `pnpm --filter @ferry/relayer openapi`').toBe(
    readFileSync(committed, 'utf8'),
  )
})

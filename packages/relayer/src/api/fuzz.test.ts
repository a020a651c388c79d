// Fuzzes the running API with schemathesis (from PyPI, pinned; installed by
// scripts/installSchemathesis.sh into .cache/): it reads /v1/openapi.json and sends generated
// valid and invalid requests to every operation, checking that no answer is a 5xx, that every
// answer's status, content type, headers and body match the document, and that invalid input is
// rejected. Bounded by a fixed number of examples per operation and a fixed seed (not by
// --max-time, which makes schemathesis repeat until the time is spent).
import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { MessageStatus } from '@ferry/protocol'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type Listening, listen } from '../service/listen.js'
import { generateApiKey, hashApiKey } from './auth/apiKeyText.js'
import { ackOf, createTestApi, sent, type TestApi } from './test/fixtures.js'

const run = promisify(execFile)
const root = fileURLToPath(new URL('../..', import.meta.url))
const schemathesis = join(root, '.cache/schemathesis/bin/schemathesis')

let api: TestApi
let served: Listening
let workDir: string
const monitoring = new AbortController()
const operateKey = generateApiKey()

beforeAll(async () => {
  await run('bash', [join(root, 'scripts/installSchemathesis.sh')], { timeout: 300_000 })
  api = await createTestApi({ rateLimit: { requestsPerSecond: 100_000, burst: 100_000 } })
  const messages = Array.from({ length: 20 }, (_, i) =>
    sent({ nonce: BigInt(i + 1), leafIndex: i }),
  )
  await api.store.insertMessages([
    ...messages,
    ackOf(messages[0]!, { status: MessageStatus.Executed, nonce: 1n, leafIndex: 0 }),
  ])
  await api.store.finalizeMessages(messages[0]!.origin, 15n, new Date())
  // An operate key, so the write routes are fuzzed past their 401 (operatorActions.test.ts covers keys).
  await api.store.createApiKey({ name: 'fuzz', scope: 'operate', keyHash: hashApiKey(operateKey) })
  // Keep the fake chains fresh so /readyz stays 200: a 503 there would be a real finding.
  void api.monitor.run(monitoring.signal)
  served = await listen(api.app, { host: '127.0.0.1', port: 0 })
  workDir = await mkdtemp(join(tmpdir(), 'ferry-fuzz-'))
  // A known id for the proof and simulation routes, which have no link from another answer to take one from:
  // without it every generated id is a 404, and the route's other answers go untested.
  await writeFile(
    join(workDir, 'schemathesis.toml'),
    [
      '[[operations]]',
      'include-path = "/v1/messages/{id}/proof"',
      `parameters = { "path.id" = "${messages[0]!.id}" }`,
      '',
      // The same for the simulation route (this API runs no simulations: 409, never a 5xx).
      '[[operations]]',
      'include-path = "/v1/messages/{id}/simulation"',
      `parameters = { "path.id" = "${messages[0]!.id}" }`,
      '',
      // And for the retry route (the message is not Failed: 409, never a 5xx).
      '[[operations]]',
      'include-path = "/v1/messages/{id}/retry"',
      `parameters = { "path.id" = "${messages[0]!.id}" }`,
      '',
    ].join('\n'),
  )
}, 320_000)

afterAll(async () => {
  monitoring.abort()
  await served?.close()
  await api?.close()
  if (workDir) await rm(workDir, { recursive: true, force: true })
})

describe('fuzzing the API with schemathesis', () => {
  test('no input yields a 5xx, and every answer matches the OpenAPI document', async () => {
    const args = [
      'run',
      `${served.url}/v1/openapi.json`,
      '--url',
      served.url,
      '--checks',
      'all',
      // Not applicable: auth is tested in operatorActions.test.ts, no resources created or deleted. `positive_data_acceptance`
      // expects every schema-valid request to succeed, but a cursor is an opaque token: a string
      // the schema allows is still refused (400 invalid_cursor) unless a page gave it out.
      '--exclude-checks',
      'ignored_auth,object_level_authorization,use_after_free,ensure_resource_availability,positive_data_acceptance',
      // An SSE stream never ends; events.test.ts and contract.test.ts cover it.
      '--exclude-path',
      '/v1/events',
      '--phases',
      'examples,coverage,fuzzing,stateful',
      '--max-examples',
      '200',
      '--seed',
      '20260101',
      '--workers',
      '2',
      '--request-timeout',
      '10',
      '--header',
      `Authorization: Bearer ${operateKey}`,
    ]
    const result = await run(schemathesis, args, {
      cwd: workDir,
      timeout: 90_000,
      maxBuffer: 32 << 20,
    }).then(
      ({ stdout }) => ({ code: 0, stdout }),
      (error: { code?: number; stdout?: string; stderr?: string }) => ({
        code: error.code ?? -1,
        stdout: `${error.stdout ?? ''}\n${error.stderr ?? ''}`,
      }),
    )
    expect(result.code, result.stdout.slice(-8_000)).toBe(0)
    expect(result.stdout).toMatch(/No issues found/)
  }, 120_000)
})

import { describe, expect, test } from 'vitest'
import { generateApiKey, hashApiKey } from '../api/auth/apiKeyText.js'
import { ApiKeyNameTakenError } from './errors.js'
import { useStoreBackends, useTestStore } from './test/backends.js'

const backends = useStoreBackends()

describe.each(backends)('API keys and audit log on $name', (backend) => {
  const store = useTestStore(backend)

  test('a key is found by its hash, marked used, and listed without it', async () => {
    const key = generateApiKey()
    const created = await store().createApiKey({
      name: 'ops',
      scope: 'operate',
      keyHash: hashApiKey(key),
    })
    expect(created).toMatchObject({
      name: 'ops',
      scope: 'operate',
      revokedAt: null,
      lastUsedAt: null,
    })
    const found = await store().useApiKey(hashApiKey(key))
    expect(found?.id).toBe(created.id)
    expect(Buffer.from(found?.keyHash ?? []).equals(Buffer.from(hashApiKey(key)))).toBe(true)
    const [listed] = await store().listApiKeys()
    expect(listed?.lastUsedAt).toBeInstanceOf(Date)
    expect(Object.keys(listed ?? {}).sort()).toEqual([
      'createdAt',
      'id',
      'lastUsedAt',
      'name',
      'revokedAt',
      'scope',
    ])
    expect(await store().useApiKey(hashApiKey(generateApiKey()))).toBeUndefined()
  })

  test('names are unique, revoked keys included', async () => {
    await store().createApiKey({ name: 'ci', scope: 'read', keyHash: hashApiKey(generateApiKey()) })
    await store().revokeApiKey('ci')
    await expect(
      store().createApiKey({ name: 'ci', scope: 'read', keyHash: hashApiKey(generateApiKey()) }),
    ).rejects.toBeInstanceOf(ApiKeyNameTakenError)
  })

  test('revokes by id or name once, and a revoked key is no longer marked used', async () => {
    const key = generateApiKey()
    const created = await store().createApiKey({
      name: '7',
      scope: 'read',
      keyHash: hashApiKey(key),
    })
    const other = await store().createApiKey({
      name: 'other',
      scope: 'read',
      keyHash: hashApiKey(generateApiKey()),
    })
    const revoked = await store().revokeApiKey(String(other.id))
    expect(revoked?.name).toBe('other')
    expect(revoked?.revokedAt).toBeInstanceOf(Date)
    expect((await store().revokeApiKey('other'))?.revokedAt).toEqual(revoked?.revokedAt)
    expect(await store().revokeApiKey('nobody')).toBeUndefined()
    await store().revokeApiKey(String(created.id))
    const used = await store().useApiKey(hashApiKey(key))
    expect(used?.id).toBe(created.id)
    expect(used?.revokedAt).toBeInstanceOf(Date)
    expect(used?.lastUsedAt).toBeNull()
  })

  test('the audit log lists entries newest first, page by page', async () => {
    const key = await store().createApiKey({
      name: 'ops',
      scope: 'operate',
      keyHash: hashApiKey(generateApiKey()),
    })
    for (const target of ['a', 'b', 'c']) {
      await store().recordAudit({
        keyId: key.id,
        keyName: key.name,
        action: 'message.retry',
        target,
        request: { gasLimit: '100000' },
      })
    }
    const first = await store().listAuditLog({ limit: 2 })
    expect(first.map((entry) => entry.target)).toEqual(['c', 'b'])
    expect(first[0]).toMatchObject({ keyName: 'ops', request: { gasLimit: '100000' } })
    const next = await store().listAuditLog({ limit: 2, before: first[1]?.id })
    expect(next.map((entry) => entry.target)).toEqual(['a'])
  })
})

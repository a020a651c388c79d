import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'

const spec = fileURLToPath(new URL('../vectors/', import.meta.url))
// The reference the spec's vectors were copied from: `shared/` beside the repository, present on
// the team's machines and in CI, absent in a clone elsewhere.
const shared = fileURLToPath(new URL('../../../shared/vectors/', import.meta.url))

describe('spec/vectors', () => {
  test('holds a byte-identical copy of every reference vector file, where the reference is here', () => {
    const files = existsSync(shared) ? readdirSync(shared) : []
    for (const file of files)
      expect(readFileSync(`${spec}${file}`), file).toEqual(readFileSync(`${shared}${file}`))
    // Without the reference, the copy must still hold the five files every implementation reads.
    const names = readdirSync(spec)
    for (const file of [
      'messages.json',
      'addresses.json',
      'merkle.json',
      'checkpoints.json',
      'fees.json',
    ])
      expect(names).toContain(file)
  })
})

import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { renderMerkleBranch } from '../../scripts/renderMerkleBranch.ts'

describe('MerkleBranch.sol', () => {
  it('is what scripts/renderMerkleBranch.ts generates (run `pnpm generate:merkle-branch`)', () => {
    const committed = readFileSync(
      new URL('../../contracts/libs/MerkleBranch.sol', import.meta.url),
      'utf8',
    )
    expect(committed).toBe(renderMerkleBranch())
  })
})

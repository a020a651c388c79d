// `pnpm generate:merkle-branch`: writes contracts/libs/MerkleBranch.sol (see renderMerkleBranch.ts).
import { writeFileSync } from 'node:fs'
import { renderMerkleBranch } from './renderMerkleBranch.ts'

writeFileSync(new URL('../contracts/libs/MerkleBranch.sol', import.meta.url), renderMerkleBranch())

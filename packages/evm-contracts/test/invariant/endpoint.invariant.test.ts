// Invariant test (fast-check model-based testing): random call sequences against two Endpoint +
// MultisigVerifier pairs on one EDR chain (domains 31337 and 31338), with several actors. Each
// command is predicted by the model in ./model.ts (PROTOCOL.md §4–§8), checked against the call
// (the same named revert, or exactly the predicted events), and followed by the invariants in
// ./checks.ts: each id delivered at most once; per-channel outbound nonces = sends; merkleCount =
// sends, acks included; inbound nonces never skip; validator sets change only by owner calls.
//
// Every run starts from one EVM snapshot (evm_revert), so runs are independent. A failure prints
// fast-check's seed and path; rerun with FERRY_FUZZ_SEED / FERRY_FUZZ_PATH (../fuzz/arbitraries.ts).
import fc from 'fast-check'
import { beforeAll, describe, it } from 'vitest'
import { replay } from '../fuzz/arbitraries.ts'
import { commands } from './commands.ts'
import { deploySystem, type Real, resetSystem } from './system.ts'

/**
 * Budget (measured on the 2-core machine): RUNS × up to MAX_COMMANDS commands, lengths spread
 * evenly (about 30 on average), so about 7,500 commands; each (its transaction, prediction and
 * full invariant check, which grows with the run's state) takes about 4 ms: about 30 s for the
 * file, half the 60 s it may take. Longer hunts (1,500 runs × ≤ 100 commands, 6 min) passed too.
 */
const RUNS = 250
const MAX_COMMANDS = 60

describe('endpoint invariants over random call sequences (model-based)', () => {
  let real: Real

  beforeAll(async () => {
    real = await deploySystem()
  })

  it(`send, deliver, deliverBatch, retry, timeout, addFee, time, failing recipients and validator-set changes keep every invariant (${RUNS} runs × ≤ ${MAX_COMMANDS} commands)`, async () => {
    await fc.assert(
      fc.asyncProperty(commands(real.pool.length, MAX_COMMANDS), async (sequence) => {
        await fc.asyncModelRun(async () => ({ model: await resetSystem(real), real }), sequence)
      }),
      { ...replay(), numRuns: RUNS },
    )
  })
})

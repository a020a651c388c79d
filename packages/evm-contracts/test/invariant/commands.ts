// The random command sequences of the invariant test.
import fc from 'fast-check'
import { hexBytes } from '../fuzz/arbitraries.ts'
import { Configure, SwitchRecipient, Wait } from './controlCommands.ts'
import { AddFee, Deliver, RetryOrTimeout, Send } from './messageCommands.ts'
import type { ProofKind, SideKey, Target } from './model.ts'

const side = () => fc.constantFrom<SideKey>('a', 'b')
/** Gas a retry adds to the message's own limit: mostly none or more, sometimes one too few. */
const retryExtraGas = () => fc.constantFrom(0, 0, 100_000, -1)

/** Random command sequences; weights favour sending and delivering. */
export const commands = (poolSize: number, maxCommands: number) =>
  fc.commands(
    [
      ...Array.from({ length: 4 }, () =>
        fc
          .tuple(
            side(),
            fc.constantFrom('app' as const, 'alice' as const, 'bob' as const),
            fc.constantFrom<Target>('app', 'app', 'reverting', 'reverting', 'eoa', 'foreign'),
            hexBytes(0, 64),
            fc.boolean(),
            fc.option(fc.integer({ min: 0, max: 40 })),
          )
          .map((args) => new Send(...args)),
      ),
      ...Array.from({ length: 4 }, () =>
        fc
          .tuple(
            side(),
            fc.integer({ min: 1, max: 4 }),
            fc.oneof(
              { weight: 3, arbitrary: fc.constant(null) },
              { weight: 1, arbitrary: fc.array(fc.nat(), { minLength: 1, maxLength: 4 }) },
            ),
            fc.boolean(),
            fc.oneof(
              { weight: 6, arbitrary: fc.constant<ProofKind>('valid') },
              fc.constantFrom<ProofKind>('short', 'stranger'),
            ),
          )
          .map((args) => new Deliver(...args)),
      ),
      fc
        .tuple(
          fc.constantFrom('retry' as const, 'timeout' as const),
          side(),
          fc.nat(),
          fc.boolean(),
          retryExtraGas(),
        )
        .map((args) => new RetryOrTimeout(...args)),
      fc
        .tuple(
          fc.constantFrom('retry' as const, 'timeout' as const),
          side(),
          fc.nat(),
          fc.constant(true),
          retryExtraGas(),
        )
        .map((args) => new RetryOrTimeout(...args)),
      fc
        .tuple(
          side(),
          fc.nat(),
          fc.constantFrom('sent' as const, 'sent' as const, 'ahead' as const, 'foreign' as const),
          fc.oneof(
            { weight: 4, arbitrary: fc.bigInt({ min: 1n, max: 10n ** 15n }) },
            fc.constant(0n),
          ),
        )
        .map((args) => new AddFee(...args)),
      fc.integer({ min: 1, max: 60 }).map((seconds) => new Wait(seconds)),
      fc.tuple(side(), fc.boolean()).map((args) => new SwitchRecipient(...args)),
      fc
        .tuple(
          side(),
          fc.constantFrom(
            'owner' as const,
            'owner' as const,
            'alice' as const,
            'stranger' as const,
          ),
          fc.option(
            fc
              .uniqueArray(fc.nat({ max: poolSize - 1 }), { minLength: 1, maxLength: poolSize })
              .map((v) => v.sort((x, y) => x - y)),
          ),
          fc.integer({ min: 0, max: poolSize + 1 }),
        )
        .map((args) => new Configure(...args)),
    ],
    // 'max': sequences of any length up to maxCommands, not fast-check's short default.
    { maxCommands, size: 'max' },
  )

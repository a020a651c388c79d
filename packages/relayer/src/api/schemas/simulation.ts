import { failureReasons } from '@ferry/protocol'
import { z } from '@hono/zod-openapi'
import { Decimal, HexString, integerParam } from './common.js'

const U32_MAX = 2 ** 32 - 1

/** `GET /v1/messages/{id}/simulation` query. */
export const SimulationQuery = z.strictObject({
  gasLimit: integerParam(
    1,
    U32_MAX,
    'Gas for the handler when the message is Failed and its retry is run (default: its own).',
  ).optional(),
  block: z
    .string()
    .regex(/^\d{1,20}$/, { error: 'must be a block number in decimal digits' })
    .transform(BigInt)
    .optional()
    .openapi({
      type: 'string',
      pattern: '^\\d{1,20}$',
      description:
        'Run on the state after this destination block (default: its head). A past delivery met the state after the block before its own.',
    }),
})

/** Every verdict: `would_succeed` or one of `@ferry/protocol`'s failure reasons. */
export const VERDICTS = ['would_succeed', ...Object.keys(failureReasons)] as [string, ...string[]]

const Revert = z
  .object({
    data: HexString.openapi({ description: 'The revert data, raw.' }),
    kind: z.enum(['error', 'panic', 'custom', 'empty', 'unknown']).openapi({
      description:
        '`error`: Error(string) (`message`); `panic`: Panic(uint256) (`code`, `description`); `custom`: a custom error found in Ferry’s or the recipient’s registered ABI (`name`, `args`); `empty`: no data; `unknown`: no ABI has its `selector`.',
    }),
    message: z.string().optional(),
    code: z.number().int().optional(),
    description: z.string().optional(),
    name: z.string().optional(),
    args: z
      .record(z.string(), z.unknown())
      .optional()
      .openapi({ description: 'By parameter name; integers as decimal strings.' }),
    selector: HexString.optional(),
  })
  .openapi('DecodedRevert')

/** What `GET /v1/messages/{id}/simulation` answers: the SDK's `DeliverySimulation` in JSON. */
export const DeliverySimulation = z
  .object({
    id: HexString,
    chain: z.string().openapi({ description: 'The destination chain’s name.' }),
    block: Decimal.openapi({
      description: 'The destination block whose state the run started from.',
    }),
    call: z.enum(['deliver', 'retry']),
    gasLimit: z.number().int().openapi({ description: 'Gas the handler was given.' }),
    verdict: z.enum(VERDICTS).openapi('Verdict', {
      description: '`would_succeed`, or the failure reason that stops the delivery.',
    }),
    description: z.string(),
    gasUsed: z
      .number()
      .int()
      .nullable()
      .openapi({ description: 'Gas the handler used, when called.' }),
    revert: Revert.nullable(),
    frame: z
      .object({
        contract: z.string(),
        selector: HexString,
        functionName: z.string().nullable(),
        depth: z
          .number()
          .int()
          .min(0)
          .openapi({ description: 'From the call to the endpoint (0).' }),
      })
      .nullable()
      .openapi({ description: 'Where in the call tree the failure started.' }),
    blockedBy: z
      .object({ nonce: Decimal })
      .nullable()
      .openapi({ description: '`nonce_out_of_order`: the nonce the channel waits for.' }),
    recovery: z
      .object({
        action: z.enum(['retryMessage', 'relayMessage', 'timeoutMessage']),
        gasLimit: z.number().int().optional(),
      })
      .nullable()
      .openapi({
        description:
          'What to do: `retryMessage` with the smallest gas limit that succeeds (`retry(message, gasLimit)` on the destination endpoint), `relayMessage`, `timeoutMessage`.',
      }),
  })
  .openapi('DeliverySimulation')

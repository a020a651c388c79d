import { z } from '@hono/zod-openapi'
import { STATUS_NAMES } from '../../events/types.js'
import {
  addressParam,
  cursorParam,
  Decimal,
  Domain,
  domainParam,
  Hex32,
  HexString,
  hex32Param,
  limitParam,
  page,
  Reason,
  STAGES,
  Stage,
  StatusName,
  Timestamp,
} from './common.js'

/** `GET /v1/messages` query: filters (all must match), then the page. */
export const ListMessagesQuery = z.strictObject({
  stage: z.enum(STAGES).optional().openapi({ description: 'Relayer stage.' }),
  status: z.enum(STATUS_NAMES).optional().openapi({ description: 'Destination status.' }),
  origin: domainParam('Origin domain.').optional(),
  destination: domainParam('Destination domain.').optional(),
  sender: addressParam('Sending app: bytes32, or a 20-byte EVM address.').optional(),
  recipient: addressParam('Receiving app: bytes32, or a 20-byte EVM address.').optional(),
  channel: hex32Param('Channel key.').optional(),
  originTxHash: hex32Param('Origin transaction hash.').optional(),
  cursor: cursorParam,
  limit: limitParam,
})

/** `GET /v1/messages/{id}` path. */
export const MessageIdParams = z.object({
  id: hex32Param('Message id (keccak256 of the message).'),
})

/** A message as lists show it. */
export const MessageSummary = z
  .object({
    id: Hex32,
    origin: Domain,
    destination: Domain,
    channel: Hex32,
    nonce: Decimal,
    leafIndex: z.number().int().min(0),
    sender: Hex32,
    recipient: Hex32,
    isAck: z.boolean(),
    ackRequested: z.boolean(),
    stage: Stage,
    status: StatusName,
    reason: Reason,
    attempts: z.number().int().min(0),
    sentAt: Timestamp.openapi({ description: 'When the relayer indexed it.' }),
    finalizedAt: Timestamp.nullable(),
    deliveredAt: Timestamp.nullable(),
    nextAttemptAt: Timestamp.nullable(),
    originTransactionHash: z.string(),
    transactionHash: z.string().nullable().openapi({
      description: 'Last delivery, retry or timeout transaction on the destination.',
    }),
  })
  .openapi('MessageSummary')

/** `GET /v1/messages`. */
export const MessagePage = page(MessageSummary).openapi('MessagePage')

const Attempt = z
  .object({
    seq: Decimal,
    at: Timestamp,
    reason: Reason,
    detail: z.string().nullable(),
    transactionHash: z.string().nullable(),
  })
  .openapi('Attempt')

/** `GET /v1/messages/{id}`: the summary, decoded fields, lifecycle and ack. */
export const MessageDetail = MessageSummary.extend({
  encoded: HexString,
  feePaid: Decimal.openapi({
    description:
      'What the message paid on its origin, in its native base units: the fee charged at send plus every top-up (0 when not read).',
  }),
  feeAdded: Decimal.openapi({
    description:
      'The sum of its fee top-ups (FeeAdded / ferry_fee_added, PROTOCOL §9), included in feePaid; each is a fee_added attempt.',
  }),
  underpaid: z
    .object({
      required: Decimal.openapi({
        description: "The relayer's minimum fee for the message's origin (its fee policy).",
      }),
      missing: Decimal.openapi({
        description:
          'required − feePaid (feePaid already counts top-ups), or 0 once a top-up covered it: what `addFee` should pay.',
      }),
    })
    .nullable()
    .openapi({
      description:
        "While the message waits with reason `underpaid`: what this relayer's fee policy asks of it and how much is missing, in the origin's native base units; null otherwise, and when the policy asks its origin for no fee.",
    }),
  result: HexString.nullable(),
  decoded: z
    .object({
      version: z.number().int(),
      flags: z.number().int(),
      deadline: Decimal.openapi({ description: 'Unix seconds on the destination; 0 = none.' }),
      gasLimit: z.number().int(),
      ackGasLimit: z.number().int(),
      body: HexString,
    })
    .nullable()
    .openapi({ description: 'The message decoded (PROTOCOL §3); null if it does not decode.' }),
  decodeError: z.string().nullable(),
  lifecycle: z.object({
    sent: z.object({
      at: Timestamp,
      blockNumber: Decimal,
      blockHash: z.string(),
      transactionHash: z.string(),
      leafIndex: z.number().int().min(0),
    }),
    finalized: z.object({ at: Timestamp }).nullable(),
    checkpoint: z.object({
      signers: z
        .array(
          z.object({ validator: z.string(), index: z.number().int().min(0), root: z.string() }),
        )
        .openapi({
          description:
            "Validators known to have signed a checkpoint covering this message (from this store's signed checkpoints; empty when unknown).",
        }),
    }),
    attempts: z.array(Attempt),
    delivered: z
      .object({
        at: Timestamp.nullable(),
        status: StatusName,
        result: HexString.nullable(),
        transactionHash: z.string().nullable(),
      })
      .nullable(),
  }),
  ack: z
    .object({ id: Hex32, stage: Stage, status: StatusName, deliveredAt: Timestamp.nullable() })
    .nullable()
    .openapi({ description: 'The ack this message produced, once indexed.' }),
  acknowledges: z
    .object({ originalId: Hex32, status: StatusName, result: HexString })
    .nullable()
    .openapi({ description: 'For an ack: the message it acknowledges and how that ended.' }),
}).openapi('MessageDetail')

/** `GET /v1/messages/{id}/proof`: what `deliver(message, proof)` needs (PROTOCOL §6, §7). */
export const MessageProof = z
  .object({
    id: Hex32,
    origin: Domain,
    destination: Domain,
    leafIndex: z.number().int().min(0),
    encoded: HexString.openapi({
      description: "The message, as sent: `deliver`'s first argument.",
    }),
    checkpoint: z
      .object({
        origin: Domain,
        originEndpoint: Hex32,
        root: Hex32,
        index: z.number().int().min(0),
      })
      .openapi({ description: 'The signed checkpoint the proof is against (PROTOCOL §5).' }),
    signers: z
      .array(z.string())
      .openapi({ description: 'The validators whose signatures the proof carries, ascending.' }),
    signatures: z.array(HexString).openapi({
      description: 'A threshold of signatures over the checkpoint, sorted by signer.',
    }),
    proof: HexString.openapi({ description: "`deliver`'s second argument (PROTOCOL §6)." }),
  })
  .openapi('MessageProof')

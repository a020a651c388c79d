import {
  createApiKey,
  findAuditByIdempotencyKey,
  listApiKeys,
  listAuditLog,
  recordAudit,
  revokeApiKey,
  useApiKey,
} from './apiKeys.js'
import { getAttempts, recordAttempts, updateMessages } from './attempts.js'
import { getSignedCheckpoint, latestSignedCheckpoint, saveSignedCheckpoint } from './checkpoints.js'
import { claimFailed, claimReady, getResumableSubmitted, releaseLeases } from './claims.js'
import { getBlocks, getCursor, pruneBlocks, recordBlocks, setCursor } from './cursors.js'
import { insertFeeTopUps, removeFeeTopUpsAbove } from './feeTopUps.js'
import { highestNonce, recordFinished, recordSigned, unfinished } from './journal.js'
import {
  countByStage,
  finalizeMessages,
  getLeaves,
  getMessage,
  getMessagesInStage,
  getPendingBlocks,
  insertMessages,
  orphanMessagesAbove,
} from './messages.js'
import { createQueries } from './queries.js'
import type { StoreDb } from './schema.js'
import type { RelayerStore } from './types.js'
import { getValidatorLeaves, saveValidatorLeaves } from './validatorLeaves.js'

/**
 * The `RelayerStore` over a migrated database: each method is the function of the same name in
 * this folder, given `db`. `close` destroys `db`.
 *
 * @example
 * ```ts
 * const store = createStore(db)
 * await store.insertMessages(messages)
 * ```
 */
export function createStore(db: StoreDb): RelayerStore {
  return {
    getCursor: (stream, domain) => getCursor(db, stream, domain),
    setCursor: (stream, cursor) => setCursor(db, stream, cursor),
    recordBlocks: (stream, blocks) => recordBlocks(db, stream, blocks),
    getBlocks: (stream, domain, below, limit) => getBlocks(db, stream, domain, below, limit),
    pruneBlocks: (stream, domain, above, keepFrom) =>
      pruneBlocks(db, stream, domain, above, keepFrom),

    insertMessages: (messages) => insertMessages(db, messages),
    orphanMessagesAbove: (origin, number) => orphanMessagesAbove(db, origin, number),
    getPendingBlocks: (origin, number) => getPendingBlocks(db, origin, number),
    finalizeMessages: (origin, number, at) => finalizeMessages(db, origin, number, at),
    insertFeeTopUps: (topUps) => insertFeeTopUps(db, topUps),
    removeFeeTopUpsAbove: (origin, number) => removeFeeTopUpsAbove(db, origin, number),
    getMessage: (id) => getMessage(db, id),
    getLeaves: (origin, from, to) => getLeaves(db, origin, from, to),
    claimReady: (params) => claimReady(db, params),
    claimFailed: (params) => claimFailed(db, params),
    releaseLeases: (owner) => releaseLeases(db, owner),
    getResumableSubmitted: (owner, now, limit) => getResumableSubmitted(db, { owner, now, limit }),
    updateMessages: (updates) => updateMessages(db, updates),
    getMessagesInStage: (stage, limit) => getMessagesInStage(db, stage, limit),
    recordAttempts: (attempts) => recordAttempts(db, attempts),
    getAttempts: (messageId) => getAttempts(db, messageId),
    countByStage: () => countByStage(db),

    saveValidatorLeaves: (validator, origin, leaves) =>
      saveValidatorLeaves(db, validator, origin, leaves),
    getValidatorLeaves: (validator, origin, from, to) =>
      getValidatorLeaves(db, validator, origin, from, to),

    saveSignedCheckpoint: (row) => saveSignedCheckpoint(db, row),
    getSignedCheckpoint: (validator, origin, index) =>
      getSignedCheckpoint(db, validator, origin, index),
    latestSignedCheckpoint: (validator, origin) => latestSignedCheckpoint(db, validator, origin),

    highestNonce: (domain, sender) => highestNonce(db, domain, sender),
    recordSigned: (entry) => recordSigned(db, entry),
    recordFinished: (transactionHash, state) => recordFinished(db, transactionHash, state),
    unfinished: (domain, sender) => unfinished(db, domain, sender),

    createApiKey: (key) => createApiKey(db, key),
    listApiKeys: () => listApiKeys(db),
    revokeApiKey: (idOrName) => revokeApiKey(db, idOrName),
    useApiKey: (keyHash) => useApiKey(db, keyHash),
    recordAudit: (entry) => recordAudit(db, entry),
    listAuditLog: (params) => listAuditLog(db, params),
    findAuditByIdempotencyKey: (keyId, idempotencyKey) =>
      findAuditByIdempotencyKey(db, keyId, idempotencyKey),

    ...createQueries(db),

    close: () => db.destroy(),
  }
}

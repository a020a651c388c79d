import type { Migration } from 'kysely/migration'
import { migration0001 } from './0001_initial.js'
import { migration0002 } from './0002_api_indexes.js'
import { migration0003 } from './0003_fee_top_ups.js'
import { migration0004 } from './0004_ack_of.js'
import { migration0005 } from './0005_api_keys.js'

/**
 * Every migration by name, applied in name order. Never edit or rename one that has shipped:
 * add the next (`0002_…`) instead.
 *
 * @example
 * ```ts
 * new Migrator({ db, provider: { getMigrations: async () => migrations } })
 * ```
 */
export const migrations: Record<string, Migration> = {
  '0001_initial': migration0001,
  '0002_api_indexes': migration0002,
  '0003_fee_top_ups': migration0003,
  '0004_ack_of': migration0004,
  '0005_api_keys': migration0005,
}

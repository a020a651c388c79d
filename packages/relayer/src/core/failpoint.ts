import { writeSync } from 'node:fs'

const names = ['after_signatures', 'after_broadcast', 'after_store_write'] as const

/** The places where a crash test may kill the relayer. */
export type FailpointName = (typeof names)[number]

/**
 * `FERRY_FAILPOINT`, read once at start: `name` (the first hit) or `name:N` (the N-th hit).
 * Unset in production, where every failpoint is one comparison.
 */
const armed = parse(process.env.FERRY_FAILPOINT)
let hits = 0

/**
 * A test hook, like TiKV's fail-rs: kills this process with SIGKILL when `FERRY_FAILPOINT` names
 * this failpoint (`after_broadcast`, or `after_broadcast:3` for its third hit), so a crash test
 * can stop the relayer at an exact step and check that a restart loses and doubles nothing.
 * Otherwise does nothing. Before dying it writes `ferry: failpoint <name> hit` to stderr, so the
 * test can tell where the process died.
 *
 * @example
 * const receipt = await destination.submit(call, options)
 * await store.updateMessages(outcomeUpdates(receipt, messages, policy, 'delivered'))
 * failpoint('after_store_write') // FERRY_FAILPOINT=after_store_write: dies here
 */
export function failpoint(name: FailpointName): void {
  if (armed === undefined || armed.name !== name || ++hits < armed.hit) return
  writeSync(2, `ferry: failpoint ${name} hit\n`)
  process.kill(process.pid, 'SIGKILL')
}

function parse(value: string | undefined): { name: string; hit: number } | undefined {
  if (value === undefined || value === '') return undefined
  const [name = '', hit = '1'] = value.split(':')
  // A typo must not leave a crash test running without its crash.
  if (!names.some((known) => known === name) || !/^[1-9]\d*$/.test(hit))
    throw new Error(
      `FERRY_FAILPOINT="${value}": expected <name> or <name>:<hit> (hit from 1), name one of ${names.join(', ')}.`,
    )
  return { name, hit: Number(hit) }
}

import type { Outcome } from './Chain.js'

/**
 * The events of `type` in an outcome (with or without the VM's `wasm-` prefix), each as a key →
 * value record; none when it failed.
 *
 * @example
 * const [sent] = eventsOf(out, 'ferry_message_sent')
 */
export function eventsOf(out: Outcome, type: string): Record<string, string>[] {
  if (!out.ok) return []
  return out.events
    .filter((e) => e.type === `wasm-${type}` || e.type === type)
    .map((e) => Object.fromEntries(e.attributes.map((a) => [a.key, a.value])))
}

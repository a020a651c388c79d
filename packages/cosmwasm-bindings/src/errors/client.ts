import { BaseError } from '@ferry/protocol'

/**
 * A `ferry_*` event lacks an attribute, or holds one in the wrong shape: the contract and this
 * client disagree about INTERFACE.md.
 *
 * @example
 * ```ts
 * parseEndpointEvents([{ type: 'wasm-ferry_message_sent', attributes: [] }])
 * // throws EndpointEventError { event: 'ferry_message_sent', attribute: 'id' }
 * ```
 */
export class EndpointEventError extends BaseError {
  override name = 'EndpointEventError' as const
  readonly event: string
  readonly attribute: string
  constructor({ event, attribute, value }: { event: string; attribute: string; value: unknown }) {
    super(`Event ${event} has no valid "${attribute}" attribute.`, {
      details: `found ${JSON.stringify(value)}`,
    })
    this.event = event
    this.attribute = attribute
  }
}

/**
 * An endpoint action was not told whom to execute as: neither its `sender` parameter nor the
 * executor's `sender` names an account.
 *
 * @example
 * ```ts
 * await pause(chain, { contract }) // throws MissingSenderError: pass { sender } or fromEmbeddedChain(chain, owner)
 * ```
 */
export class MissingSenderError extends BaseError {
  override name = 'MissingSenderError' as const
  readonly action: string
  constructor({ action }: { action: string }) {
    super(`No sender for ${action}: pass \`sender\` or use an executor with a default sender.`)
    this.action = action
  }
}

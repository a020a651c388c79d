import { createRequire } from 'node:module'
import {
  err,
  ok,
  ReplyOn,
  type SimulatorResult,
  type SubMsg,
  type WasmModuleInternals,
  wasmModulePrototype,
} from './internals.js'
import { toSubMsgResponse } from './subMsgResponse.js'

const require = createRequire(import.meta.url)
// The simulator's former reply data, for the messages toSubMsgResponse has no wasmd shape for.
const { wrapReplyResponse } = require('@oraichain/cw-simulate/dist/modules/wasm/wasm-util.js')

type Outcome = { events: unknown[]; data: string | null }

/**
 * Fix (d): a sub-message's `gas_limit` is enforced as wasmd's `DispatchSubmessages` does
 * (`dispatchMsgWithGasLimit`): below the gas remaining, the message runs with at most that much;
 * running out rolls it back, charges the whole limit and is a sub-message error ("SubMsg hit gas
 * limit: out of gas", which wasmd redacts to "codespace: sdk, code: 11"), not a failure of the
 * transaction; running out of the transaction's own gas unwinds the whole execution with no
 * reply on the way. The simulator ignored `gas_limit`. Without metering nothing is limited.
 *
 * Fix (e): `reply` gets what wasmd gives it: the sub-message's `payload` and a `SubMsgResponse`
 * (toSubMsgResponse); only the reply's data replaces the caller's.
 */
export function dispatchSubmessagesAsWasmd(): void {
  wasmModulePrototype.handleSubmsg = function (
    this: WasmModuleInternals,
    contract: string,
    message: SubMsg,
    traces: unknown[] = [],
  ): Promise<SimulatorResult> {
    return this.store.tx(async () => {
      const { id, msg, gas_limit, reply_on, payload } = message
      const result = await dispatchWithGasLimit(this, contract, msg, gas_limit, traces)
      const gas = this.chain.env?.data.gas_state
      if (gas && gas.externally_used_gas > gas.gas_limit)
        return result.err ? result : err('out of gas')
      const withPayload = payload ? { payload } : {}
      if (result.ok) {
        // CAST: a successful handleMsg carries the message's events and data.
        const outcome = result.val as Outcome
        if (reply_on !== ReplyOn.Success && reply_on !== ReplyOn.Always)
          return ok({ events: outcome.events, data: null })
        const response = toSubMsgResponse(msg, outcome, () => wrapReplyResponse(outcome).data)
        const reply = await this.reply(
          contract,
          { id, ...withPayload, result: { ok: response } },
          traces,
        )
        if (reply.err) return reply
        if (typeof reply.val === 'string') throw new Error(reply.val)
        // CAST: a successful reply carries its events and data.
        const replied = reply.val as Outcome
        return ok({ events: [...outcome.events, ...replied.events], data: replied.data })
      }
      const failure = String(result.val)
      // A panic in the contract aborts the whole execution, as on a chain.
      if (failure.startsWith('abort: panicked')) throw new Error(failure)
      if (reply_on !== ReplyOn.Error && reply_on !== ReplyOn.Always) return result
      const reply = await this.reply(
        contract,
        { id, ...withPayload, result: { error: failure } },
        traces,
      )
      if (reply.err) return reply
      // CAST: a successful reply carries its events and data.
      const replied = reply.val as Outcome
      return ok({ events: replied.events, data: replied.data })
    })
  }
}

async function dispatchWithGasLimit(
  wasm: WasmModuleInternals,
  contract: string,
  msg: SubMsg['msg'],
  gasLimit: SubMsg['gas_limit'],
  traces: unknown[],
): Promise<SimulatorResult> {
  const gas = wasm.chain.env?.data.gas_state
  const limit = gasLimit === null || gasLimit === undefined ? undefined : Number(gasLimit)
  if (!gas || limit === undefined || !(limit < gas.gas_limit - gas.externally_used_gas))
    return wasm.chain.handleMsg(contract, msg, traces)
  const outerLimit = gas.gas_limit
  const start = gas.externally_used_gas
  return wasm.store.tx(async () => {
    gas.gas_limit = start + limit
    let result: SimulatorResult
    try {
      result = await wasm.chain.handleMsg(contract, msg, traces)
    } finally {
      gas.gas_limit = outerLimit
    }
    if (gas.externally_used_gas > start + limit) {
      gas.externally_used_gas = start + limit
      return err('SubMsg hit gas limit: out of gas')
    }
    return result
  })
}

import type { SubMsg } from './internals.js'

export type SubMsgResponse = {
  events: unknown[]
  data: string | null
  msg_responses: { type_url: string; value: string }[]
}

function varint(value: number): number[] {
  const out: number[] = []
  let rest = value
  while (rest > 127) {
    out.push((rest % 128) | 128)
    rest = Math.floor(rest / 128)
  }
  out.push(rest)
  return out
}

/** Length-delimited protobuf fields in order; empty ones are left out, as proto3 does. */
function encodeFields(fields: readonly (readonly [number, Uint8Array])[]): Uint8Array {
  const out: number[] = []
  for (const [field, bytes] of fields)
    if (bytes.length > 0) out.push(...varint((field << 3) | 2), ...varint(bytes.length), ...bytes)
  return Uint8Array.from(out)
}

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64')

/**
 * Fix (e): the `SubMsgResponse` that wasmd (x/wasm/keeper/msg_dispatcher.go) passes to `reply`
 * for CosmWasm 2.x. `data` is the first SDK message's response (e.g.
 * `MsgExecuteContractResponse { bytes data = 1 }` for a wasm execute; absent when empty, as Go's
 * `omitempty`) and `msg_responses` lists the same responses as `Any`s. The simulator wrapped
 * every message's data in the instantiate-response shape and sent no `msg_responses`;
 * `legacyData` keeps that for the messages wasmd's shape is not known for here.
 */
export function toSubMsgResponse(
  msg: SubMsg['msg'],
  result: { events: unknown[]; data: string | null },
  legacyData: () => string | null,
): SubMsgResponse {
  const data = result.data ? Buffer.from(result.data, 'base64') : new Uint8Array(0)
  // CAST: a CosmosMsg is an object keyed by its kind; these are the kinds read here.
  const { wasm, bank } = msg as {
    wasm?: Record<string, unknown>
    bank?: Record<string, unknown>
  }
  let typeUrl: string
  let bytes: Uint8Array
  if (wasm && ('execute' in wasm || 'migrate' in wasm)) {
    typeUrl = `/cosmwasm.wasm.v1.${'execute' in wasm ? 'MsgExecuteContractResponse' : 'MsgMigrateContractResponse'}`
    bytes = encodeFields([[1, data]])
  } else if (wasm && ('instantiate' in wasm || 'instantiate2' in wasm)) {
    typeUrl = `/cosmwasm.wasm.v1.${'instantiate' in wasm ? 'MsgInstantiateContractResponse' : 'MsgInstantiateContract2Response'}`
    bytes = encodeFields([
      [1, new TextEncoder().encode(instantiatedAddress(result.events))],
      [2, data],
    ])
  } else if (bank && ('send' in bank || 'burn' in bank)) {
    typeUrl = `/cosmos.bank.v1beta1.${'send' in bank ? 'MsgSendResponse' : 'MsgBurnResponse'}`
    bytes = new Uint8Array(0)
  } else {
    return { events: result.events, data: legacyData(), msg_responses: [] }
  }
  return {
    events: result.events,
    data: bytes.length > 0 ? base64(bytes) : null,
    msg_responses: [{ type_url: typeUrl, value: base64(bytes) }],
  }
}

function instantiatedAddress(events: unknown[]): string {
  // CAST: the simulator's events are CosmosEvent objects.
  const instantiate = (
    events as { type: string; attributes: { key: string; value: string }[] }[]
  ).find(({ type }) => type === 'instantiate')
  return instantiate?.attributes.find(({ key }) => key === '_contract_address')?.value ?? ''
}

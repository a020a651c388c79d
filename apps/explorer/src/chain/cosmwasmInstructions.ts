import type { WaitAction } from '../lib/whyItWaits.ts'

export type CosmWasmInstructionsParameters = {
  action: WaitAction
  id: string
  /** The message as sent (hex). */
  encoded: string
  /** The CosmWasm chain's endpoint contract. */
  endpoint: string
  /** The chain the action happens on (the origin for add_fee), by name. */
  chain: string
  /** The chain's fee denom, for add_fee. */
  denom: string
  /** The fee missing (add_fee) in the denom's base units. */
  amount?: bigint | undefined
  /** Gas for a retry. */
  gasLimit?: number | undefined
}

/** Where an action must happen on a CosmWasm chain: the SDK call and the CLI command that do it. */
export type CosmWasmInstructions = { sdk: string; cli: string | undefined }

function base64(hex: string): string {
  const bytes = hex.slice(2).match(/../g) ?? []
  return btoa(String.fromCharCode(...bytes.map((byte) => Number.parseInt(byte, 16))))
}

/**
 * The exact SDK call and `wasmd` command for an action the page cannot sign (the browser wallet
 * signs EVM transactions only): the execute messages are the endpoint's (cosmwasm-bindings
 * INTERFACE.md). Self-relay has no one-line CLI form (it needs a proof), only the SDK call.
 *
 * @example
 * cosmWasmInstructions({ action: 'addFee', id, encoded, endpoint, chain: 'wasm', denom: 'ustake', amount: 5n })
 */
export function cosmWasmInstructions({
  action,
  id,
  encoded,
  endpoint,
  chain,
  denom,
  amount,
  gasLimit,
}: CosmWasmInstructionsParameters): CosmWasmInstructions {
  const execute = (msg: unknown, funds = '') =>
    `wasmd tx wasm execute ${endpoint} '${JSON.stringify(msg)}'${funds} --from <your key> --gas auto`
  switch (action) {
    case 'addFee':
      return {
        sdk: `await addFee(client, { id: '${id}', chain: '${chain}', amount: ${amount ?? 0n}n })`,
        cli: execute(
          { add_fee: { message: base64(encoded) } },
          ` --amount ${amount ?? 0n}${denom}`,
        ),
      }
    case 'retryMessage':
      return {
        sdk: `await retryMessage(client, { message: '${encoded}', gasLimit: ${gasLimit ?? 0} })`,
        cli: execute({ retry: { message: base64(encoded), gas_limit: gasLimit ?? 0 } }),
      }
    case 'timeoutMessage':
      return {
        sdk: `await timeoutMessage(client, { message: '${encoded}' })`,
        cli: execute({ timeout: { message: base64(encoded) } }),
      }
    case 'relayMessage':
      return { sdk: `await relayMessage(client, { id: '${id}' })`, cli: undefined }
  }
}

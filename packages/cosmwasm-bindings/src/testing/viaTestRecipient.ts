import type { CosmWasmExecutor } from '../client/types.js'

/**
 * An executor that runs every execute through the test recipient `app`'s `forward` (with the
 * same funds, which it passes on), so that the contract sees `app` as its sender; queries go
 * straight through. With it, the endpoint actions send as the app, and its acks come back to
 * the app's ack handler: the CosmWasm twin of the EVM `TestRecipient.sendVia`. The executing
 * account (the action's `sender`, or `executor.sender`) pays.
 *
 * @example
 * ```ts
 * const { id } = await send(viaTestRecipient(chain, app), {
 *   contract: endpoint,
 *   sender: alice, // pays the quoted fee
 *   destination: 31337,
 *   recipient: evmAddressToBytes32(evmApp),
 *   body: '0x6f6b3a6869', // "ok:hi"
 *   gasLimit: 100_000,
 *   ackGasLimit: 100_000,
 * })
 * ```
 */
export function viaTestRecipient(executor: CosmWasmExecutor, app: string): CosmWasmExecutor {
  return {
    sender: executor.sender,
    execute: (sender, contract, msg, funds) =>
      executor.execute(
        sender,
        app,
        { forward: { contract, msg: Buffer.from(JSON.stringify(msg), 'utf8').toString('base64') } },
        funds,
      ),
    query: (contract, msg) => executor.query(contract, msg),
  }
}

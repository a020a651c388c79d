import { storeCodeOnce } from './storeCodeOnce.js'
import type { CosmWasmDeployer } from './types.js'

export type InstantiateTestRecipientParameters = {
  /** The account that stores the code (the first time) and instantiates. */
  sender: string
  /** Default `ferry test recipient`. */
  label?: string | undefined
}

/** The test recipient's bech32 address. */
export type InstantiateTestRecipientReturnType = string

/**
 * Instantiates the package's test recipient (`test-recipient.wasm`, source
 * `contract/test/testRecipient.ts`) on an embedded chain or, through `deployerFromSigningClient`,
 * a node, storing its code the first time the deployer is used. It is an app for tests: its
 * handler acts on the body (`ok:<text>` returns `<text>`, `fail:<text>` fails with it, `flaky`
 * fails while `{"set_flaky":{"on":true}}`), it records every message and ack it handles (read
 * with {@link testRecipientHandled}), and it sends as itself through `forward` (see
 * {@link viaTestRecipient}).
 *
 * @example
 * ```ts
 * const app = await instantiateTestRecipient(chain, { sender: owner })
 * ```
 */
export async function instantiateTestRecipient(
  deployer: CosmWasmDeployer,
  { sender, label }: InstantiateTestRecipientParameters,
): Promise<InstantiateTestRecipientReturnType> {
  const codeId = await storeCodeOnce(deployer, sender, 'test-recipient')
  const { contractAddress } = await deployer.instantiate(
    sender,
    codeId,
    {},
    { label: label ?? 'ferry test recipient' },
  )
  return contractAddress
}

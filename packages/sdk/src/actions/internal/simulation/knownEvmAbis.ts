import {
  bridgedTokenAbi,
  collateralTokenBridgeAbi,
  endpointAbi,
  endpointAppAbi,
  ferryGatewayAbi,
  ferryReceiverAbi,
  interchainAccountAbi,
  interchainAccountFactoryAbi,
  interchainAccountRouterAbi,
  multisigVerifierAbi,
  pingPongAbi,
  syntheticTokenBridgeAbi,
} from '@ferry/evm-contracts'
import { type Abi, type Address, type Hex, toFunctionSelector } from 'viem'

/** ABIs an operator registers per recipient address, to decode what Ferry's own ABIs do not. */
export type RecipientAbis = Readonly<Record<Address, Abi>>

/**
 * The ABIs of every contract Ferry ships (the endpoint, its verifier, the app base, the
 * interchain accounts, the gateway and the token bridges): what a revert or a frame is decoded
 * against before an operator's own.
 */
const ferryAbis: readonly Abi[] = [
  endpointAbi,
  multisigVerifierAbi,
  endpointAppAbi,
  ferryReceiverAbi,
  interchainAccountRouterAbi,
  interchainAccountFactoryAbi,
  interchainAccountAbi,
  ferryGatewayAbi,
  collateralTokenBridgeAbi,
  syntheticTokenBridgeAbi,
  bridgedTokenAbi,
  pingPongAbi,
]

/**
 * One ABI of Ferry's contracts and every ABI registered for `recipients`: the operator's first,
 * so a recipient's own error wins a selector clash.
 */
export function decodingAbi(registered: RecipientAbis | undefined): Abi {
  return [...Object.values(registered ?? {}).flat(), ...ferryAbis.flat()]
}

/** The name of the function whose selector `input` starts with, from `abi`; undefined if none. */
export function functionNameOf(abi: Abi, input: Hex): string | undefined {
  const selector = input.slice(0, 10).toLowerCase()
  for (const item of abi)
    if (item.type === 'function' && toFunctionSelector(item) === selector) return item.name
  return undefined
}

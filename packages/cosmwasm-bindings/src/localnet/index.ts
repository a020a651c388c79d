// Entry point of `@ferry/cosmwasm-bindings/localnet`: a real wasmd chain on 127.0.0.1 for tests
// and the devnet (Node only: it runs the wasmd binary).

export { buildWasmd } from './buildWasmd.js'
export { WasmdUnavailableError } from './errors.js'
export {
  type StartWasmdLocalnetParameters,
  startWasmdLocalnet,
  type WasmdLocalnet,
  WasmdLocalnetError,
} from './startWasmdLocalnet.js'

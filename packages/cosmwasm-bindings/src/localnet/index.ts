// Entry point of `@ferry/cosmwasm-bindings/localnet`: a real wasmd chain on 127.0.0.1 for tests
// and the devnet (Node only: it runs the wasmd binary).
export {
  type StartWasmdLocalnetParameters,
  startWasmdLocalnet,
  type WasmdLocalnet,
  WasmdLocalnetError,
} from './startWasmdLocalnet.js'

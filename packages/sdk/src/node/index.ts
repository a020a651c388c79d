// Entry point of `@ferry/sdk/node`: what only Node can do (read files). Everything else is in
// `@ferry/sdk`, which runs in browsers too.
export {
  type LoadDevnetChainsParameters,
  loadDevnetChains,
} from './loadDevnetChains.js'

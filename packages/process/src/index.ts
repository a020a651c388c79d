// Entry point of `@ferry/process` (Node only): what the packages' local-node starters
// (`hardhat node`, wasmd, PostgreSQL) share to pick ports and stop their processes.
export { freePort, NoFreePortError } from './freePort.js'
export { stopChild } from './stopChild.js'

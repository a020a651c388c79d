// Entry point of `@ferry/devnet`: starting the whole system in-process, for the examples' tests
// and benches (`pnpm devnet` runs it as a script).

export type { DemoMessage } from './followMessages.js'
export { type DemoOutcome, runDevnetDemo } from './runDevnetDemo.js'
export { type Devnet, type StartDevnetParameters, startDevnet } from './startDevnet.js'

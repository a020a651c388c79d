/**
 * `pnpm demo`: the quick start's main job. Two local chains, an endpoint on each, a ping with a
 * real proof, the pong and the ack back. See src/runDemo.ts.
 */
import { runDemo } from '../dist/runDemo.js'

const started = performance.now()
await runDemo((line) => console.log(line))
console.log(`demo finished in ${((performance.now() - started) / 1000).toFixed(1)} s`)

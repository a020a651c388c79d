// A child process for the SIGKILL test: opens the file store at argv[2], commits `count` messages
// (argv[3]) in separate transactions plus a cursor, prints "committed", then idles until killed.
import { openStore } from '../openStore.js'
import { newMessage } from './fixtures.js'

const [dir, count] = process.argv.slice(2)
const store = await openStore(`file:${dir}`)
for (let leafIndex = 0; leafIndex < Number(count); leafIndex++)
  await store.insertMessages([newMessage({ nonce: BigInt(leafIndex + 1), leafIndex })])
await store.setCursor('relayer', { domain: 1, number: 42n, hash: '0x42' })
process.stdout.write('committed\n')
setInterval(() => {}, 60_000)

// A typed remote call's round trip on the devnet: starts it in-process (as `pnpm devnet` does:
// 500 ms blocks, confirmations, validators, the relayer), has a user on evm-a call the counter on
// evm-b through their interchain account with an ack requested (`callRemote`, ackGasLimit), and
// times each from the send transaction to the result back on the origin (the ack delivered to
// evm-a's router: `waitForMessage` until `acked`), in blocks of the origin and in milliseconds.
// `pnpm bench` here writes the median to packages/evm-contracts/bench/remote-calls.json
// (`roundTripMs`, `roundTripBlocks`) beside the gas figures; it lives here because the contracts
// package cannot import the devnet. Figures only: the machine is shared, nothing is asserted.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startDevnet } from '@ferry/devnet'
import { remoteCallTargetAbi } from '@ferry/evm-contracts'
import { callRemote, createFerryClient, devnetChains, waitForMessage } from '@ferry/sdk'
import { HARDHAT_KEYS } from '@ferry/testkit'
import { pino } from 'pino'
import { type Address, createPublicClient, http } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'

const CALLS = 10
const figuresFile = join(
  import.meta.dirname,
  '../../packages/evm-contracts/bench/remote-calls.json',
)

const devnet = await startDevnet({
  logger: pino({ level: 'warn' }, pino.destination(2)),
  apiPort: 0,
  dir: mkdtempSync(join(tmpdir(), 'ferry-remote-call-')),
})
try {
  const chains = devnetChains(devnet.file, { account: privateKeyToAccount(HARDHAT_KEYS[3]) })
  const client = createFerryClient(chains)
  const [a, b] = ['evm-a', 'evm-b'].map((name) => {
    const chain = devnet.file.chains.find((c) => c.name === name)
    if (chain?.kind !== 'evm') throw new Error(`no EVM chain ${name}`)
    return chain
  })
  if (!a || !b) throw new Error('the devnet has two EVM chains')
  // CAST: the devnet file lists each EVM chain's RemoteCallTarget by address.
  const counter = b.apps.remoteCallTarget as Address
  const origin = createPublicClient({ transport: http(a.rpcUrl) })

  const millis: number[] = []
  const blocks: bigint[] = []
  for (let i = 0; i < CALLS; i++) {
    const started = Date.now()
    const call = await callRemote(client, {
      from: 'evm-a',
      to: 'evm-b',
      calls: [
        { address: counter, abi: remoteCallTargetAbi, functionName: 'increment', args: [1n] },
      ],
      gasLimit: 500_000,
      ackGasLimit: 100_000,
    })
    const sentIn = (
      await origin.getTransactionReceipt({ hash: call.transactionHash as `0x${string}` })
    ).blockNumber
    await call.result({ timeoutMs: 60_000 })
    await waitForMessage(client, { id: call.id, until: 'acked', timeoutMs: 60_000 })
    millis.push(Date.now() - started)
    blocks.push((await origin.getBlockNumber({ cacheTime: 0 })) - sentIn)
  }
  const median = <value extends number | bigint>(values: value[]) =>
    [...values].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0))[Math.floor(values.length / 2)]
  const roundTripMs = median(millis) ?? null
  const roundTripBlocks = Number(median(blocks) ?? 0n)
  console.log(
    `callRemote EVM → EVM and its result back on the origin: ${roundTripMs} ms (p50 of ${CALLS}), ${roundTripBlocks} origin blocks, 500 ms blocks`,
  )
  const figures = JSON.parse(readFileSync(figuresFile, 'utf8')) as Record<string, unknown>
  writeFileSync(
    figuresFile,
    `${JSON.stringify({ ...figures, roundTripMs, roundTripBlocks }, null, 2)}\n`,
  )
} finally {
  await devnet.stop()
}

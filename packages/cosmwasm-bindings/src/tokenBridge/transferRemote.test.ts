import { FieldOutOfRangeError, InvalidAddressError, InvalidBech32Error } from '@ferry/protocol'
import { describe, expect, it } from 'vitest'
import type { CosmWasmExecutor, JsonObject } from '../client/types.js'
import { transferRemote } from './transferRemote.js'

/** An executor that records what it was asked to run and answers nothing else. */
function recorder() {
  const executed: { msg: JsonObject; funds: unknown }[] = []
  const executor: CosmWasmExecutor = {
    sender: 'wasm1sender',
    async execute(_sender, _contract, msg, funds) {
      executed.push({ msg, funds })
      throw new Error('not a chain')
    },
    query: async () => {
      throw new Error('not a chain')
    },
  }
  return { executor, executed }
}

describe('transferRemote', () => {
  const base = { contract: 'wasm1bridge', destination: 31337, amount: 5n, funds: [] }

  it('sends the recipient as 32 bytes, whichever form it was given in', async () => {
    const { executor, executed } = recorder()
    const forms = [
      '0x00000000000000000000000070997970C51812dc3A010C7d01b50e0d17dc79C8',
      '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
    ]
    for (const recipient of forms)
      await expect(transferRemote(executor, { ...base, recipient })).rejects.toThrow()
    await expect(
      transferRemote(executor, {
        ...base,
        recipient: 'wasm144ghy6hpwxqvunppx3vtn2vg6q5wqugne74v85',
      }),
    ).rejects.toThrow()
    expect(executed.map(({ msg }) => msg)).toEqual([
      ...forms.map(() => ({
        transfer_remote: {
          destination: 31337,
          recipient: '0x00000000000000000000000070997970c51812dc3a010c7d01b50e0d17dc79c8',
          amount: '5',
        },
      })),
      {
        transfer_remote: {
          destination: 31337,
          recipient: '0x000000000000000000000000ad51726ae17180ce4c213458b9a988d028e07113',
          amount: '5',
        },
      },
    ])
  })

  it('refuses a bad recipient or amount before executing anything', async () => {
    const { executor, executed } = recorder()
    await expect(transferRemote(executor, { ...base, recipient: '0x1234' })).rejects.toBeInstanceOf(
      InvalidAddressError,
    )
    await expect(
      transferRemote(executor, { ...base, recipient: 'wasm1nope' }),
    ).rejects.toBeInstanceOf(InvalidBech32Error)
    await expect(
      transferRemote(executor, {
        ...base,
        recipient: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
        amount: 2n ** 128n,
      }),
    ).rejects.toBeInstanceOf(FieldOutOfRangeError)
    expect(executed).toEqual([])
  })
})

import { account } from '@ferry/cosmwasm-bindings/harness'
import { beforeAll, describe, expect, test } from 'vitest'
import { config } from '../client/actions/config.js'
import { createEmbeddedChain, type EmbeddedChain } from '../embedded/createEmbeddedChain.js'
import { deployEndpoint } from './deployEndpoint.js'
import { instantiateTestRecipient } from './instantiateTestRecipient.js'
import { testRecipientHandled } from './testRecipientHandled.js'

const OWNER = account(0x11)
const OTHER = account(0x44)

/** The code id `address` was instantiated from. */
const codeIdOf = (chain: EmbeddedChain, address: string) =>
  chain.app.wasm.getContractInfo(address)?.codeId

describe('deployEndpoint', () => {
  let chain: EmbeddedChain
  beforeAll(async () => {
    chain = createEmbeddedChain({ chainId: 'ferry-testing', bech32Prefix: 'wasm' })
  })

  test('instantiates an endpoint for the domain, owned by the owner, fees in the denom', async () => {
    const endpoint = await deployEndpoint(chain, { domain: 7001, owner: OWNER, denom: 'ustake' })
    expect(await config(chain, { contract: endpoint })).toEqual({
      localDomain: 7001,
      denom: 'ustake',
      owner: OWNER,
      pendingOwner: null,
      feeManager: OWNER,
      feeCollector: OWNER,
      paused: false,
    })
  })

  test('stores the code once per chain; another chain stores its own', async () => {
    const first = await deployEndpoint(chain, { domain: 7002, owner: OWNER, denom: 'ustake' })
    const second = await deployEndpoint(chain, { domain: 7003, owner: OTHER, denom: 'uatom' })
    expect(first).not.toBe(second)
    expect(codeIdOf(chain, second)).toBe(codeIdOf(chain, first))
    expect((await config(chain, { contract: second })).owner).toBe(OTHER)

    const other = createEmbeddedChain({ chainId: 'ferry-testing-2', bech32Prefix: 'wasm' })
    const elsewhere = await deployEndpoint(other, { domain: 7001, owner: OWNER, denom: 'ustake' })
    expect((await config(other, { contract: elsewhere })).localDomain).toBe(7001)
  })

  test('instantiateTestRecipient: a fresh test recipient that has handled nothing', async () => {
    const [a, b] = [
      await instantiateTestRecipient(chain, { sender: OWNER }),
      await instantiateTestRecipient(chain, { sender: OTHER, label: 'second' }),
    ]
    expect(a).not.toBe(b)
    expect(codeIdOf(chain, a)).toBe(codeIdOf(chain, b))
    expect(codeIdOf(chain, a)).not.toBe(
      codeIdOf(chain, await deployEndpoint(chain, { domain: 1, owner: OWNER, denom: 'ustake' })),
    )
    expect(await testRecipientHandled(chain, { app: a })).toEqual({ count: 0, last: '' })
  })
})

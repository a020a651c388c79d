// The endpoint on a real wasmd chain: the production path, cosmjs's
// SigningCosmWasmClient over the node's RPC, with the typed client on top. wasmd runs its own
// static checks on the upload, then executes the contract in its wasmvm.
import { readFileSync } from 'node:fs'
import { SigningCosmWasmClient } from '@cosmjs/cosmwasm-stargate'
import { DirectSecp256k1HdWallet } from '@cosmjs/proto-signing'
import { GasPrice } from '@cosmjs/stargate'
import type { Hex } from '@ferry/cosmwasm-bindings'
import {
  createEndpointClient,
  type EndpointClient,
  FeeTooLowError,
  fromSigningClient,
  GasLimitTooHighError,
  MessageNotSentError,
  NonpayableError,
  parseEndpointError,
} from '@ferry/cosmwasm-bindings'
import { wasmPath } from '@ferry/cosmwasm-bindings/harness'
import { decodeMessage, encodeMessage, getMessageId, MerkleTree } from '@ferry/protocol'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startWasmdLocalnet, type WasmdLocalnet } from '../../src/nodes/startWasmdLocalnet.ts'

const EVM_DOMAIN = 31337
const fees = {
  baseFee: 1_000n,
  gasPrice: 2n,
  rate: 10n ** 18n,
  gasOverhead: 50_000,
  gasPerByte: 16,
  maxGasLimit: 16_777_216,
}
const recipient = `0x${'00'.repeat(12)}${'ab'.repeat(20)}` as const

describe('the endpoint on a wasmd localnet', () => {
  let chain: WasmdLocalnet
  let client: SigningCosmWasmClient
  let sender: string
  let contract: string
  let endpoint: EndpointClient
  let message: Hex = '0x'

  beforeAll(async () => {
    const wallet = await DirectSecp256k1HdWallet.generate(12, { prefix: 'wasm' })
    const [account] = await wallet.getAccounts()
    sender = account!.address
    chain = await startWasmdLocalnet({ accounts: [sender] })
    client = await SigningCosmWasmClient.connectWithSigner(chain.rpcUrl, wallet, {
      gasPrice: GasPrice.fromString(`0${chain.denom}`),
      // cosmjs polls for inclusion every 3 s by default; blocks here come every 200 ms.
      broadcastPollIntervalMs: 100,
    })
    // The first run builds wasmd (tools/wasmd/build.sh): minutes on a fresh machine, then cached.
  }, 900_000)

  afterAll(async () => {
    client?.disconnect()
    await chain?.stop()
  })

  it('accepts the upload (wasmd static checks) and instantiates', async () => {
    const { codeId } = await client.upload(sender, readFileSync(wasmPath('endpoint')), 'auto')
    ;({ contractAddress: contract } = await client.instantiate(
      sender,
      codeId,
      { local_domain: 7001, owner: sender, denom: chain.denom },
      'ferry endpoint',
      'auto',
    ))
    endpoint = createEndpointClient(fromSigningClient(client, sender, { fee: 1.5 }), contract)
    expect(await endpoint.config()).toMatchObject({
      localDomain: 7001,
      owner: sender,
      paused: false,
    })
  })

  it('sends with a fee, refunds the excess and grows the tree', async () => {
    await endpoint.setFeeConfig({ domain: EVM_DOMAIN, config: fees })
    const { fee } = await endpoint.quote({
      destination: EVM_DOMAIN,
      bodyLength: 4,
      gasLimit: 100_000,
    })
    const before = BigInt((await client.getBalance(sender, chain.denom)).amount)
    const sent = await endpoint.send({
      destination: EVM_DOMAIN,
      recipient,
      body: '0x70696e67',
      gasLimit: 100_000,
      fee: { amount: fee + 777n, denom: chain.denom },
    })
    const after = BigInt((await client.getBalance(sender, chain.denom)).amount)
    expect(before - after).toBe(fee) // gas is free here (0stake), so only the fee left
    expect(BigInt((await client.getBalance(contract, chain.denom)).amount)).toBe(fee)
    expect(sent.nonce).toBe(1n)
    expect(await endpoint.merkleRoot()).toBe(new MerkleTree([sent.id]).root())
    message = sent.message
  })

  it('tops up a sent message: add_fee keeps the funds and emits ferry_fee_added (§9)', async () => {
    const before = BigInt((await client.getBalance(contract, chain.denom)).amount)
    const added = await endpoint.addFee({ message, fee: { amount: 4_321n, denom: chain.denom } })
    expect(added).toMatchObject({ id: getMessageId(message), amount: 4_321n })
    expect(BigInt((await client.getBalance(contract, chain.denom)).amount)).toBe(before + 4_321n)
    const never = encodeMessage({ ...decodeMessage(message), nonce: 9n })
    await expect(
      endpoint.addFee({ message: never, fee: { amount: 1n, denom: chain.denom } }),
    ).rejects.toBeInstanceOf(MessageNotSentError)
  })

  it('refuses funds on a message that takes none (NonpayableError), through the node', async () => {
    const error = await client
      .execute(sender, contract, { pause: {} }, 'auto', '', [{ denom: chain.denom, amount: '1' }])
      .catch((e: unknown) => parseEndpointError(e))
    expect(error).toBeInstanceOf(NonpayableError)
    expect(error).toMatchObject({ action: 'pause', funds: `1${chain.denom}` })
    expect((await endpoint.config()).paused).toBe(false)
  })

  it('refuses a gas limit above the destination’s maxGasLimit (GasLimitTooHighError)', async () => {
    await expect(
      endpoint.quote({ destination: EVM_DOMAIN, bodyLength: 0, gasLimit: fees.maxGasLimit + 1 }),
    ).rejects.toBeInstanceOf(GasLimitTooHighError)
  })

  it('rejects a fee below the quote with FeeTooLowError, through the node', async () => {
    await expect(
      endpoint.send({
        destination: EVM_DOMAIN,
        recipient,
        body: '0x',
        gasLimit: 100_000,
        fee: { amount: 1n, denom: chain.denom },
      }),
    ).rejects.toBeInstanceOf(FeeTooLowError)
  })
})

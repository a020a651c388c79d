import { expect, test } from 'vitest'
import { cosmWasmInstructions } from './cosmwasmInstructions.ts'

const common = {
  id: `0x${'ab'.repeat(32)}`,
  encoded: '0x0102ff',
  endpoint: 'wasm1endpoint',
  chain: 'wasm',
  denom: 'ustake',
}

test('add_fee pays the missing amount in the denom, with the message in base64', () => {
  const { sdk, cli } = cosmWasmInstructions({ ...common, action: 'addFee', amount: 42n })
  expect(sdk).toBe(`await addFee(client, { id: '${common.id}', chain: 'wasm', amount: 42n })`)
  expect(cli).toBe(
    `wasmd tx wasm execute wasm1endpoint '{"add_fee":{"message":"AQL/"}}' --amount 42ustake --from <your key> --gas auto`,
  )
})

test('retry and timeout name the endpoint execute messages; self-relay is an SDK call only', () => {
  expect(
    cosmWasmInstructions({ ...common, action: 'retryMessage', gasLimit: 600_000 }).cli,
  ).toContain(`'{"retry":{"message":"AQL/","gas_limit":600000}}'`)
  expect(cosmWasmInstructions({ ...common, action: 'timeoutMessage' }).cli).toContain(
    `'{"timeout":{"message":"AQL/"}}'`,
  )
  expect(cosmWasmInstructions({ ...common, action: 'relayMessage' })).toEqual({
    sdk: `await relayMessage(client, { id: '${common.id}' })`,
    cli: undefined,
  })
})

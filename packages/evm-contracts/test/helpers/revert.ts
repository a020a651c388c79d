// Asserts reverts by custom error name and arguments, decoding the revert data against the
// errors of every contract in the package: errors raised by a nested call (the verifier under
// the endpoint, a recipient under a handler call) are not in the called contract's ABI.
import hre from 'hardhat'
import { type Abi, decodeErrorResult, type Hex, isHex } from 'viem'
import { expect } from 'vitest'

const CONTRACTS = [
  'Endpoint',
  'MultisigVerifier',
  'PingPong',
  'TestMulticall',
  'RevertingRecipient',
  'MerkleTree',
  'ValidatorSetStore',
  'InterchainAccountRouter',
  'InterchainAccount',
  'InterchainAccountFactory',
  'RemoteCallCodec',
  'RemoteCallTarget',
  'RemoteCallerApp',
  'FerryGateway',
  'TestERC7786Recipient',
  'OzBridgeERC20',
  'OzERC20Crosschain',
  'CrosschainRemoteExecutor',
  'OzGovernorCrosschain',
  'CollateralTokenBridge',
  'SyntheticTokenBridge',
  'BridgedToken',
  'HashedTimelock',
]

let errorsAbi: Abi | undefined

/** Every error of the package's contracts (and their OpenZeppelin parents). */
export async function allErrors(): Promise<Abi> {
  if (errorsAbi) return errorsAbi
  const items = new Map<string, Abi[number]>()
  for (const name of CONTRACTS) {
    const { abi } = await hre.artifacts.readArtifact(name)
    // CAST: artifact ABIs are viem ABIs.
    for (const item of abi as Abi) if (item.type === 'error') items.set(item.name, item)
  }
  errorsAbi = [...items.values()]
  return errorsAbi
}

/** The revert data carried by a viem error (its first `raw` or hex `data` down the cause chain). */
export function revertData(error: unknown): Hex | undefined {
  let current: unknown = error
  while (current && typeof current === 'object') {
    // CAST: probing optional fields of viem's error classes.
    const { raw, data, cause } = current as { raw?: unknown; data?: unknown; cause?: unknown }
    if (isHex(raw)) return raw
    if (isHex(data)) return data
    current = cause
  }
  return undefined
}

/** Decodes revert data into an error name and arguments. */
export async function decodeRevert(
  data: Hex,
): Promise<{ errorName: string; args: readonly unknown[] }> {
  const { errorName, args } = decodeErrorResult({ abi: await allErrors(), data })
  return { errorName, args: args ?? [] }
}

/**
 * Awaits `action` and asserts that it reverted with `errorName` and, when given, exactly `args`.
 * Returns the decoded arguments for further checks.
 */
export async function expectRevert(
  action: Promise<unknown>,
  errorName: string,
  args?: readonly unknown[],
): Promise<readonly unknown[]> {
  let error: unknown
  try {
    await action
  } catch (caught) {
    error = caught
  }
  expect(error, `expected a revert with ${errorName}`).toBeDefined()
  const data = revertData(error)
  expect(data, `no revert data in ${String(error)}`).toBeDefined()
  // CAST: checked just above.
  const decoded = await decodeRevert(data as Hex)
  expect(decoded.errorName).toBe(errorName)
  if (args) expect(normalize(decoded.args)).toEqual(normalize(args))
  return decoded.args
}

/** Lower-cases hex strings (addresses come back checksummed), recursively. */
function normalize(value: unknown): unknown {
  if (typeof value === 'string' && isHex(value)) return value.toLowerCase()
  if (Array.isArray(value)) return value.map(normalize)
  return value
}

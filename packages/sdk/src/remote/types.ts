import type {
  AbiStateMutability,
  Address,
  MulticallContracts,
  MulticallResults,
  Narrow,
} from 'viem'

/**
 * A call list for an EVM destination, typed from each call's ABI as viem's `multicall` types
 * its `contracts`: `{ address, abi, functionName, args, value? }` per call, where the function
 * name, its arguments and, for a read, its mutability are checked at compile time.
 */
export type EvmRemoteCalls<
  calls extends readonly unknown[],
  mutability extends AbiStateMutability = AbiStateMutability,
> = MulticallContracts<Narrow<calls>, { mutability: mutability; properties: { value?: bigint } }>

/** The typed results of `calls`, in order: each function's return type (a tuple for several). */
export type EvmRemoteResults<
  calls extends readonly unknown[],
  mutability extends AbiStateMutability = AbiStateMutability,
> = MulticallResults<Narrow<calls>, false, { mutability: mutability }>

/** Any one call of an EVM call list, as the encoder reads it. */
export type AnyEvmRemoteCall = {
  address: Address
  abi: readonly unknown[]
  functionName: string
  args?: readonly unknown[] | undefined
  value?: bigint | undefined
}

import { type Abi, decodeErrorResult, type Hex, size, slice } from 'viem'

/** What the compiler's `Panic(uint256)` codes mean (Solidity documentation, "Panic via assert"). */
const PANIC_CODES: Readonly<Record<number, string>> = {
  0: 'generic compiler panic',
  1: 'assert(false)',
  17: 'arithmetic overflow or underflow',
  18: 'division or modulo by zero',
  33: 'conversion to an enum out of range',
  34: 'incorrectly encoded storage byte array',
  49: 'pop() on an empty array',
  50: 'array index out of bounds',
  65: 'too much memory allocated',
  81: 'call to a zero-initialized function variable',
}

/**
 * Revert data, decoded: a `require` message (`Error(string)`), a `Panic(uint256)` with what its
 * code means, a custom error found in the ABIs given (name and named arguments), nothing at all
 * (`empty`: a bare `revert()`, a missing function, an `INVALID` opcode), or data no ABI given
 * knows (`unknown`, with its 4-byte selector to look up).
 */
export type DecodedRevert = { data: Hex } & (
  | { kind: 'error'; message: string }
  | { kind: 'panic'; code: number; description: string }
  | { kind: 'custom'; name: string; args: Record<string, unknown> }
  | { kind: 'empty' }
  | { kind: 'unknown'; selector: Hex }
)

/**
 * Decodes `data` against `abi`'s errors (and Solidity's own `Error` and `Panic`).
 *
 * @example
 * decodeEvmRevert('0x4e487b71…12', []) // { kind: 'panic', code: 0x12, description: 'division or modulo by zero' }
 */
export function decodeEvmRevert(data: Hex, abi: Abi): DecodedRevert {
  if (size(data) === 0) return { data, kind: 'empty' }
  let decoded: { errorName: string; args?: readonly unknown[] | undefined; abiItem: Abi[number] }
  try {
    decoded = decodeErrorResult({ abi, data })
  } catch {
    return { data, kind: 'unknown', selector: size(data) >= 4 ? slice(data, 0, 4) : data }
  }
  const { errorName, args = [], abiItem } = decoded
  if (errorName === 'Error') return { data, kind: 'error', message: String(args[0]) }
  if (errorName === 'Panic') {
    const code = Number(args[0])
    const description = PANIC_CODES[code] ?? 'unknown panic code'
    return { data, kind: 'panic', code, description }
  }
  const names = 'inputs' in abiItem ? abiItem.inputs.map((input, i) => input.name || `${i}`) : []
  return {
    data,
    kind: 'custom',
    name: errorName,
    args: Object.fromEntries(args.map((value, i) => [names[i] ?? `${i}`, value])),
  }
}

import { BaseError } from './base.js'

/**
 * A remote-call body is shorter than its 34-byte header (version, kind, owner).
 *
 * @example
 * ```ts
 * decodeRemoteCallBody('0x0101') // throws RemoteCallBodyTooShortError { length: 2, min: 34 }
 * ```
 */
export class RemoteCallBodyTooShortError extends BaseError {
  override name = 'RemoteCallBodyTooShortError' as const
  readonly length: number
  readonly min: number
  constructor({ length, min }: { length: number; min: number }) {
    super(`Remote-call body is ${length} bytes; its header alone is ${min}.`)
    this.length = length
    this.min = min
  }
}

/**
 * A remote-call body has a version or kind this codec does not know (version 1; kinds 1 call,
 * 2 read).
 *
 * @example
 * ```ts
 * decodeRemoteCallBody(`0x0203${'00'.repeat(32)}`) // throws UnknownRemoteCallFormatError { field: 'version', value: 2 }
 * ```
 */
export class UnknownRemoteCallFormatError extends BaseError {
  override name = 'UnknownRemoteCallFormatError' as const
  readonly field: 'version' | 'kind'
  readonly value: number
  constructor({ field, value }: { field: 'version' | 'kind'; value: number }) {
    super(`Remote-call ${field} ${value} is not one this codec knows.`)
    this.field = field
    this.value = value
  }
}

/**
 * Remote-call results do not decode as `abi.encode(bytes[])`: a handler that is not an
 * interchain-account router, or results cut at the protocol's 1,024-byte result limit (§7).
 *
 * @example
 * ```ts
 * decodeRemoteResults('0x01') // throws InvalidRemoteResultsError
 * ```
 */
export class InvalidRemoteResultsError extends BaseError {
  override name = 'InvalidRemoteResultsError' as const
  readonly length: number
  constructor({ length, cause }: { length: number; cause?: unknown }) {
    super(
      `Remote-call results (${length} bytes) are not abi.encode(bytes[]).${
        length >= 1_024
          ? ' Results are kept up to 1,024 bytes (PROTOCOL §7): return less per call.'
          : ''
      }`,
      { cause: cause instanceof Error ? cause : undefined },
    )
    this.length = length
  }
}

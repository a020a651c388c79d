import type { FeeConfig } from '@ferry/cosmwasm-bindings'
import { endpointAbi } from '@ferry/evm-contracts'
import { type Hex, size } from 'viem'
import type { RpcError } from '../chains/errors.js'
import type { ChainRef, FerryClient } from '../client/createFerryClient.js'
import type { FerryChain } from '../client/defineFerryChain.js'
import type { EndpointRevertedError } from '../errors/EndpointRevertedError.js'
import type { UnknownChainError } from '../errors/UnknownChainError.js'
import { toEvmEndpointRevertedError } from './internal/toEvmEndpointRevertedError.js'

/** How long a quote is taken to hold by default: a minute after the block it was read at. */
const DEFAULT_VALID_FOR_SECONDS = 60n
/** Body bytes an ack is priced at: the longest ack body, `32 + 1 + 1,024` (PROTOCOL §9). */
const ACK_BODY_QUOTE_LENGTH = 1_057n
const RATE_SCALE = 10n ** 18n

export type QuoteParameters<chains extends readonly FerryChain[] = readonly FerryChain[]> = {
  /** The origin chain (name or domain): the fee is paid there, in its native token. */
  from: ChainRef<chains>
  /** The destination chain (name or domain). */
  to: ChainRef<chains>
  /** Gas the recipient's handler is given at least. */
  gasLimit: number
  /** Gas for the ack's handler back on the origin; 0 (the default) requests no ack. */
  ackGasLimit?: number | undefined
  /** How long the quote is taken to hold after the block it was read at, in seconds. Default 60. */
  validFor?: bigint | undefined
} & (
  | { /** The body's length in bytes. */ bodySize: number; body?: undefined }
  | {
      /** The body itself; only its length is priced. */ body: Hex | Uint8Array
      bodySize?: undefined
    }
)

/** The fee's parts, as the origin endpoint's fee configuration computes them (PROTOCOL §9). */
export type QuoteBreakdown = {
  /** The destination's flat `baseFee`. */
  baseFee: bigint
  /** `(gasLimit + overhead + gasPerByte × bodySize) × gasPrice × rate / 1e18` of the destination. */
  gasFee: bigint
  /** The ack's delivery back to the origin, priced with the origin's own configuration; 0n without an ack. */
  ackFee: bigint
  /** The origin endpoint's fee configuration for the destination. */
  feeConfig: FeeConfig
  /** The origin endpoint's configuration for its own domain (what prices acks); undefined without an ack. */
  ackFeeConfig: FeeConfig | undefined
}

export type QuoteReturnType = {
  /** What `send` charges, in the origin's native base units (wei; the CosmWasm endpoint's denom). */
  fee: bigint
  /** The CosmWasm endpoint's fee denom (`uosmo`); undefined on EVM, where the fee is in wei. */
  denom: string | undefined
  breakdown: QuoteBreakdown
  /** The origin block the quote and the configuration were both read at. */
  block: { number: bigint; timestamp: bigint }
  /**
   * Unix seconds until which the SDK takes the quote to hold: the block's time plus `validFor`.
   * Advisory: a fee manager may change the configuration in any block, so pass `maxFee` to
   * `send` to be safe against a rise.
   */
  validUntil: bigint
}

/** What `quote` reads from the origin endpoint, of either kind, before it breaks the fee down. */
export type EndpointQuote = {
  fee: bigint
  denom: string | undefined
  feeConfig: FeeConfig
  ackFeeConfig: FeeConfig | undefined
  block: { number: bigint; timestamp: bigint }
}

export type QuoteErrorType = UnknownChainError | EndpointRevertedError | RpcError

/**
 * What sending a message from `from` to `to` costs, from the origin endpoint's `quote` and its fee
 * configuration, both read at the same block (PROTOCOL §9). `breakdown` splits the fee into the
 * base fee, the handler's gas and the ack's delivery. A destination the origin has no fee config
 * for, or a gas limit above its maximum, throws `EndpointRevertedError` (`unknown_destination`,
 * `gas_limit_too_high`).
 *
 * @example
 * const { fee, validUntil } = await quote(client, {
 *   from: 'base',
 *   to: 'osmosis',
 *   body: '0x68656c6c6f',
 *   gasLimit: 200_000,
 * })
 */
export async function quote<const chains extends readonly FerryChain[]>(
  client: FerryClient<chains>,
  parameters: QuoteParameters<chains>,
): Promise<QuoteReturnType> {
  const origin: FerryChain = client.chain(parameters.from)
  const destination: FerryChain = client.chain(parameters.to)
  const { gasLimit, ackGasLimit = 0, validFor = DEFAULT_VALID_FOR_SECONDS } = parameters
  const bodySize =
    parameters.body === undefined
      ? parameters.bodySize
      : typeof parameters.body === 'string'
        ? size(parameters.body)
        : parameters.body.length

  let read: EndpointQuote
  if (origin.kind === 'evm') {
    try {
      const reader = client.reader(origin)
      const block = await reader.getHead()
      const at = { address: origin.endpoint, abi: endpointAbi, blockNumber: block.number }
      const configOf = (domain: number) =>
        reader.client.readContract({ ...at, functionName: 'feeConfig', args: [domain] })
      const [fee, feeConfig, ackFeeConfig] = await Promise.all([
        reader.client.readContract({
          ...at,
          functionName: 'quote',
          args: [destination.domain, BigInt(bodySize), gasLimit, ackGasLimit],
        }),
        configOf(destination.domain),
        ackGasLimit === 0 ? undefined : configOf(origin.domain),
      ])
      read = { fee, denom: undefined, feeConfig, ackFeeConfig, block }
    } catch (error) {
      throw toEvmEndpointRevertedError(origin.name, error)
    }
  } else {
    // Loaded here so that an app on EVM chains alone never loads the CosmWasm bindings.
    const { quoteOnCosmWasm } = await import('./internal/cosmwasm/quoteOnCosmWasm.js')
    read = await quoteOnCosmWasm(client, origin, {
      destination: destination.domain,
      bodySize,
      gasLimit,
      ackGasLimit,
    })
  }

  const { fee, denom, feeConfig, ackFeeConfig, block } = read
  return {
    fee,
    denom,
    breakdown: {
      baseFee: feeConfig.baseFee,
      gasFee: gasCost(feeConfig, BigInt(gasLimit), BigInt(bodySize)),
      ackFee:
        ackFeeConfig === undefined
          ? 0n
          : gasCost(ackFeeConfig, BigInt(ackGasLimit), ACK_BODY_QUOTE_LENGTH),
      feeConfig,
      ackFeeConfig,
    },
    block: { number: block.number, timestamp: block.timestamp },
    validUntil: block.timestamp + validFor,
  }
}

/** `(gas + overhead + bodySize × gasPerByte) × gasPrice × rate / 1e18`, as both endpoints compute it. */
function gasCost(config: FeeConfig, gas: bigint, bodySize: bigint): bigint {
  const units = gas + BigInt(config.gasOverhead) + bodySize * BigInt(config.gasPerByte)
  return (units * config.gasPrice * config.rate) / RATE_SCALE
}

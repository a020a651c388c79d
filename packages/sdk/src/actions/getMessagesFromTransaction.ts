import { TransactionReceiptNotFoundError } from 'viem'
import type { RpcError } from '../chains/errors.js'
import type { SentMessageEvent } from '../chains/types.js'
import type { ChainOf, ChainRef, FerryClient } from '../client/createFerryClient.js'
import type { FerryChain } from '../client/defineFerryChain.js'
import { TransactionNotFoundError } from '../errors/TransactionNotFoundError.js'
import type { UnknownChainError } from '../errors/UnknownChainError.js'
import { parseEvmReceipt } from './internal/parseEvmReceipt.js'
import type { TransactionHashOf } from './send.js'

export type GetMessagesFromTransactionParameters<
  chains extends readonly FerryChain[] = readonly FerryChain[],
  chain extends ChainRef<chains> = ChainRef<chains>,
> = {
  /** The chain the transaction ran on (name or domain): the messages' origin. */
  chain: chain
  transactionHash: TransactionHashOf<ChainOf<chains, chain>>
}

/** A message the transaction sent, as its origin endpoint emitted it, with its origin's name. */
export type SentMessage = SentMessageEvent & { chain: string }

export type GetMessagesFromTransactionReturnType = SentMessage[]

export type GetMessagesFromTransactionErrorType =
  | UnknownChainError
  | TransactionNotFoundError
  | RpcError

/**
 * Every Ferry message a transaction sent through the chain's endpoint, in leaf order: id,
 * decoded message, encoded bytes, leaf index and block. For a transaction an app made (a
 * contract that sends from its own logic) or one `send` made elsewhere. EVM: the receipt's
 * `MessageSent` logs of the endpoint; CosmWasm: the transaction's `ferry_message_sent` events
 * from the chain's source. A transaction the chain does not know throws
 * `TransactionNotFoundError` (retryable: it may not be included yet); one that sent nothing
 * returns `[]`.
 *
 * @example
 * const [sent] = await getMessagesFromTransaction(client, { chain: 'base', transactionHash: hash })
 * console.log(sent.id, sent.message.nonce)
 */
export async function getMessagesFromTransaction<
  const chains extends readonly FerryChain[],
  chain extends ChainRef<chains>,
>(
  client: FerryClient<chains>,
  { chain: ref, transactionHash }: GetMessagesFromTransactionParameters<chains, chain>,
): Promise<GetMessagesFromTransactionReturnType> {
  const chain: FerryChain = client.chain(ref)
  const notFound = (cause?: Error) =>
    new TransactionNotFoundError({ chain: chain.name, transactionHash, cause })
  let sent: SentMessageEvent[]
  if (chain.kind === 'evm') {
    const reader = client.reader(chain)
    try {
      // CAST: an EVM chain's transaction hashes are 0x hex (TransactionHashOf).
      const hash = transactionHash as `0x${string}`
      sent = parseEvmReceipt(
        await reader.client.getTransactionReceipt({ hash }),
        chain.endpoint,
      ).sent
    } catch (error) {
      if (error instanceof TransactionReceiptNotFoundError) throw notFound(error)
      throw error
    }
  } else {
    // Loaded here so that an app on EVM chains alone never loads the CosmWasm bindings.
    const { toSentMessageEvents } = await import('../chains/cosmwasm/toSentMessageEvents.js')
    const { source, contract } = client.reader(chain)
    const transaction = await source.getTransaction(transactionHash)
    if (transaction === undefined) throw notFound()
    sent = toSentMessageEvents([transaction], contract)
  }
  return sent.map((event) => ({ ...event, chain: chain.name }))
}

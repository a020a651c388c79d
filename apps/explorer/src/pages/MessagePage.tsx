import { MessageFlags } from '@ferry/protocol'
import { useQuery } from '@tanstack/react-query'
import { type ReactNode, useState } from 'react'
import type { Hex } from 'viem'
import {
  ApiUnreachableError,
  useChainName,
  useChains,
  useChannel,
  useMessage,
  useValidators,
} from '../api/queries.ts'
import type { MessageDetail } from '../api/types.ts'
import { type ActionSent, ActionSentNotice, ActionsPanel } from '../components/ActionsPanel.tsx'
import { MessageBody } from '../components/MessageBody.tsx'
import { Fields } from '../components/MessageFields.tsx'
import { MessageTimeline } from '../components/MessageTimeline.tsx'
import { RouteLabel } from '../components/Route.tsx'
import { StatusBadge } from '../components/StatusBadge.tsx'
import { WhyItWaitsPanel } from '../components/WhyItWaitsPanel.tsx'
import { useExplorer } from '../context.tsx'
import { chainStateSentence } from '../lib/chainStateSentence.ts'
import { describeTransfer } from '../lib/describeTransfer.ts'
import { remoteCallDestination } from '../lib/remoteCallDestination.ts'
import { whyItWaits } from '../lib/whyItWaits.ts'
import { Link } from '../router.tsx'

/**
 * One message: its status and why it waits, the action that fixes it, its fields, its body and
 * its lifecycle. From the relayer API when it knows the message; otherwise (never seen, or the
 * API is down) from the chains through the SDK, marked as such.
 */
export function MessagePage({ id }: { id: string }) {
  const valid = /^0x[0-9a-fA-F]{64}$/.test(id)
  const message = useMessage(id.toLowerCase(), { enabled: valid })
  if (!valid)
    return (
      <div role="alert" className="notice">
        <h1>Not a message id</h1>
        <p>A message id is 0x followed by 64 hex digits.</p>
      </div>
    )
  if (message.isPending) return <p>Loading…</p>
  if (message.data) return <ApiMessage detail={message.data} />
  // CAST: checked by the pattern above.
  return (
    <ChainMessage
      id={id.toLowerCase() as Hex}
      apiDown={message.error instanceof ApiUnreachableError}
    />
  )
}

function ApiMessage({ detail }: { detail: MessageDetail }) {
  const { config } = useExplorer()
  const [sent, setSent] = useState<ActionSent>()
  const chainName = useChainName()
  const chains = useChains()
  const validators = useValidators()
  const channel = useChannel(detail.reason === 'waiting_channel_order' ? detail.channel : undefined)
  const origin = chains.data?.items.find((chain) => chain.domain === detail.origin)
  const destinationHead = chains.data?.items.find((chain) => chain.domain === detail.destination)
  const why = whyItWaits({
    detail,
    chainName,
    originFinalizedBlock: origin?.finalizedBlock ? BigInt(origin.finalizedBlock) : undefined,
    threshold: validators.data?.items.find((item) => item.origin === detail.origin)?.threshold,
    channel: channel.data ?? undefined,
    // The destination's time judges its deadline (a devnet's chains run ahead of the wall clock).
    now: destinationHead?.head
      ? BigInt(destinationHead.head.timestamp)
      : BigInt(Math.floor(Date.now() / 1000)),
  })
  const decoded = detail.decoded
  const underpaidAmount = why.state.type === 'underpaid' ? why.state.missing : undefined
  return (
    <>
      <h1>
        Message <span className="mono wrap">{detail.id}</span>
      </h1>
      <p className="summary">
        <StatusBadge stage={detail.stage} status={detail.status} reason={detail.reason} />{' '}
        <RouteLabel origin={detail.origin} destination={detail.destination} />
        {detail.isAck ? <span className="tag">ack</span> : null}
      </p>
      <WhyItWaitsPanel why={why} />
      {why.action ? (
        <ActionsPanel
          action={why.action}
          // CAST: the API's ids and encodings are 0x-hex (its schema's patterns).
          id={detail.id as Hex}
          encoded={detail.encoded as Hex}
          origin={detail.origin}
          destination={detail.destination}
          amount={underpaidAmount}
          gasLimit={decoded?.gasLimit ?? 0}
          apiUp
          onSent={setSent}
        />
      ) : null}
      {sent ? <ActionSentNotice sent={sent} /> : null}
      <section aria-labelledby="fields-heading">
        <h2 id="fields-heading">Fields</h2>
        <Fields
          rows={[
            ['Origin', `${chainName(detail.origin)} (domain ${detail.origin})`],
            ['Destination', `${chainName(detail.destination)} (domain ${detail.destination})`],
            ['Nonce', detail.nonce],
            [
              'Channel',
              <Link key="c" href={`/channel/${detail.channel}`}>
                {detail.channel}
              </Link>,
            ],
            [
              'Sender',
              <span key="s" className="mono">
                {detail.sender}
              </span>,
            ],
            [
              'Recipient',
              <span key="r" className="mono">
                {detail.recipient}
              </span>,
            ],
            ['Leaf index', String(detail.leafIndex)],
            [
              'Origin transaction',
              <span key="t" className="mono">
                {detail.originTransactionHash}
              </span>,
            ],
            ['Fee paid', `${detail.feePaid} (top-ups ${detail.feeAdded})`],
            ...(decoded
              ? ([
                  ['Gas limit', String(decoded.gasLimit)],
                  [
                    'Ack gas limit',
                    decoded.ackGasLimit === 0 ? 'no ack asked' : String(decoded.ackGasLimit),
                  ],
                  [
                    'Deadline',
                    decoded.deadline === '0'
                      ? 'none'
                      : new Date(Number(decoded.deadline) * 1000).toISOString(),
                  ],
                ] as [string, string][])
              : [['Decoding', detail.decodeError ?? 'does not decode'] as [string, string]]),
            ...(detail.acknowledges
              ? [
                  [
                    'Acknowledges',
                    <Link key="a" href={`/message/${detail.acknowledges.originalId}`}>
                      {detail.acknowledges.originalId}
                    </Link>,
                  ] as [string, ReactNode],
                ]
              : []),
          ]}
        />
      </section>
      {decoded ? (
        <MessageBody
          body={decoded.body}
          isAck={detail.isAck}
          remoteCall={remoteCallDestination(config.chains, detail)}
          transfer={describeTransfer(config.chains, { ...detail, body: decoded.body })}
        />
      ) : null}
      <MessageTimeline detail={detail} />
    </>
  )
}

/** A message the API cannot give: read from the chains through the SDK, every 2 s until final. */
function ChainMessage({ id, apiDown }: { id: Hex; apiDown: boolean }) {
  const [sentAction, setSentAction] = useState<ActionSent>()
  const { config } = useExplorer()
  const chainName = useChainName()
  const read = useQuery({
    queryKey: ['chain-message', id],
    queryFn: async ({ signal }) =>
      (await import('../chain/chainClient.ts')).readFromChains(config.chains, id, signal),
    enabled: config.chains !== undefined,
    refetchInterval: (query) => {
      const type = query.state.data?.state.type
      return type === 'executed' || type === 'timed_out' || type === 'not_found' ? false : 2_000
    },
  })
  const marker = (
    <p className="notice" data-testid="chain-data">
      {apiDown
        ? 'The relayer API cannot be reached: shown from chain data.'
        : 'The relayer has never seen this message: shown from chain data.'}
    </p>
  )
  if (config.chains === undefined)
    return (
      <>
        <h1>Message not found</h1>
        <p role="status">
          The relayer does not know this message, and this explorer has no chains to look it up on.
        </p>
      </>
    )
  if (read.isPending)
    return (
      <>
        {marker}
        <p>Looking on the chains…</p>
      </>
    )
  if (read.isError)
    return (
      <p role="alert" className="notice">
        Reading the chains failed: {String(read.error)}
      </p>
    )
  const { sent, state, origin } = read.data
  if (!sent || state.type === 'not_found')
    return (
      <>
        <h1>Message not found</h1>
        {marker}
        <p role="status">No chain this explorer reads has sent a message with id {id}.</p>
      </>
    )
  const { message } = sent
  const action = state.recovery?.action
  const fixable =
    action === 'addFee' ||
    action === 'relayMessage' ||
    action === 'retryMessage' ||
    action === 'timeoutMessage'
  return (
    <>
      <h1>
        Message <span className="mono wrap">{id}</span>
      </h1>
      {marker}
      <p className="summary">
        <span className="badge" data-testid="status">
          {state.type.replace(/_/g, ' ')}
        </span>{' '}
        <RouteLabel origin={message.origin} destination={message.destination} />
      </p>
      <section aria-labelledby="why-heading" className="why">
        <h2 id="why-heading">Why it waits</h2>
        <p data-testid="why">{chainStateSentence(state, chainName)}</p>
      </section>
      {fixable ? (
        <ActionsPanel
          action={action}
          id={id}
          encoded={sent.encoded}
          origin={message.origin}
          destination={message.destination}
          amount={state.type === 'underpaid' ? state.missing : undefined}
          gasLimit={message.gasLimit}
          apiUp={!apiDown}
          onSent={setSentAction}
        />
      ) : null}
      {sentAction ? <ActionSentNotice sent={sentAction} /> : null}
      <section aria-labelledby="fields-heading">
        <h2 id="fields-heading">Fields</h2>
        <Fields
          rows={[
            ['Origin', `${origin ?? chainName(message.origin)} (domain ${message.origin})`],
            ['Destination', `${chainName(message.destination)} (domain ${message.destination})`],
            ['Nonce', String(message.nonce)],
            [
              'Sender',
              <span key="s" className="mono">
                {message.sender}
              </span>,
            ],
            [
              'Recipient',
              <span key="r" className="mono">
                {message.recipient}
              </span>,
            ],
            ['Origin block', String(sent.block.number)],
            [
              'Origin transaction',
              <span key="t" className="mono">
                {sent.transactionHash}
              </span>,
            ],
            ['Gas limit', String(message.gasLimit)],
          ]}
        />
      </section>
      <MessageBody
        body={message.body}
        isAck={(message.flags & MessageFlags.isAck) !== 0}
        remoteCall={remoteCallDestination(config.chains, message)}
        transfer={describeTransfer(config.chains, message)}
      />
    </>
  )
}

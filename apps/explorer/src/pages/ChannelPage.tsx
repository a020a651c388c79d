import { useChainName, useChannel, useMessages } from '../api/queries.ts'
import { Fields } from '../components/MessageFields.tsx'
import { MessageTable } from '../components/MessageTable.tsx'
import { reasonWords } from '../lib/reasonWords.ts'
import { Link } from '../router.tsx'

/** One channel: its nonces sent and delivered, what blocks it, and its recent messages. */
export function ChannelPage({ channel }: { channel: string }) {
  const key = channel.toLowerCase()
  const valid = /^0x[0-9a-f]{64}$/.test(key)
  const info = useChannel(valid ? key : undefined)
  const messages = useMessages({ channel: key, limit: 20 }, { enabled: valid })
  const chainName = useChainName()
  if (!valid)
    return (
      <div role="alert" className="notice">
        <h1>Not a channel</h1>
        <p>A channel is 0x followed by 64 hex digits.</p>
      </div>
    )
  if (info.isPending) return <p>Loading…</p>
  const data = info.data
  return (
    <>
      <h1>
        Channel <span className="mono wrap">{key}</span>
      </h1>
      {data ? (
        <>
          <Fields
            rows={[
              ['Route', `${chainName(data.origin)} → ${chainName(data.destination)}`],
              ['Kind', data.kind],
              ['Sender', data.sender ?? 'unknown'],
              ['Recipient', data.recipient ?? 'unknown'],
              ['Highest nonce sent', data.highestSentNonce ?? 'none'],
              ['Highest nonce delivered', data.highestDeliveredNonce ?? 'none'],
              ['Not final yet', String(data.undelivered)],
            ]}
          />
          <section aria-labelledby="blocked-heading" className="why">
            <h2 id="blocked-heading">What blocks it</h2>
            <p data-testid="blocked">
              {data.blockedBy ? (
                <>
                  Message <Link href={`/message/${data.blockedBy.id}`}>{data.blockedBy.id}</Link>{' '}
                  (nonce {data.blockedBy.nonce}): {reasonWords(data.blockedBy.reason)}. Later nonces
                  wait for it.
                </>
              ) : (
                'Nothing: every message sent on it is final.'
              )}
            </p>
          </section>
        </>
      ) : (
        <p role="status">The relayer does not know this channel.</p>
      )}
      {messages.data && messages.data.items.length > 0 ? (
        <MessageTable items={messages.data.items} caption="Recent messages of this channel" />
      ) : null}
    </>
  )
}

import { decodeAckBody } from '@ferry/protocol'
import { decodeResult, toUtf8 } from '../lib/decodeResult.ts'
import { describeRemoteCall } from '../lib/describeRemoteCall.ts'

/**
 * A message body as hex, as UTF-8 (when it is valid, printable UTF-8) and, when it is one of
 * Ferry's own (an ack, a remote call: `remoteCall` is then its destination's kind, or a token
 * transfer: `transfer` is then its description), decoded. All of it rendered as text: nothing
 * from a chain becomes HTML.
 */
export function MessageBody({
  body,
  isAck,
  remoteCall,
  transfer,
}: {
  body: string
  isAck: boolean
  remoteCall?: 'evm' | 'cosmwasm' | undefined
  /** `describeTransfer`'s line, for a message between token bridges. */
  transfer?: string | undefined
}) {
  const text = toUtf8(body)
  const calls = remoteCall === undefined ? undefined : describeRemoteCall(body, remoteCall)
  let ack: string | undefined
  if (isAck)
    try {
      // CAST: the API's body is 0x-hex (its schema's pattern).
      const decoded = decodeAckBody(body as `0x${string}`)
      ack = `ack of ${decoded.originalId}: ${decoded.status === 1 ? 'executed' : decoded.status === 2 ? 'failed' : 'timed out'}, result ${decodeResult(decoded.result)}`
    } catch (error) {
      ack = `not a well-formed ack body (${error instanceof Error ? error.message.split('\n')[0] : 'unknown'})`
    }
  return (
    <section aria-labelledby="body-heading">
      <h2 id="body-heading">Body</h2>
      <dl className="fields">
        <dt>Hex</dt>
        <dd className="mono wrap" data-testid="body-hex">
          {body}
        </dd>
        <dt>UTF-8</dt>
        <dd className="wrap" data-testid="body-text">
          {text === undefined ? <span className="muted">not UTF-8 text</span> : <pre>{text}</pre>}
        </dd>
        {calls !== undefined ? (
          <>
            <dt>Remote call</dt>
            <dd data-testid="body-remote-call">
              {calls.map((line) => (
                <div key={line} className="mono wrap">
                  {line}
                </div>
              ))}
            </dd>
          </>
        ) : null}
        {transfer !== undefined ? (
          <>
            <dt>Token transfer</dt>
            <dd className="wrap" data-testid="body-transfer">
              {transfer}
            </dd>
          </>
        ) : null}
        {ack !== undefined ? (
          <>
            <dt>Decoded</dt>
            <dd data-testid="body-decoded">{ack}</dd>
          </>
        ) : null}
      </dl>
    </section>
  )
}

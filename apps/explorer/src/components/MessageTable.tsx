import type { MessageSummary } from '../api/types.ts'
import { Link } from '../router.tsx'
import { age, short } from './format.ts'
import { RouteLabel } from './Route.tsx'
import { StatusBadge } from './StatusBadge.tsx'
import { useNow } from './useNow.ts'

/** Messages as a table: id, status, route, nonce, age. */
export function MessageTable({
  items,
  caption,
}: {
  items: readonly MessageSummary[]
  caption: string
}) {
  const now = useNow()
  return (
    <table className="messages">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Message</th>
          <th scope="col">Status</th>
          <th scope="col">Route</th>
          <th scope="col">Nonce</th>
          <th scope="col">Age</th>
        </tr>
      </thead>
      <tbody>
        {items.map((message) => (
          <tr key={message.id} data-id={message.id}>
            <td className="mono">
              <Link href={`/message/${message.id}`}>{short(message.id)}</Link>
              {message.isAck ? <span className="tag">ack</span> : null}
            </td>
            <td>
              <StatusBadge stage={message.stage} status={message.status} reason={message.reason} />
            </td>
            <td>
              <RouteLabel origin={message.origin} destination={message.destination} />
            </td>
            <td>{message.nonce}</td>
            <td title={message.sentAt}>{age(message.sentAt, now)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

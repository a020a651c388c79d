import { useMessages } from '../api/queries.ts'
import { MessageTable } from '../components/MessageTable.tsx'
import { statusLabel } from '../components/StatusBadge.tsx'

const LATEST = 50

/** Latest messages, live (the SSE stream refreshes them), with counts by status. */
export function HomePage() {
  const latest = useMessages({ limit: LATEST })
  const items = latest.data?.items ?? []
  const counts = new Map<string, number>()
  for (const message of items) {
    const label = statusLabel(message.stage, message.status, message.reason)
    counts.set(label, (counts.get(label) ?? 0) + 1)
  }
  return (
    <>
      <h1>Latest messages</h1>
      <section aria-label="Counts by status" className="counts">
        {[...counts].map(([label, count]) => (
          <div key={label} className="count" data-testid={`count-${label.replace(/\s+/g, '-')}`}>
            <span className="count-number">{count}</span> {label}
          </div>
        ))}
        {items.length > 0 ? <p className="muted">of the latest {items.length}</p> : null}
      </section>
      {latest.isPending ? <p>Loading…</p> : null}
      {latest.data && items.length === 0 ? <p>No messages yet.</p> : null}
      {items.length > 0 ? (
        <MessageTable items={items} caption="Newest first; updates live." />
      ) : null}
    </>
  )
}

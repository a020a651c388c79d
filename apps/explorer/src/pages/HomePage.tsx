import { useMessages, useStats } from '../api/queries.ts'
import type { Stage } from '../api/types.ts'
import { MessageTable } from '../components/MessageTable.tsx'

const LATEST = 50

/** How each stage reads in the counts. */
const STAGE_WORDS: Record<Stage, string> = {
  pending: 'pending finality',
  ready: 'waiting',
  submitted: 'in flight',
  failed: 'failed',
  done: 'done',
  orphaned: 'orphaned',
}

/** Latest messages, live (the SSE stream refreshes them), and every message counted by stage. */
export function HomePage() {
  const latest = useMessages({ limit: LATEST })
  const stats = useStats()
  const items = latest.data?.items ?? []
  return (
    <>
      <h1>Latest messages</h1>
      {stats.data ? (
        <section aria-label="Messages by stage" className="counts">
          {Object.entries(STAGE_WORDS).map(([stage, words]) => (
            <div key={stage} className="count" data-testid={`count-${stage}`}>
              {/* CAST: STAGE_WORDS is keyed by every stage. */}
              <span className="count-number">{stats.data?.stages[stage as Stage]}</span> {words}
            </div>
          ))}
          <p className="muted">{stats.data.total} in all</p>
        </section>
      ) : null}
      {latest.isPending ? <p>Loading…</p> : null}
      {latest.data && items.length === 0 ? <p>No messages yet.</p> : null}
      {items.length > 0 ? (
        <MessageTable items={items} caption="Newest first; updates live." />
      ) : null}
    </>
  )
}

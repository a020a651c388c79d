import type { Stage, Status } from '../api/types.ts'

/** The words a message's stage and destination status read as. */
export function statusLabel(stage: Stage, status: Status, reason?: string): string {
  if (stage === 'done') return status === 'timed_out' ? 'timed out' : 'delivered'
  if (stage === 'failed') return reason === 'retries_exhausted' ? 'retries exhausted' : 'failed'
  if (stage === 'orphaned') return 'orphaned'
  if (reason === 'underpaid') return 'underpaid'
  if (stage === 'pending') return 'pending finality'
  if (stage === 'submitted') return 'in flight'
  return reason === 'waiting_signatures' ? 'waiting signatures' : 'ready'
}

/** A message's status as a coloured label (the colour repeats the words, never replaces them). */
export function StatusBadge({
  stage,
  status,
  reason,
}: {
  stage: Stage
  status: Status
  reason?: string
}) {
  const label = statusLabel(stage, status, reason)
  return (
    <span className={`badge badge-${label.replace(/\s+/g, '-')}`} data-testid="status">
      {label}
    </span>
  )
}

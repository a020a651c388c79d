import type { MessageDetail } from '../api/types.ts'
import { decodeResult } from '../lib/decodeResult.ts'
import { reasonWords } from '../lib/reasonWords.ts'
import { Link } from '../router.tsx'
import { duration, short } from './format.ts'

type Step = {
  key: string
  title: string
  at: string | null
  lines: string[]
  tx?: string | null | undefined
  link?: { href: string; text: string }
}

/**
 * A message's lifecycle, in order, with times and the time since the step before: sent,
 * finalized, signed (by which validators), each delivery attempt (its reason in words and its
 * transaction), delivered (status and result), and its ack.
 */
export function MessageTimeline({ detail }: { detail: MessageDetail }) {
  const { lifecycle } = detail
  const steps: Step[] = [
    {
      key: 'sent',
      title: 'Sent',
      at: lifecycle.sent.at,
      lines: [`block ${lifecycle.sent.blockNumber}, leaf ${lifecycle.sent.leafIndex}`],
      tx: lifecycle.sent.transactionHash,
    },
  ]
  if (lifecycle.finalized)
    steps.push({ key: 'finalized', title: 'Finalized', at: lifecycle.finalized.at, lines: [] })
  if (lifecycle.checkpoint.signers.length > 0)
    steps.push({
      key: 'signed',
      title: `Signed by ${lifecycle.checkpoint.signers.length} validator${lifecycle.checkpoint.signers.length === 1 ? '' : 's'}`,
      at: null,
      lines: lifecycle.checkpoint.signers.map(
        (signer) => `${signer.validator} (checkpoint ${signer.index})`,
      ),
    })
  for (const attempt of lifecycle.attempts)
    steps.push({
      key: `attempt-${attempt.seq}`,
      title: `Attempt: ${reasonWords(attempt.reason)}`,
      at: attempt.at,
      lines: [`reason code ${attempt.reason}`, ...(attempt.detail ? [attempt.detail] : [])],
      tx: attempt.transactionHash,
    })
  if (lifecycle.delivered)
    steps.push({
      key: 'delivered',
      title: `Delivered: ${lifecycle.delivered.status === 'executed' ? 'executed' : lifecycle.delivered.status.replace('_', ' ')}`,
      at: lifecycle.delivered.at,
      lines:
        lifecycle.delivered.result !== null
          ? [`result ${decodeResult(lifecycle.delivered.result)}`]
          : [],
      tx: lifecycle.delivered.transactionHash,
    })
  if (detail.ack)
    steps.push({
      key: 'ack',
      title: `Ack: ${detail.ack.stage === 'done' ? 'delivered' : detail.ack.stage}`,
      at: detail.ack.deliveredAt,
      lines: [],
      link: { href: `/message/${detail.ack.id}`, text: `ack ${short(detail.ack.id)}` },
    })
  let previous: string | null = null
  return (
    <section aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">Lifecycle</h2>
      <ol className="timeline" data-testid="timeline">
        {steps.map((step) => {
          const since = step.at && previous ? ` (+${duration(previous, step.at)})` : ''
          if (step.at) previous = step.at
          return (
            <li key={step.key} data-step={step.key}>
              <div className="step-title">{step.title}</div>
              {step.at ? (
                <div className="muted">
                  <time dateTime={step.at}>
                    {new Date(step.at).toISOString().replace('T', ' ').replace('Z', ' UTC')}
                  </time>
                  {since}
                </div>
              ) : null}
              {step.lines.map((line) => (
                <div key={line} className="wrap">
                  {line}
                </div>
              ))}
              {step.tx ? <div className="mono wrap">tx {step.tx}</div> : null}
              {step.link ? <Link href={step.link.href}>{step.link.text}</Link> : null}
            </li>
          )
        })}
      </ol>
    </section>
  )
}

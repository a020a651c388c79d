import type { WhyItWaits } from '../lib/whyItWaits.ts'

const ACTION_WORDS = {
  addFee: 'Add the missing fee',
  relayMessage: 'Deliver it yourself',
  retryMessage: 'Retry with more gas',
  timeoutMessage: 'Time it out',
} as const

/** The cause in one sentence, and the action that fixes it. */
export function WhyItWaitsPanel({ why }: { why: WhyItWaits }) {
  return (
    <section
      aria-labelledby="why-heading"
      className={`why ${why.final ? 'why-final' : 'why-waiting'}`}
    >
      <h2 id="why-heading">{why.final ? 'Where it ended' : 'Why it waits'}</h2>
      <p data-testid="why">{why.sentence}</p>
      {why.action ? (
        <p className="muted">What fixes it: {ACTION_WORDS[why.action]} (below).</p>
      ) : null}
    </section>
  )
}

import { useChains, useValidators } from '../api/queries.ts'
import { age, short } from '../components/format.ts'
import { useNow } from '../components/useNow.ts'

/** Each chain's head, indexer lag, finalized block and health; each origin's validators and their last checkpoint. */
export function ChainsPage() {
  const chains = useChains()
  const validators = useValidators()
  const now = useNow()
  const name = (domain: number) =>
    chains.data?.items.find((c) => c.domain === domain)?.name ?? `domain ${domain}`
  return (
    <>
      <h1>Chains and validators</h1>
      <table>
        <caption>Chains, as the relayer sees them</caption>
        <thead>
          <tr>
            <th scope="col">Chain</th>
            <th scope="col">Kind</th>
            <th scope="col">Head</th>
            <th scope="col">Indexed</th>
            <th scope="col">Lag</th>
            <th scope="col">Finalized</th>
            <th scope="col">Health</th>
          </tr>
        </thead>
        <tbody>
          {(chains.data?.items ?? []).map((chain) => (
            <tr key={chain.domain} data-domain={chain.domain}>
              <td>
                {chain.name ?? '—'} <span className="muted">({chain.domain})</span>
              </td>
              <td>{chain.kind}</td>
              <td>{chain.head?.number ?? '—'}</td>
              <td>{chain.indexedBlock ?? '—'}</td>
              <td>{chain.lag === null ? '—' : `${chain.lag} blocks`}</td>
              <td>{chain.finalizedBlock ?? '—'}</td>
              <td>
                {chain.healthy ? 'healthy' : `unhealthy${chain.error ? `: ${chain.error}` : ''}`}
                {chain.answeredAt ? (
                  <span className="muted"> (answered {age(chain.answeredAt, now)})</span>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {(validators.data?.items ?? []).map((origin) => (
        <table key={origin.origin}>
          <caption>
            Validators of {name(origin.origin)}: {origin.threshold} must sign
          </caption>
          <thead>
            <tr>
              <th scope="col">Validator</th>
              <th scope="col">URL</th>
              <th scope="col">State</th>
              <th scope="col">Last checkpoint</th>
            </tr>
          </thead>
          <tbody>
            {origin.validators.map((validator) => (
              <tr key={validator.url}>
                <td className="mono">{validator.validator ? short(validator.validator) : '—'}</td>
                <td className="mono">{validator.url}</td>
                <td>{validator.state.replace('_', ' ')}</td>
                <td>{validator.latestIndex === null ? '—' : `index ${validator.latestIndex}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </>
  )
}

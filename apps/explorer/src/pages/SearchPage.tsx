import { useQueries } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { useChains } from '../api/queries.ts'
import type { MessageSummary } from '../api/types.ts'
import { MessageTable } from '../components/MessageTable.tsx'
import { useExplorer } from '../context.tsx'
import {
  InvalidSearchError,
  parseSearch,
  SEARCH_EXAMPLES,
  type SearchKey,
} from '../lib/parseSearch.ts'
import { Link, navigate } from '../router.tsx'

const STAGES = ['pending', 'ready', 'submitted', 'failed', 'done', 'orphaned'] as const

/** What each key looks like: shown when a search finds nothing or cannot be read. */
function KeyHelp() {
  return (
    <dl className="key-help">
      {SEARCH_EXAMPLES.map(({ key, example }) => (
        <div key={key}>
          <dt>{key}</dt>
          <dd>{example}</dd>
        </div>
      ))}
    </dl>
  )
}

/**
 * One box for every key: a message id, an origin transaction hash, a channel (all 32-byte hex,
 * so all three are looked up), a sender or recipient (EVM hex or bech32); filters by stage,
 * origin and destination; cursor paging. Everything is in the URL.
 */
export function SearchPage({ params }: { params: URLSearchParams }) {
  const q = params.get('q') ?? ''
  let key: SearchKey | undefined
  let invalid: InvalidSearchError | undefined
  if (q.trim() !== '')
    try {
      key = parseSearch(q)
    } catch (error) {
      if (!(error instanceof InvalidSearchError)) throw error
      invalid = error
    }
  return (
    <>
      <h1>Search</h1>
      <Filters params={params} />
      {q.trim() === '' ? <p>Type a key in the search box above.</p> : null}
      {invalid ? (
        <div role="alert" className="notice">
          <p>{invalid.shortMessage}</p>
          <p>Each key looks like this:</p>
          <KeyHelp />
        </div>
      ) : null}
      {key ? <Results searchKey={key} params={params} /> : null}
    </>
  )
}

function Filters({ params }: { params: URLSearchParams }) {
  const chains = useChains().data?.items ?? []
  const set = (name: string, value: string) => {
    const next = new URLSearchParams(params)
    if (value === '') next.delete(name)
    else next.set(name, value)
    next.delete('cursor')
    navigate(`/search?${next}`)
  }
  const chainOptions = chains.map((chain) => (
    <option key={chain.domain} value={chain.domain}>
      {chain.name ?? chain.domain}
    </option>
  ))
  return (
    <form className="filters" aria-label="Filters" onSubmit={(event) => event.preventDefault()}>
      <label>
        Stage{' '}
        <select value={params.get('stage') ?? ''} onChange={(e) => set('stage', e.target.value)}>
          <option value="">any</option>
          {STAGES.map((stage) => (
            <option key={stage} value={stage}>
              {stage}
            </option>
          ))}
        </select>
      </label>
      <label>
        Origin{' '}
        <select value={params.get('origin') ?? ''} onChange={(e) => set('origin', e.target.value)}>
          <option value="">any</option>
          {chainOptions}
        </select>
      </label>
      <label>
        Destination{' '}
        <select
          value={params.get('destination') ?? ''}
          onChange={(e) => set('destination', e.target.value)}
        >
          <option value="">any</option>
          {chainOptions}
        </select>
      </label>
    </form>
  )
}

type Lookup =
  | { label: string; query: Record<string, string | number> }
  | { label: 'id'; id: string }
  | { label: 'channel'; channel: string }

function Results({ searchKey, params }: { searchKey: SearchKey; params: URLSearchParams }) {
  const { api, config } = useExplorer()
  const filters: Record<string, string | number> = {}
  for (const name of ['stage', 'origin', 'destination'] as const) {
    const value = params.get(name)
    if (value) filters[name] = name === 'stage' ? value : Number(value)
  }
  const cursor = params.get('cursor') ?? undefined
  const page = cursor ? { cursor } : {}
  const lookups: Lookup[] =
    searchKey.type === 'hash32'
      ? [
          { label: 'id', id: searchKey.value },
          {
            label: 'origin transaction',
            query: { originTxHash: searchKey.value, ...filters, ...page },
          },
          { label: 'channel', channel: searchKey.value },
        ]
      : [
          {
            label: 'sender',
            query: {
              sender: searchKey.type === 'bech32' ? searchKey.bytes32 : searchKey.value,
              ...filters,
              ...page,
            },
          },
          {
            label: 'recipient',
            query: {
              recipient: searchKey.type === 'bech32' ? searchKey.bytes32 : searchKey.value,
              ...filters,
              ...page,
            },
          },
        ]
  const results = useQueries({
    queries: lookups.map((lookup) => ({
      queryKey:
        'id' in lookup
          ? ['message', lookup.id]
          : 'channel' in lookup
            ? ['channel', lookup.channel]
            : ['messages', lookup.query],
      queryFn: async ({ signal }: { signal: AbortSignal }) => {
        const { data, response } =
          'id' in lookup
            ? await api.GET('/v1/messages/{id}', { params: { path: { id: lookup.id } }, signal })
            : 'channel' in lookup
              ? await api.GET('/v1/channels/{channel}', {
                  params: { path: { channel: lookup.channel } },
                  signal,
                })
              : // CAST: the query is built above from the generated parameters' names.
                await api.GET('/v1/messages', { params: { query: lookup.query as never }, signal })
        if (response.status === 404) return null
        if (!response.ok) throw new Error(`${config.apiUrl} answered HTTP ${response.status}`)
        return data ?? null
      },
    })),
  })
  if (results.some((result) => result.isPending)) return <p>Searching…</p>
  const failed = results.find((result) => result.isError)
  if (failed)
    return (
      <p role="alert" className="notice">
        The search failed: {String(failed.error)}
      </p>
    )
  const sections: ReactNode[] = []
  let nextCursor: string | null = null
  results.forEach((result, index) => {
    const lookup = lookups[index]
    const data = result.data
    if (!lookup || !data) return
    if ('id' in lookup && 'id' in data) {
      // CAST: a message detail is a summary and more.
      const message = data as MessageSummary
      sections.push(<MessageTable key="id" items={[message]} caption="Message with this id" />)
    } else if ('channel' in lookup && 'channel' in data) {
      sections.push(
        <p key="channel">
          A channel: <Link href={`/channel/${lookup.channel}`}>{lookup.channel}</Link>
        </p>,
      )
    } else if ('items' in data && data.items.length > 0) {
      // CAST: `/v1/messages` answers message summaries.
      sections.push(
        <MessageTable
          key={lookup.label}
          items={data.items as MessageSummary[]}
          caption={`Messages by ${lookup.label}`}
        />,
      )
      if ('nextCursor' in data && typeof data.nextCursor === 'string') nextCursor = data.nextCursor
    }
  })
  if (sections.length === 0)
    return (
      <div role="status" className="notice">
        <p>Nothing matches this search.</p>
        <p>Each key looks like this:</p>
        <KeyHelp />
      </div>
    )
  const next = new URLSearchParams(params)
  if (nextCursor) next.set('cursor', nextCursor)
  return (
    <>
      {sections}
      {nextCursor ? <Link href={`/search?${next}`}>Next page</Link> : null}
    </>
  )
}

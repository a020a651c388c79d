import { type FormEvent, useState } from 'react'
import { useChains } from './api/queries.ts'
import { useExplorer } from './context.tsx'
import { useLiveEvents } from './live/useLiveEvents.ts'
import { ChainsPage } from './pages/ChainsPage.tsx'
import { ChannelPage } from './pages/ChannelPage.tsx'
import { HomePage } from './pages/HomePage.tsx'
import { MessagePage } from './pages/MessagePage.tsx'
import { SearchPage } from './pages/SearchPage.tsx'
import { Link, navigate, useRoute } from './router.tsx'

/** The header's one search box. */
function SearchBox({ initial }: { initial: string }) {
  const [value, setValue] = useState(initial)
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const params = new URLSearchParams(
      window.location.pathname === '/search' ? window.location.search : '',
    )
    params.set('q', value.trim())
    params.delete('cursor')
    navigate(`/search?${params}`)
  }
  return (
    <search className="search">
      <form onSubmit={submit}>
        <label htmlFor="search-input" className="visually-hidden">
          Message id, transaction hash, address or channel
        </label>
        <input
          id="search-input"
          name="q"
          value={value}
          onChange={(event) => setValue(event.target.value)}
          placeholder="Message id, origin tx hash, sender / recipient, channel"
          autoComplete="off"
          spellCheck={false}
        />
        <button type="submit">Search</button>
      </form>
    </search>
  )
}

/** The page shell: header (search, live state), the API banner, and the page the URL names. */
export function App() {
  const route = useRoute()
  const live = useLiveEvents()
  const { config } = useExplorer()
  const chains = useChains()
  const apiDown = live === 'down' || (chains.isError && chains.data === undefined)
  return (
    <>
      <header>
        <nav aria-label="Main">
          <Link href="/" className="brand">
            Ferry explorer
          </Link>
          <Link href="/chains">Chains &amp; validators</Link>
          <span className={`live live-${live}`} data-testid="live">
            {live === 'live' ? 'live' : live === 'down' ? 'offline' : 'connecting'}
          </span>
        </nav>
        <SearchBox
          key={route.page === 'search' ? (route.params.get('q') ?? '') : ''}
          initial={route.page === 'search' ? (route.params.get('q') ?? '') : ''}
        />
      </header>
      {apiDown ? (
        <div role="alert" className="banner" data-testid="api-banner">
          The relayer API at {config.apiUrl} cannot be reached. Pages that can work from chain data
          (a message page) still do; lists, search and live updates come back with the API.
        </div>
      ) : null}
      <main>
        {route.page === 'home' ? <HomePage /> : null}
        {route.page === 'search' ? <SearchPage params={route.params} /> : null}
        {route.page === 'message' ? <MessagePage key={route.id} id={route.id} /> : null}
        {route.page === 'channel' ? <ChannelPage channel={route.channel} /> : null}
        {route.page === 'chains' ? <ChainsPage /> : null}
        {route.page === 'not_found' ? (
          <>
            <h1>Page not found</h1>
            <p>
              Nothing lives at {route.path}. <Link href="/">Latest messages</Link>
            </p>
          </>
        ) : null}
      </main>
    </>
  )
}

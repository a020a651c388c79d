import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App.tsx'
import { createApi } from './api/createApi.ts'
import { loadExplorerConfig } from './config/loadExplorerConfig.ts'
import { ExplorerContext } from './context.tsx'
import './styles.css'

const root = createRoot(document.getElementById('root') ?? document.body)
try {
  const config = await loadExplorerConfig()
  const queryClient = new QueryClient({
    defaultOptions: {
      // Live data comes from the SSE stream, which marks queries stale; no refetch on focus.
      queries: { refetchOnWindowFocus: false, retry: 1, staleTime: 1_000 },
    },
  })
  root.render(
    <StrictMode>
      <ExplorerContext.Provider value={{ config, api: createApi(config.apiUrl) }}>
        <QueryClientProvider client={queryClient}>
          <App />
        </QueryClientProvider>
      </ExplorerContext.Provider>
    </StrictMode>,
  )
} catch (error) {
  root.render(
    <main>
      <h1>The explorer could not start</h1>
      <p role="alert">{error instanceof Error ? error.message : String(error)}</p>
    </main>,
  )
}

import { createContext, useContext } from 'react'
import type { Api } from './api/createApi.ts'
import type { ExplorerConfig } from './config/loadExplorerConfig.ts'

/** What every page reads: the config, and the API client built from it. */
export type Explorer = { config: ExplorerConfig; api: Api }

export const ExplorerContext = createContext<Explorer | undefined>(undefined)

/** The explorer's config and API client (provided once, by `main.tsx`). */
export function useExplorer(): Explorer {
  const explorer = useContext(ExplorerContext)
  if (!explorer) throw new Error('useExplorer outside ExplorerContext')
  return explorer
}

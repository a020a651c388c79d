import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { type Listening, listen } from '../service/listen.js'
import { type CreateExplorerAppParameters, createExplorerApp } from './createExplorerApp.js'
import { ExplorerNotBuiltError } from './errors.js'

export type StartExplorerServerParameters = CreateExplorerAppParameters & {
  /** Default 127.0.0.1. */
  host?: string | undefined
  /** Default 8081; 0 picks a free port (read it from `url`). */
  port?: number | undefined
}

export type RunningExplorerServer = Listening

/**
 * Serves a built explorer (`createExplorerApp`) on `host:port`: what `ferry explorer` and the
 * devnet run. Fails with `ExplorerNotBuiltError` when `dir` holds no `index.html`.
 *
 * @example
 * const explorer = await startExplorerServer({ dir, apiUrl: api.url, port: 0 })
 * console.log(`open ${explorer.url}`)
 * await explorer.close()
 */
export async function startExplorerServer({
  host = '127.0.0.1',
  port = 8081,
  ...app
}: StartExplorerServerParameters): Promise<RunningExplorerServer> {
  if (!existsSync(join(app.dir, 'index.html'))) throw new ExplorerNotBuiltError({ dir: app.dir })
  return listen(createExplorerApp(app), { host, port })
}

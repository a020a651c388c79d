import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { BaseError } from '@ferry/protocol'
import { type CliCommand, ExitCode } from '../types.js'

/** The repository's built explorer: the same relative path from src/cli/commands and dist/cli/commands. */
const DEFAULT_DIR = fileURLToPath(new URL('../../../../../apps/explorer/dist', import.meta.url))

/**
 * `ferry explorer --api <url>`: serves the built explorer (`apps/explorer/dist`, or `--dir`) with
 * a strict Content-Security-Policy, telling the page the relayer API's URL and, with `--chains`
 * (a file in the devnet file's shape), the chains it may read and sign on. Runs until
 * SIGINT/SIGTERM. The API must allow the explorer's origin (`relayer.api.cors.allowedOrigins`).
 *
 * @example
 * await explorerCommand.run({ values: { api: 'http://127.0.0.1:8080', port: '8081' } }, context)
 */
export const explorerCommand: CliCommand = {
  path: ['explorer'],
  summary: 'Serve the explorer web app for a relayer API',
  options: {
    api: { type: 'string', placeholder: '<url>', description: "The relayer API's URL (required)" },
    port: {
      type: 'string',
      placeholder: '<port>',
      description: 'Port to listen on (default 8081; 0: any free port)',
    },
    host: {
      type: 'string',
      placeholder: '<host>',
      description: 'Interface to listen on (default 127.0.0.1)',
    },
    dir: {
      type: 'string',
      placeholder: '<dir>',
      description: "The built explorer (default: this repository's apps/explorer/dist)",
    },
    chains: {
      type: 'string',
      placeholder: '<file>',
      description:
        'Chains the page reads and signs on, in the devnet file shape (.devnet/devnet.json)',
    },
  },
  async run(args, context) {
    const {
      api,
      port = '8081',
      host = '127.0.0.1',
      dir = DEFAULT_DIR,
      chains: chainsFile,
    } = args.values
    const fail = (message: string) => {
      context.stderr.write(`ferry explorer: ${message}\n`)
      return ExitCode.usage
    }
    if (typeof api !== 'string')
      return fail('--api <url> is required: the relayer API the page reads')
    let apiUrl: URL
    try {
      apiUrl = new URL(api)
    } catch {
      return fail(`--api must be a URL, got "${api}"`)
    }
    if (apiUrl.protocol !== 'http:' && apiUrl.protocol !== 'https:')
      return fail('--api must be an http(s) URL')
    if (typeof port !== 'string' || !/^\d{1,5}$/.test(port) || Number(port) > 65_535)
      return fail(`--port must be a TCP port, 0 to 65535, got "${String(port)}"`)
    let chains: unknown
    if (typeof chainsFile === 'string')
      try {
        chains = JSON.parse(readFileSync(chainsFile, 'utf8'))
      } catch (error) {
        return fail(
          `--chains ${chainsFile} could not be read as JSON: ${error instanceof Error ? error.message : String(error)}`,
        )
      }
    const { startExplorerServer } = await import('../../explorer/startExplorerServer.js')
    let server: Awaited<ReturnType<typeof startExplorerServer>>
    try {
      server = await startExplorerServer({
        dir: String(dir),
        apiUrl: apiUrl.href.replace(/\/+$/, ''),
        chains,
        host: String(host),
        port: Number(port),
      })
    } catch (error) {
      if (error instanceof BaseError) return fail(error.message)
      throw error
    }
    context.stdout.write(
      `explorer on ${server.url} (API ${apiUrl.origin}); the API must allow this origin: relayer.api.cors.allowedOrigins: [${server.url}]\n`,
    )
    await new Promise<void>((done) => {
      const unsubscribe = context.onSignal(() => {
        unsubscribe()
        done()
      })
    })
    await server.close()
    return ExitCode.ok
  },
}

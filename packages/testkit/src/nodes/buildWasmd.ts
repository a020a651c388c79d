import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { WasmdUnavailableError } from './WasmdUnavailableError.js'

const run = promisify(execFile)

/** `tools/wasmd/build.sh` of this repository, from `packages/testkit/{src,dist}/nodes`. */
const BUILD_SCRIPT = fileURLToPath(new URL('../../../../tools/wasmd/build.sh', import.meta.url))

/**
 * The path of the wasmd binary `tools/wasmd/build.sh` builds: at once when it is cached in
 * `.cache/wasmd/`, else built now (minutes, once per version) when Go is there. Fails fast
 * with `WasmdUnavailableError`, saying how to build it, when the script cannot build it.
 *
 * @example
 * const localnet = await startWasmdLocalnet({ accounts, binary: await buildWasmd() })
 */
export async function buildWasmd({
  script = BUILD_SCRIPT,
}: {
  /** The build script; a test stands in its own. */
  script?: string | undefined
} = {}): Promise<string> {
  try {
    return (await run(script, [], { maxBuffer: 1 << 24 })).stdout.trim()
  } catch (error) {
    // CAST: execFile's rejection carries the child's output (or, when it could not start, none).
    const { stderr, message } = error as { stderr?: string; message: string }
    const output = stderr?.trim() ?? ''
    throw new WasmdUnavailableError({
      script,
      output: (output === '' ? message : output).slice(-2_000),
    })
  }
}

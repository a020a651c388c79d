import { BaseError } from '@ferry/protocol'

/**
 * A wasmd binary is needed (a localnet, the devnet's `--wasmd`), and there is none: it was never built, and building it here
 * failed (no Go, no C compiler, or no access to the Go module proxy). Not retryable: build it
 * first. `details` holds the end of the build's output; `script` is the build script's path.
 *
 * @example
 * ```ts
 * try { await buildWasmd() } catch (error) { if (error instanceof WasmdUnavailableError) … }
 * ```
 */
export class WasmdUnavailableError extends BaseError {
  override name = 'WasmdUnavailableError' as const
  readonly script: string
  constructor({ script, output }: { script: string; output: string }) {
    super('wasmd is not built, and it could not be built here.', {
      details: output,
      metaMessages: [
        'Build it once with tools/wasmd/build.sh (it needs Go, at the version tools/wasmd/go.mod',
        'names, and a C compiler, and fetches modules from the Go module proxy); the binary is',
        'cached in .cache/wasmd/. (The devnet without --wasmd runs the embedded CosmWasm VM,',
        'which needs nothing more.)',
      ],
      retryable: false,
    })
    this.script = script
  }
}

import type { EmbeddedChain } from '@ferry/cosmwasm-bindings/embedded'
import type { Logger } from 'pino'
import { ConfigError } from '../config/errors.js'
import type { FerryConfig } from '../config/schema.js'
import { createLogger } from './createLogger.js'
import { type CliContext, ExitCode } from './types.js'
import { writeConfigError } from './writeConfigError.js'

/** What `src/service/` receives from the CLI. */
export type StartServiceOptions = {
  /** Root logger; the service logs through `logger.child({ module })`. */
  logger: Logger
  /** Aborted once, on the first SIGINT/SIGTERM: take no new work, finish what is in flight. */
  signal: AbortSignal
  /** Where signer variables are read from (`resolveSigner`). */
  env: NodeJS.ProcessEnv
  /**
   * CosmWasm chains embedded in the starting process, by chain id: what the config's
   * `embedded://<chain id>` entries read and write. The devnet and tests pass theirs; the CLI
   * embeds none, so such an entry fails at start naming its field.
   */
  embeddedChains?: ReadonlyMap<string, EmbeddedChain> | undefined
}

/**
 * Starts a long-running service (`startValidatorService`, `startRelayerService`). Resolves once it
 * is running, with `done`, which settles when it has stopped (after `signal` aborts) or failed.
 */
export type StartService = (
  config: FerryConfig,
  options: StartServiceOptions,
) => Promise<{ done: Promise<void> }>

export type RunServiceParameters = {
  name: 'validator' | 'relayer'
  config: FerryConfig
  /** How long the service may take to stop after the first signal. */
  graceMs: number
  start: StartService
  context: CliContext
}

/**
 * The process side of `ferry validator start` / `ferry relayer start`: creates the pino logger
 * (level from the config), starts the service, and on the first SIGINT/SIGTERM aborts its signal
 * once and waits for `done` up to `graceMs`. A second signal, or a service still running when the
 * grace period ends, exits at once (`context.exit(2)`). Returns the exit code: 0 after a clean
 * stop, 1 when starting found a config problem (a missing key), 2 when the service failed, stopped
 * on its own, or had to be killed.
 *
 * @example
 * return runService({ name: 'relayer', config, graceMs: config.relayer.shutdownGraceMs, start: startRelayerService, context })
 */
export async function runService({
  name,
  config,
  graceMs,
  start,
  context,
}: RunServiceParameters): Promise<number> {
  const logger = createLogger({
    level: config.log.level,
    service: name,
    destination: context.logDestination,
  })
  const log = logger.child({ module: 'cli' })
  const controller = new AbortController()

  // The grace period starts at the first signal; it settles nothing until then.
  let graceTimer: NodeJS.Timeout | undefined
  let expire = () => {}
  const graceExpired = new Promise<{ type: 'timeout' }>((resolve) => {
    expire = () => resolve({ type: 'timeout' })
  })
  let signals = 0
  const unsubscribe = context.onSignal((signal) => {
    signals += 1
    if (signals > 1) {
      log.error({ signal }, 'second signal: exiting without waiting')
      context.exit(ExitCode.failure)
      return
    }
    log.info({ signal, graceMs }, `stopping the ${name}`)
    graceTimer = setTimeout(expire, graceMs)
    controller.abort(new Error(`Received ${signal}.`))
  })
  const timedOut = (): number => {
    log.error({ graceMs }, `the ${name} did not stop within ${graceMs} ms: exiting`)
    context.exit(ExitCode.failure)
    return ExitCode.failure
  }

  try {
    const started = await Promise.race([
      start(config, { logger, signal: controller.signal, env: context.env }).then(
        (service) => ({ type: 'started' as const, service }),
        (error: unknown) => ({ type: 'failed' as const, error }),
      ),
      graceExpired,
    ])
    if (started.type === 'timeout') return timedOut()
    if (started.type === 'failed') {
      const { error } = started
      if (error instanceof ConfigError) {
        writeConfigError(error, context.stderr)
        log.error({ err: error }, `the ${name} could not start: bad config`)
        return ExitCode.usage
      }
      // A start cut short by the first signal is a clean stop, not a failure.
      if (controller.signal.aborted && error instanceof Error && error.name === 'AbortError') {
        log.info(`the ${name} stopped while starting`)
        return ExitCode.ok
      }
      log.error({ err: error }, `the ${name} failed to start`)
      return ExitCode.failure
    }

    const ended = await Promise.race([
      started.service.done.then(
        () => ({ type: 'stopped' as const }),
        (error: unknown) => ({ type: 'failed' as const, error }),
      ),
      graceExpired,
    ])
    if (ended.type === 'timeout') return timedOut()
    if (ended.type === 'failed') {
      log.error({ err: ended.error }, `the ${name} failed`)
      return ExitCode.failure
    }
    if (!controller.signal.aborted) {
      // A service runs until told to stop: stopping by itself means something ended it.
      log.error(`the ${name} stopped without being asked to`)
      return ExitCode.failure
    }
    log.info(`the ${name} stopped`)
    return ExitCode.ok
  } finally {
    clearTimeout(graceTimer)
    unsubscribe()
  }
}

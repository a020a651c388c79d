import { hostname } from 'node:os'
import { type DestinationStream, type Logger, pino } from 'pino'
import type { LogConfig } from '../config/schema.js'

export type CreateLoggerParameters = {
  level: LogConfig['level']
  /** Which agent this process runs, on every line. */
  service: 'validator' | 'relayer'
  /** Default: stdout, written synchronously so no line is lost when the process exits. */
  destination?: DestinationStream | undefined
}

/**
 * The process's root pino logger: JSON lines with an ISO time, `service`, `pid` and `hostname`.
 * Library code gets it as an argument and logs through `logger.child({ module })`.
 *
 * @example
 * const logger = createLogger({ level: config.log.level, service: 'relayer' })
 * logger.child({ module: 'cli' }).info('stopping')
 */
export function createLogger({ level, service, destination }: CreateLoggerParameters): Logger {
  return pino(
    {
      level,
      base: { service, pid: process.pid, hostname: hostname() },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination ?? pino.destination({ dest: 1, sync: true }),
  )
}

import { FerryError } from './FerryError.js'

/**
 * A devnet file that is not what `pnpm devnet` writes: `field` says which part.
 *
 * @example
 * if (error instanceof InvalidDevnetFileError) console.log(error.field)
 */
export class InvalidDevnetFileError extends FerryError {
  override name = 'InvalidDevnetFileError'
  readonly code = 'invalid_devnet_file'
  /** The path of the bad field (`chains[2].endpoint`). */
  readonly field: string
  constructor({ field, problem, source }: { field: string; problem: string; source?: string }) {
    super(`The devnet file's ${field} ${problem}.`, {
      metaMessages: [
        `${source ? `Read from ${source}. ` : ''}Run \`pnpm devnet\` to write a fresh one.`,
      ],
    })
    this.field = field
  }
}

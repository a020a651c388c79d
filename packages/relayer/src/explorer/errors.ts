import { BaseError } from '@ferry/protocol'

/** The explorer's static files are not where `ferry explorer` looks: build them, or pass `--dir`. */
export class ExplorerNotBuiltError extends BaseError {
  override name = 'ExplorerNotBuiltError'
  readonly dir: string
  constructor({ dir }: { dir: string }) {
    super(`No built explorer in ${dir} (no index.html).`, {
      metaMessages: [
        'Build it with `pnpm --filter @ferry/explorer build`, or pass --dir with the folder of a built explorer.',
      ],
    })
    this.dir = dir
  }
}

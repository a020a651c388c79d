// The SDK README's snippets for sending and tracking, self-relay, topping up, remote calls and token transfers are these
// examples, which CI runs: each file's part between `// #region readme` and `// #endregion readme`
// must appear in the README verbatim, as a ```ts block.

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from 'vitest'

const readme = readFileSync(join(import.meta.dirname, '../packages/sdk/README.md'), 'utf8')

test.each(['sendAndTrack.ts', 'selfRelay.ts', 'topUp.ts', 'remoteCall.ts', 'transferTokens.ts'])(
  'the SDK README quotes %s verbatim',
  (file) => {
    const text = readFileSync(join(import.meta.dirname, file), 'utf8')
    const region = /\/\/ #region readme\n([\s\S]*?)\/\/ #endregion readme\n/.exec(text)?.[1]
    expect(region, `${file} has no readme region`).toBeDefined()
    expect(readme).toContain(`<!-- examples/${file} -->\n\`\`\`ts\n${region}\`\`\``)
  },
)

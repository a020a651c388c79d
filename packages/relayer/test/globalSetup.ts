// Runs once before the relayer's tests: installs what the tests need from Debian's packages
// (PostgreSQL's server binaries) when it is missing, so the README's test command works on a
// fresh machine. The API fuzz test installs schemathesis (PyPI) itself.
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

export default function setup(): void {
  const script = fileURLToPath(new URL('../scripts/installPostgres.sh', import.meta.url))
  const { status } = spawnSync('bash', [script], { stdio: 'inherit' })
  if (status !== 0)
    console.warn('could not install postgresql: the PostgreSQL store tests will fail')
}

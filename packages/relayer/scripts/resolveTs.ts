// Loaded with `node --import` so that a child process can run this package's TypeScript sources
// directly: Node strips the types, and this hook maps an import of `./x.js` that does not exist
// (the sources import their siblings as the compiled `.js`) to `./x.ts`.
import { registerHooks } from 'node:module'

registerHooks({
  resolve(specifier, context, nextResolve) {
    try {
      return nextResolve(specifier, context)
    } catch (error) {
      const notFound =
        error instanceof Error && 'code' in error && error.code === 'ERR_MODULE_NOT_FOUND'
      if (!notFound || !specifier.startsWith('.') || !specifier.endsWith('.js')) throw error
      return nextResolve(`${specifier.slice(0, -'.js'.length)}.ts`, context)
    }
  },
})

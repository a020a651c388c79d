/** What `getRoutes` reads of a config: structural, so it also serves the schema's own checks. */
export type GetRoutesParameters = {
  chains: readonly { name: string }[]
  validators: readonly { origin: string }[]
  relayer?: { routes: 'all' | readonly { from: string; to: string }[] } | undefined
}

/** A route by chain names. */
export type GetRoutesReturnType = { from: string; to: string }[]

/**
 * The routes the relayer serves, by chain name: its explicit `relayer.routes`, or for `all`, every
 * pair of distinct chains whose origin has a `validators` entry (without validators there are no
 * signatures, so nothing from that origin could be proven). No `relayer` section: no routes.
 *
 * @example
 * getRoutes(config) // [{ from: 'hardhat-a', to: 'wasm' }, { from: 'wasm', to: 'hardhat-a' }]
 */
export function getRoutes(config: GetRoutesParameters): GetRoutesReturnType {
  const routes = config.relayer?.routes
  if (routes === undefined) return []
  if (routes !== 'all') return routes.map(({ from, to }) => ({ from, to }))
  const origins = new Set(config.validators.map((set) => set.origin))
  return config.chains.flatMap((from) =>
    origins.has(from.name)
      ? config.chains
          .filter((to) => to.name !== from.name)
          .map((to) => ({ from: from.name, to: to.name }))
      : [],
  )
}

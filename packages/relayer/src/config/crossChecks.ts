import { getRoutes } from './getRoutes.js'

/** The part of zod's refinement context the checks use. */
export type IssueSink = {
  addIssue(issue: { code: 'custom'; message: string; path: (string | number)[] }): void
}

/**
 * Checks between fields and sections of a config: unique chain names and domains, references to
 * chains that exist, thresholds the listed validators can meet, bech32 prefixes, and a signer on
 * every chain the relayer delivers to. It runs even when some fields failed their own schema (so
 * one run reports everything), hence it reads `config` as `unknown` and skips what is malformed:
 * the field's own issue already covers that.
 *
 * @example
 * FerryConfigSchema.superRefine((config, ctx) => crossChecks(config, ctx), { when: () => true })
 */
export function crossChecks(config: unknown, ctx: IssueSink): void {
  if (!isRecord(config)) return
  const issue = (path: (string | number)[], message: string) =>
    ctx.addIssue({ code: 'custom', message, path })

  // -- chains: unique names and domains, bech32 prefix --------------------------------------
  const chains = records(config.chains)
  const names = new Map<string, number>()
  const domains = new Map<number, number>()
  chains.forEach((chain, index) => {
    if (typeof chain.name === 'string') {
      const first = names.get(chain.name)
      if (first !== undefined)
        issue(['chains', index, 'name'], `duplicates chains[${first}].name "${chain.name}"`)
      else names.set(chain.name, index)
    }
    if (typeof chain.domain === 'number') {
      const first = domains.get(chain.domain)
      if (first !== undefined)
        issue(['chains', index, 'domain'], `duplicates chains[${first}].domain ${chain.domain}`)
      else domains.set(chain.domain, index)
    }
    if (
      chain.kind === 'cosmwasm' &&
      typeof chain.endpoint === 'string' &&
      typeof chain.bech32Prefix === 'string'
    ) {
      // bech32: the prefix is everything before the last "1"; decoding is the field's own check.
      const separator = chain.endpoint.lastIndexOf('1')
      const prefix = chain.endpoint.slice(0, Math.max(0, separator)).toLowerCase()
      if (separator > 0 && prefix !== chain.bech32Prefix)
        issue(
          ['chains', index, 'endpoint'],
          `has prefix "${prefix}", but bech32Prefix is "${chain.bech32Prefix}"`,
        )
    }
  })
  const known = [...names.keys()].join(', ')
  const checkName = (path: (string | number)[], name: unknown) => {
    if (typeof name === 'string' && !names.has(name))
      issue(path, `no chain named "${name}" (chains: ${known})`)
  }

  // -- validators: one entry per origin, a threshold the URLs can meet ----------------------
  const validatorSets = records(config.validators)
  const origins = new Map<string, number>()
  validatorSets.forEach((set, index) => {
    checkName(['validators', index, 'origin'], set.origin)
    if (typeof set.origin === 'string') {
      const first = origins.get(set.origin)
      if (first !== undefined)
        issue(
          ['validators', index, 'origin'],
          `duplicates validators[${first}].origin "${set.origin}"`,
        )
      else origins.set(set.origin, index)
    }
    if (
      typeof set.threshold === 'number' &&
      Array.isArray(set.urls) &&
      set.threshold > set.urls.length
    )
      issue(
        ['validators', index, 'threshold'],
        `is ${set.threshold}, but only ${set.urls.length} validator URL(s) are listed`,
      )
  })

  // -- validator: its origin exists ---------------------------------------------------------
  if (isRecord(config.validator)) checkName(['validator', 'origin'], config.validator.origin)

  // -- relayer: routes, fee policy, signers -------------------------------------------------
  if (!isRecord(config.relayer)) return
  const relayer = config.relayer
  if (isRecord(relayer.feePolicy) && isRecord(relayer.feePolicy.minimumFee)) {
    for (const name of Object.keys(relayer.feePolicy.minimumFee))
      checkName(['relayer', 'feePolicy', 'minimumFee', name], name)
  }
  const routes =
    relayer.routes === undefined || relayer.routes === 'all' ? 'all' : records(relayer.routes)
  if (routes !== 'all') {
    const seen = new Map<string, number>()
    routes.forEach((route, index) => {
      checkName(['relayer', 'routes', index, 'from'], route.from)
      checkName(['relayer', 'routes', index, 'to'], route.to)
      if (typeof route.from !== 'string' || typeof route.to !== 'string') return
      if (route.from === route.to)
        issue(['relayer', 'routes', index, 'to'], 'must differ from `from`')
      else if (names.has(route.from) && !origins.has(route.from))
        issue(
          ['relayer', 'routes', index, 'from'],
          `"${route.from}" has no validators entry, so its messages cannot be proven`,
        )
      const key = `${route.from}\u0000${route.to}`
      const first = seen.get(key)
      if (first !== undefined)
        issue(['relayer', 'routes', index], `duplicates relayer.routes[${first}]`)
      else seen.set(key, index)
    })
  } else if (![...origins.keys()].some((origin) => names.has(origin))) {
    issue(
      ['relayer', 'routes'],
      'is "all", but no chain has a validators entry, so there is nothing to relay',
    )
  }

  // The relayer signs transactions on every destination it delivers to.
  const named = chains.flatMap((chain) =>
    typeof chain.name === 'string' ? [{ name: chain.name }] : [],
  )
  const routeList =
    routes === 'all'
      ? 'all'
      : routes.flatMap((r) =>
          typeof r.from === 'string' && typeof r.to === 'string'
            ? [{ from: r.from, to: r.to }]
            : [],
        )
  const destinations = new Map<string, string>()
  for (const route of getRoutes({
    chains: named,
    validators: [...origins.keys()].map((origin) => ({ origin })),
    relayer: { routes: routeList },
  }))
    if (!destinations.has(route.to)) destinations.set(route.to, route.from)
  chains.forEach((chain, index) => {
    const from = typeof chain.name === 'string' ? destinations.get(chain.name) : undefined
    if (from !== undefined && chain.signer === undefined)
      issue(
        ['chains', index, 'signer'],
        `is required: the relayer delivers to this chain (route ${from} → ${String(chain.name)})`,
      )
  })
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The object entries of an array, keeping their indexes' meaning (non-objects become `{}`). */
function records(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.map((item) => (isRecord(item) ? item : {})) : []
}

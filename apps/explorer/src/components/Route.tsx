import { useChainName } from '../api/queries.ts'

/** A message's route by chain names: `evm-a → evm-b`. */
export function RouteLabel({ origin, destination }: { origin: number; destination: number }) {
  const name = useChainName()
  return (
    <span className="route">
      {name(origin)} → {name(destination)}
    </span>
  )
}

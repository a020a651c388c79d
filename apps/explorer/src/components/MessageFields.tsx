import type { ReactNode } from 'react'

/** A list of name → value rows (values as text). */
export function Fields({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="fields">
      {rows.map(([name, value]) => (
        <div key={name} className="field">
          <dt>{name}</dt>
          <dd className="wrap">{value}</dd>
        </div>
      ))}
    </dl>
  )
}

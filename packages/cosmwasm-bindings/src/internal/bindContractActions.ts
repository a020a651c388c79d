import type { CosmWasmExecutor } from '../client/types.js'

/** An action of one contract: an executor and parameters that name the contract. */
// biome-ignore lint/suspicious/noExplicitAny: the parameters of each action are checked by `Bound`.
type ContractAction = (executor: CosmWasmExecutor, parameters: any) => unknown

/** An action with its executor and contract filled in; parameters optional when nothing is left. */
type Bound<action extends ContractAction> =
  Omit<Parameters<action>[1], 'contract'> extends infer rest
    ? Record<string, never> extends rest
      ? (parameters?: rest) => ReturnType<action>
      : (parameters: rest) => ReturnType<action>
    : never

/** Every action of `actions` bound to one executor and contract; see {@link bindContractActions}. */
export type ContractClient<actions extends Record<string, ContractAction>> = {
  readonly contract: string
  readonly executor: CosmWasmExecutor
} & { readonly [name in keyof actions]: Bound<actions[name]> }

/**
 * The common part of every contract client (endpoint, token bridge, interchain account router),
 * after viem's clients: each method is the action of the same name, without its first argument
 * and `contract`.
 */
export function bindContractActions<actions extends Record<string, ContractAction>>(
  actions: actions,
  executor: CosmWasmExecutor,
  contract: string,
): ContractClient<actions> {
  const bound = Object.fromEntries(
    Object.entries(actions).map(([name, action]) => [
      name,
      (parameters: object = {}) => action(executor, { ...parameters, contract }),
    ]),
  )
  // CAST: `bound` has one entry per action, each the action with executor and contract filled in.
  return { ...bound, contract, executor } as ContractClient<actions>
}

/**
 * `@ferry/relayer/testing`: what the relayer's own fault tests use, for operators' and app
 * developers' tests: a JSON-RPC proxy that fails, stalls or drops requests on demand, and a
 * throwaway PostgreSQL server from Debian's binaries.
 *
 * @example
 * import { startPostgres, startRpcFaultProxy } from '@ferry/relayer/testing'
 */
export {
  type RpcFaultMode,
  type RpcFaultProxy,
  type StartRpcFaultProxyParameters,
  startRpcFaultProxy,
} from './rpcFaultProxy.js'
export {
  PostgresNotInstalledError,
  PostgresStartError,
  type StartedPostgres,
  type StartPostgresParameters,
  startPostgres,
} from './startPostgres.js'

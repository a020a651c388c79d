import { createHash } from 'node:crypto'
import { predictInstantiate2Address } from '../../interchainAccounts/predictInstantiate2Address.js'
import {
  emptyContractStorage,
  err,
  ok,
  type SimulatorResult,
  type WasmModuleInternals,
  wasmModulePrototype,
} from './internals.js'

/** wasmd's `MaxSaltSize` (x/wasm/types/validation.go). */
const MAX_SALT_SIZE = 64

type Instantiate2Msg = {
  code_id: number
  funds: { denom: string; amount: string }[]
  msg: string
  label: string
  admin: string | null
  salt: string
}

/** The sha256 of the code's wasm, computed from the stored bytes (wasmd's `CodeInfo.CodeHash`). */
function codeChecksum(wasm: WasmModuleInternals, codeId: number): Uint8Array | undefined {
  const code = wasm.getCodeInfo(codeId)
  return code === undefined ? undefined : createHash('sha256').update(code.wasmCode).digest()
}

/** wasmd's `ValidateSalt`, with its error text; undefined when the salt is valid. */
function saltError(salt: Uint8Array): string | undefined {
  if (salt.length === 0) return 'salt: is required: empty'
  if (salt.length > MAX_SALT_SIZE)
    return `salt: cannot be longer than ${MAX_SALT_SIZE} characters: exceeds limit`
  return undefined
}

/**
 * Fix (g): `instantiate2` as wasmd runs it (x/wasm/keeper/keeper.go `instantiate`,
 * handler_plugin_encoders.go): a contract's `WasmMsg::Instantiate2` takes its salt as binary
 * (base64 in JSON; the simulator parsed it as base64 JSON, so any real salt failed), the
 * address is `BuildContractAddressPredictable(checksum, creator, salt, initMsg = empty)` with
 * the checksum of the stored code (the simulator read a static cache keyed by code id, shared by
 * every simulator in the process and filled only by its own client), an empty or longer than
 * 64-byte salt is refused, and an address that already holds a contract is an error ("contract
 * address already exists, …"), where the simulator overwrote the contract. A balance sent to the
 * address before it is kept, as wasmd keeps an existing base account's.
 */
export function instantiate2AsWasmd(): void {
  // CAST: the simulator's own methods, with the signatures its module.js gives them.
  const originalRegister = wasmModulePrototype.registerContractInstance as (
    ...args: unknown[]
  ) => unknown
  const originalInstantiate = wasmModulePrototype.instantiateContract as (
    ...args: unknown[]
  ) => Promise<SimulatorResult>
  const originalHandleMsg = wasmModulePrototype.handleMsg as (
    ...args: unknown[]
  ) => Promise<SimulatorResult>

  /** The instantiate2 address of `codeId` for `creator` and `salt`, or an error text. */
  const predict = (
    wasm: WasmModuleInternals,
    creator: string,
    codeId: number,
    salt: Uint8Array,
  ): { address: string } | { error: string } => {
    const invalid = saltError(salt)
    if (invalid !== undefined) return { error: invalid }
    const checksum = codeChecksum(wasm, codeId)
    if (checksum === undefined) return { error: `no such code: ${codeId}` }
    return {
      address: predictInstantiate2Address({
        checksum,
        creator,
        salt,
        bech32Prefix: wasm.chain.bech32Prefix,
      }),
    }
  }

  // The simulator computed the address with cosmjs's instantiate2Address from its static
  // checksum cache (and cosmjs's bech32 decoding throws with the installed @scure/base).
  wasmModulePrototype.registerContractInstance = function (
    this: WasmModuleInternals,
    ...args: unknown[]
  ) {
    const [sender, codeId, label, admin, salt] = args
    if (salt === null || salt === undefined) return originalRegister.apply(this, args)
    // CAST: instantiateContract below checked the salt and the code; a Uint8Array from here on.
    const predicted = predict(this, String(sender), Number(codeId), salt as Uint8Array)
    if ('error' in predicted) return err(predicted.error)
    const { address } = predicted
    return this.store.tx((setter: (key: string) => (value: unknown) => void) => {
      this.setContractInfo(address, {
        codeId: Number(codeId),
        creator: sender,
        admin,
        label,
        created: this.chain.height,
      })
      this.setContractStorage(address, emptyContractStorage(this.chain))
      setter('lastInstanceId')(this.lastInstanceId + 1)
      return ok(address)
    })
  }

  wasmModulePrototype.instantiateContract = function (
    this: WasmModuleInternals,
    ...args: unknown[]
  ): Promise<SimulatorResult> {
    const [sender, , codeId, , , , salt] = args
    if (salt !== null && salt !== undefined) {
      if (!(salt instanceof Uint8Array)) return Promise.resolve(err('salt: expected bytes'))
      const predicted = predict(this, String(sender), Number(codeId), salt)
      if ('error' in predicted) return Promise.resolve(err(predicted.error))
      if (this.getContractInfo(predicted.address) !== undefined)
        return Promise.resolve(
          err(
            'contract address already exists, try a different combination of creator, checksum and salt: duplicate',
          ),
        )
    }
    return originalInstantiate.apply(this, args)
  }

  wasmModulePrototype.handleMsg = function (
    this: WasmModuleInternals,
    ...args: unknown[]
  ): Promise<SimulatorResult> {
    const [sender, wasmMsg, traces] = args
    // CAST: a WasmMsg is an object keyed by its kind.
    const instantiate2 = (wasmMsg as { instantiate2?: Instantiate2Msg }).instantiate2
    if (instantiate2 === undefined) return originalHandleMsg.apply(this, args)
    const { code_id, funds, msg, label, admin, salt } = instantiate2
    return this.store.tx(() =>
      this.instantiateContract(
        sender,
        funds,
        code_id,
        JSON.parse(Buffer.from(msg, 'base64').toString('utf8')),
        label,
        admin,
        Uint8Array.from(Buffer.from(salt, 'base64')),
        traces,
        true,
      ),
    )
  }

  // The code's checksum in `{"wasm":{"code_info":{…}}}` answers, from the stored code too.
  const originalCodeInfo = wasmModulePrototype.queryCodeInfo as (...args: unknown[]) => unknown
  wasmModulePrototype.queryCodeInfo = function (this: WasmModuleInternals, ...args: unknown[]) {
    // CAST: the simulator answers a plain object; only its checksum is replaced.
    const answer = originalCodeInfo.apply(this, args) as { code_id: number; checksum?: string }
    const checksum = codeChecksum(this, answer.code_id)
    return checksum === undefined
      ? answer
      : { ...answer, checksum: Buffer.from(checksum).toString('hex') }
  }
}

// Commands of the invariant test that change the conditions: time passing, a recipient that
// starts or stops failing, and validator-set or threshold changes by the owner or by others.
import type fc from 'fast-check'
import { step } from './checks.ts'
import { type Model, noEffects, other, predictConfig, type SideKey } from './model.ts'
import { b32, type Real, sideOf, TX_GAS } from './system.ts'

type Command = fc.AsyncCommand<Model, Real>

/** Time passes on the chain (the next block is `seconds` later). */
export class Wait implements Command {
  constructor(readonly seconds: number) {}
  check = () => true
  async run(model: Model) {
    model.time += BigInt(this.seconds)
  }
  toString = () => `wait(${this.seconds}s)`
}

/** The RevertingRecipient on `side` starts or stops reverting (anyone may switch it). */
export class SwitchRecipient implements Command {
  constructor(
    readonly side: SideKey,
    readonly reverting: boolean,
  ) {}
  check = () => true
  async run(model: Model, real: Real) {
    const { reverting } = real.apps[this.side]
    await step(
      model,
      real,
      this.side,
      () => {
        model.reverting[this.side] = this.reverting
        return { ok: true, effects: noEffects() }
      },
      () =>
        reverting.write.setReverting([this.reverting], {
          account: real.world.alice.account,
          gas: TX_GAS,
        }),
    )
  }
  toString = () => `setReverting(${this.side}, ${this.reverting})`
}

/** The owner, or someone else, sets a validator set or a threshold on `side`'s verifier. */
export class Configure implements Command {
  constructor(
    readonly side: SideKey,
    readonly caller: 'owner' | 'alice' | 'stranger',
    readonly validators: readonly number[] | null,
    readonly threshold: number,
  ) {}
  check = () => true
  async run(model: Model, real: Real) {
    const account = real.world[this.caller].account
    const { verifier } = sideOf(real, this.side)
    const origin = model.domains[other(this.side)]
    const addresses = (this.validators ?? []).flatMap((i) => real.pool[i]?.address ?? [])
    const originEndpoint = b32(sideOf(real, other(this.side)).endpoint.address)
    const call = {
      caller: account.address,
      isOwner: this.caller === 'owner',
      validators: this.validators,
      threshold: this.threshold,
    }
    await step(
      model,
      real,
      this.side,
      () => predictConfig(model, this.side, call),
      () =>
        this.validators === null
          ? verifier.write.setThreshold([origin, this.threshold], { account, gas: TX_GAS })
          : verifier.write.setOrigin([origin, originEndpoint, addresses, this.threshold], {
              account,
              gas: TX_GAS,
            }),
    )
  }
  toString = () =>
    `${this.validators === null ? 'setThreshold' : `setOrigin([${this.validators}])`}(${this.side}, threshold ${this.threshold}, by ${this.caller})`
}

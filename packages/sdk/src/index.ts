// Entry point of `@ferry/sdk`. The codec is also its own subpath (`@ferry/sdk/codec`) for
// consumers, such as contracts' tests, that want nothing else.

export * from './codec/index.js'
export { BaseError, type BaseErrorParameters, type BaseErrorType } from './errors/base.js'

// Entry point of `@ferry/sdk`. The dApp SDK's actions come here (send, quote, track, recover);
// until then it carries the protocol codec, re-exported from `@ferry/protocol`, so that a dApp
// needs one import.

export * from '@ferry/protocol'

import type { ApiComponents as components } from '@ferry/sdk'

// Names for the generated schemas the components use (no hand-written shapes).
export type MessageSummary = components['schemas']['MessageSummary']
export type MessageDetail = components['schemas']['MessageDetail']
export type Channel = components['schemas']['Channel']
export type Chain = components['schemas']['Chain']
export type ValidatorOrigin = components['schemas']['ValidatorOrigin']
export type LifecycleEvent = components['schemas']['LifecycleEvent']
export type Reason = components['schemas']['Reason']
export type Stage = components['schemas']['Stage']
export type Status = components['schemas']['Status']

import { useState } from 'react'
import type { EIP1193Provider } from 'viem'
import { useChainName, useChains } from '../api/queries.ts'
import { cosmWasmInstructions } from '../chain/cosmwasmInstructions.ts'
import { useExplorer } from '../context.tsx'
import type { WaitAction } from '../lib/whyItWaits.ts'

const LABEL: Record<WaitAction, string> = {
  addFee: 'Add the missing fee',
  relayMessage: 'Deliver it yourself (self-relay)',
  retryMessage: 'Retry with more gas',
  timeoutMessage: 'Time it out',
}

export type ActionsPanelProps = {
  action: WaitAction
  id: `0x${string}`
  encoded: `0x${string}`
  origin: number
  destination: number
  /** addFee: the shortfall, in the origin's base units. */
  amount?: bigint | undefined
  /** The message's own gas limit (a retry gives it twice that). */
  gasLimit: number
  /** Whether the API is up (proofs, `toPolicy`). */
  apiUp: boolean
  /** Told the transaction an action sent: the page keeps showing it once the panel is gone. */
  onSent: (sent: ActionSent) => void
}

/** The transaction an action sent from the page. */
export type ActionSent = { action: WaitAction; transactionHash: string; chain: string }

/** What the page's last action sent, shown above the message once the message moves on. */
export function ActionSentNotice({ sent }: { sent: ActionSent }) {
  return (
    <p role="status" className="sent" data-testid="action-sent">
      {LABEL[sent.action]}: sent on {sent.chain}, transaction{' '}
      <span className="mono wrap">{sent.transactionHash}</span>. This page follows the message live.
    </p>
  )
}

/** The wallet the page signs with: the browser's EIP-1193 provider, when there is one. */
function browserWallet(): EIP1193Provider | undefined {
  // CAST: `window.ethereum` is the EIP-1193 provider wallets inject, when one is installed.
  return (window as { ethereum?: EIP1193Provider }).ethereum
}

/**
 * The action that fixes a message, signed with the user's browser wallet through the SDK; where
 * it must happen on a CosmWasm chain (which the browser wallet does not sign for), the exact SDK
 * call and CLI command instead. Once sent, the transaction is shown and the page follows the
 * message live.
 */
export function ActionsPanel(props: ActionsPanelProps) {
  const { action, id, encoded, origin, destination, amount, gasLimit, apiUp, onSent } = props
  const { config } = useExplorer()
  const apiChains = useChains().data?.items
  const chainName = useChainName()
  const domain = action === 'addFee' ? origin : destination
  const [state, setState] = useState<
    { type: 'idle' } | { type: 'busy' } | { type: 'failed'; error: string }
  >({ type: 'idle' })
  // CAST: the devnet file's chains carry kind, domain, endpoint and (CosmWasm) denom; read loosely, for the instructions only.
  const fileChains =
    (
      config.chains as
        | { chains?: { kind?: string; domain?: number; endpoint?: string; denom?: string }[] }
        | undefined
    )?.chains ?? []
  const fileChain = fileChains.find((chain) => chain.domain === domain)
  const kind = fileChain?.kind ?? apiChains?.find((chain) => chain.domain === domain)?.kind
  const retryGas = gasLimit * 2
  if (kind === 'cosmwasm') {
    const { sdk, cli } = cosmWasmInstructions({
      action,
      id,
      encoded,
      endpoint:
        fileChain?.endpoint ??
        apiChains?.find((chain) => chain.domain === domain)?.endpoint ??
        '<endpoint>',
      chain: chainName(domain),
      denom: fileChain?.denom ?? '<denom>',
      amount,
      gasLimit: retryGas,
    })
    return (
      <section aria-labelledby="actions-heading" className="actions">
        <h2 id="actions-heading">{LABEL[action]}</h2>
        <p>
          This happens on a CosmWasm chain, which a browser wallet does not sign for. With the SDK:
        </p>
        <pre className="code" data-testid="sdk-call">
          {sdk}
        </pre>
        {cli ? (
          <>
            <p>Or with the chain's CLI:</p>
            <pre className="code" data-testid="cli-command">
              {cli}
            </pre>
          </>
        ) : null}
      </section>
    )
  }
  const wallet = browserWallet()
  const run = async () => {
    if (!wallet) return
    setState({ type: 'busy' })
    try {
      const { runAction } = await import('../chain/chainClient.ts')
      const done = await runAction(config.chains, wallet, {
        action,
        id,
        encoded,
        domain,
        amount,
        gasLimit: retryGas,
        apiUrl: apiUp ? config.apiUrl : undefined,
      })
      setState({ type: 'idle' })
      onSent({ action, ...done })
    } catch (error) {
      setState({
        type: 'failed',
        error:
          error instanceof Error ? (error.message.split('\n')[0] ?? error.name) : String(error),
      })
    }
  }
  return (
    <section aria-labelledby="actions-heading" className="actions">
      <h2 id="actions-heading">{LABEL[action]}</h2>
      {config.chains === undefined ? (
        <p>
          This explorer was started without chains, so it cannot sign (start `ferry explorer` with
          `--chains`).
        </p>
      ) : !wallet ? (
        <p>No browser wallet (EIP-1193) found: install one to act from this page.</p>
      ) : null}
      <button
        type="button"
        onClick={run}
        disabled={!wallet || config.chains === undefined || state.type === 'busy'}
      >
        {action === 'addFee' && amount !== undefined
          ? `${LABEL[action]} (${amount} base units)`
          : LABEL[action]}
        {action === 'retryMessage' ? ` (${retryGas} gas)` : ''}
      </button>
      {state.type === 'busy' ? <p role="status">Waiting for the wallet and the chain…</p> : null}
      {state.type === 'failed' ? (
        <p role="alert" className="notice" data-testid="action-failed">
          {state.error}
        </p>
      ) : null}
    </section>
  )
}

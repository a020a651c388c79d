// The app the bundle bench measures (benchBundle.ts): what a browser dApp ships to send a message
// EVM → EVM and wait for it, importing the SDK by name as a dApp does.
import { createFerryClient, defineFerryChain, send, waitForMessage } from '@ferry/sdk'
import { createWalletClient, custom, type EIP1193Provider } from 'viem'

// CAST: a browser wallet's injected provider (EIP-1193), as every viem dApp reads it.
const ethereum = (globalThis as { ethereum?: EIP1193Provider }).ethereum
if (!ethereum) throw new Error('no injected wallet')
const [account] = await ethereum.request({ method: 'eth_requestAccounts' })
if (!account) throw new Error('no account')

const client = createFerryClient({
  chains: [
    defineFerryChain({
      kind: 'evm',
      name: 'base',
      domain: 8453,
      endpoint: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
      rpcUrls: ['https://mainnet.base.org'],
      walletClient: createWalletClient({ account, transport: custom(ethereum) }),
    }),
    defineFerryChain({
      kind: 'evm',
      name: 'optimism',
      domain: 10,
      endpoint: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
      rpcUrls: ['https://mainnet.optimism.io'],
    }),
  ],
  apiUrl: 'https://relayer.example',
})
const sent = await send(client, {
  from: 'base',
  to: 'optimism',
  recipient: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
  body: '0x68656c6c6f',
  gasLimit: 200_000,
})
const state = await waitForMessage(client, { id: sent.id, timeoutMs: 120_000 })
document.title = state.type

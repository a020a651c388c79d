import {
  ozBridgeERC20Abi,
  ozBridgeERC20Bytecode,
  ozERC20CrosschainAbi,
  ozERC20CrosschainBytecode,
} from '@ferry/evm-contracts'
import { DeploymentFailedError } from '@ferry/evm-contracts/testing'
import type { EvmTestChain } from '@ferry/testkit'
import { type Abi, type Address, getContractAddress, type Hex, isAddressEqual } from 'viem'
import { deployerOf } from './evmTransactions.js'
import { interopAddressOn } from './interopAddressOn.js'

/** OpenZeppelin's ERC-20 bridge pair, linked through the two chains' ERC-7786 gateways. */
export type OpenZeppelinBridge = {
  /** The domain of the chain `bridgeERC20` is on. */
  homeDomain: number
  /** The domain of the chain `erc20Crosschain` is on. */
  remoteDomain: number
  /** `BridgeERC20` on the home chain: locks `token` and releases it. */
  bridgeERC20: Address
  /** The ERC-20 `bridgeERC20` locks. */
  token: Address
  /** `ERC20Crosschain` on the remote chain: mints what was locked, burns what goes back. */
  erc20Crosschain: Address
}

/**
 * Deploys OpenZeppelin's `BridgeERC20` on `home` over `token` and `ERC20Crosschain` on `remote`
 * (as published: `OzBridgeERC20`, `OzERC20Crosschain` add constructors only), each linked to
 * the other through its chain's `FerryGateway`. Both chains need gateways that
 * `connectChains` peered. The two name each other at construction, so the second's address is
 * predicted from the deployer's nonce on `remote` (nothing else may deploy there meanwhile).
 *
 * @example
 * const oz = await deployOpenZeppelinBridge({ home: evmA, remote: evmB, token })
 */
export async function deployOpenZeppelinBridge({
  home,
  remote,
  token,
}: {
  home: EvmTestChain
  remote: EvmTestChain
  token: Address
}): Promise<OpenZeppelinBridge> {
  const [homeGateway, remoteGateway] = [home.apps.gateway, remote.apps.gateway]
  if (homeGateway === undefined || remoteGateway === undefined)
    throw new Error('devnet: OpenZeppelin’s bridge needs a gateway on both chains')
  const deployer = deployerOf(remote)
  const predicted = getContractAddress({
    from: deployer.address,
    nonce: BigInt(
      await remote.client.getTransactionCount({ address: deployer.address, blockTag: 'pending' }),
    ),
  })
  const bridgeERC20 = await deploy(home, 'BridgeERC20', {
    abi: ozBridgeERC20Abi,
    bytecode: ozBridgeERC20Bytecode,
    args: [
      token,
      [
        {
          gateway: homeGateway,
          counterpart: await interopAddressOn(home, remote.domain, predicted),
        },
      ],
    ],
  })
  const erc20Crosschain = await deploy(remote, 'ERC20Crosschain', {
    abi: ozERC20CrosschainAbi,
    bytecode: ozERC20CrosschainBytecode,
    args: [
      [
        {
          gateway: remoteGateway,
          counterpart: await interopAddressOn(remote, home.domain, bridgeERC20),
        },
      ],
    ],
  })
  if (!isAddressEqual(erc20Crosschain, predicted))
    throw new Error(
      `devnet: ERC20Crosschain landed at ${erc20Crosschain}, not ${predicted} as BridgeERC20 names it`,
    )
  return {
    homeDomain: home.domain,
    remoteDomain: remote.domain,
    bridgeERC20,
    token,
    erc20Crosschain,
  }
}

/** Deploys as the chain's deployer; throws `DeploymentFailedError` when no contract came of it. */
async function deploy(
  chain: EvmTestChain,
  contract: string,
  { abi, bytecode, args }: { abi: Abi; bytecode: Hex; args: readonly unknown[] },
): Promise<Address> {
  const hash = await chain.wallet.deployContract({
    abi,
    bytecode,
    args,
    account: deployerOf(chain),
    chain: chain.wallet.chain,
  })
  const { contractAddress } = await chain.client.waitForTransactionReceipt({ hash })
  if (!contractAddress) throw new DeploymentFailedError(contract, hash)
  return contractAddress
}

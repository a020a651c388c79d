/**
 * ABI + creation bytecode of Hyperlane's contracts, read from the typechain factories that the
 * `@hyperlane-xyz/core` npm package ships under `dist/typechain/factories`. Nothing is compiled
 * here: the bytecode is exactly what Hyperlane published (solc 0.8.x, their optimizer settings).
 *
 * The factories are ethers-v5 ES modules that `import ... from "ethers"`, which is not installed
 * in this package, so they cannot be imported. Each one holds two plain literals,
 * `const _abi = [...]` and `const _bytecode = "0x..."`; we cut that slice out of the file and
 * evaluate just it in an empty `vm` context (no imports, no globals reachable).
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import vm from 'node:vm'
import type { Abi, Hex } from 'viem'

export type HyperlaneArtifact = { readonly abi: Abi; readonly bytecode: Hex }

const require = createRequire(import.meta.url)
/** `dist/` of @hyperlane-xyz/core (its `exports` map hides package.json, so resolve a listed file). */
const distDir = dirname(require.resolve('@hyperlane-xyz/core/buildArtifact.json'))
const factoriesDir = join(distDir, 'typechain', 'factories')

/** Factory file (relative to dist/typechain/factories) of every contract the bench deploys. */
const factoryFiles = {
  Mailbox: 'contracts/Mailbox__factory.js',
  MerkleTreeHook: 'contracts/hooks/MerkleTreeHook__factory.js',
  InterchainGasPaymaster: 'contracts/hooks/igp/InterchainGasPaymaster__factory.js',
  StorageGasOracle: 'contracts/hooks/igp/StorageGasOracle__factory.js',
  StaticMerkleRootMultisigIsmFactory:
    'contracts/isms/multisig/StaticMultisigIsm.sol/StaticMerkleRootMultisigIsmFactory__factory.js',
  StaticMerkleRootMultisigIsm:
    'contracts/isms/multisig/StaticMultisigIsm.sol/StaticMerkleRootMultisigIsm__factory.js',
  TestRecipient: 'contracts/test/TestRecipient__factory.js',
  // The remote-call bench (bench/remote-calls): Hyperlane's interchain accounts.
  InterchainAccountRouter: 'contracts/middleware/InterchainAccountRouter__factory.js',
  OwnableMulticall: 'contracts/middleware/libs/OwnableMulticall__factory.js',
  // The token-transfer bench (bench/token): Hyperlane's warp routes.
  HypERC20Collateral: 'contracts/token/HypERC20Collateral__factory.js',
  HypERC20: 'contracts/token/HypERC20__factory.js',
  // The OpenZeppelin 4.x proxy pair Hyperlane's deployer puts in front of Mailbox and the IGP.
  ProxyAdmin: '@openzeppelin/contracts/proxy/transparent/ProxyAdmin__factory.js',
  TransparentUpgradeableProxy:
    '@openzeppelin/contracts/proxy/transparent/TransparentUpgradeableProxy.sol/TransparentUpgradeableProxy__factory.js',
} as const

export type HyperlaneContractName = keyof typeof factoryFiles

const cache = new Map<HyperlaneContractName, HyperlaneArtifact>()

/** Loads one contract's ABI and creation bytecode from the installed @hyperlane-xyz/core. */
export function hyperlaneArtifact(name: HyperlaneContractName): HyperlaneArtifact {
  const cached = cache.get(name)
  if (cached) return cached
  const file = join(factoriesDir, factoryFiles[name])
  const source = readFileSync(file, 'utf8')
  const start = source.indexOf('const _abi = ')
  const bytecodeAt = source.indexOf('const _bytecode = ', start)
  const end = source.indexOf(';\n', bytecodeAt)
  if (start < 0 || bytecodeAt < 0 || end < 0) {
    throw new Error(`hyperlane bench: no _abi/_bytecode literals in ${file}`)
  }
  const context: { _abi?: unknown; _bytecode?: unknown } = {}
  // `const` bindings stay script-local, so copy them onto the context object explicitly.
  vm.runInNewContext(
    `${source.slice(start, end + 1)}\nthis._abi = _abi; this._bytecode = _bytecode;`,
    context,
  )
  const { _abi: abi, _bytecode: bytecode } = context
  if (typeof bytecode === 'string' && bytecode.includes('__$')) {
    throw new Error(`hyperlane bench: ${name} needs library linking, which this loader does not do`)
  }
  if (!Array.isArray(abi) || typeof bytecode !== 'string' || !/^0x[0-9a-fA-F]+$/.test(bytecode)) {
    throw new Error(`hyperlane bench: unexpected artifact shape in ${file}`)
  }
  // CAST: the literal is a solc ABI (checked to be an array above); viem validates it on use.
  const artifact: HyperlaneArtifact = { abi: abi as Abi, bytecode: bytecode as Hex }
  cache.set(name, artifact)
  return artifact
}

/** Version string of the @hyperlane-xyz/core package the artifacts came from. */
export function hyperlaneCoreVersion(): string {
  // CAST: npm package.json; only `version` is read.
  const pkg = JSON.parse(readFileSync(join(distDir, '..', 'package.json'), 'utf8')) as {
    version?: string
  }
  return pkg.version ?? 'unknown'
}

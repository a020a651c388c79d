import type { StartService } from '../cli/runService.js'
import { ConfigError } from '../config/errors.js'
import { resolveSigner } from '../config/resolveSigner.js'
import { createValidator } from '../core/validator/createValidator.js'
import { createValidatorApp } from '../core/validator/createValidatorApp.js'
import { runValidator } from '../core/validator/runValidator.js'
import { openStore } from '../store/openStore.js'
import { createChainReader } from './createChainReader.js'
import { listen } from './listen.js'

/**
 * `ferry validator start`: opens the store, watches the `validator.origin` chain, signs its final
 * checkpoints and serves them on `validator.listen`. `done` settles once the loop has stopped
 * (after `signal`) and the server and store are closed.
 *
 * @example
 * const { done } = await startValidatorService(config, { logger, signal, env: process.env })
 */
export const startValidatorService: StartService = async (
  config,
  { logger, signal, env, embeddedChains },
) => {
  const section = config.validator
  if (!section)
    throw new ConfigError({
      file: 'config',
      issues: [{ field: 'validator', message: 'is required to run a validator' }],
    })
  const index = config.chains.findIndex((chain) => chain.name === section.origin)
  const chainConfig = config.chains[index]
  if (!chainConfig)
    throw new ConfigError({
      file: 'config',
      issues: [{ field: 'validator.origin', message: 'names no chain' }],
    })
  const secret = resolveSigner(section.signer, env, { field: 'validator.signer' })
  if (secret.type !== 'privateKey')
    throw new ConfigError({
      file: 'config',
      issues: [{ field: 'validator.signer', message: 'must be a private key' }],
    })

  const store = await openStore(config.store.url, { field: 'store.url', logger })
  try {
    const chain = createChainReader({ chain: chainConfig, index, embeddedChains, logger })
    const validator = await createValidator({
      chain,
      store,
      privateKey: secret.privateKey,
      finality: chainConfig.finality,
      maxBlockSpan: chainConfig.maxBlockSpan,
      logger,
    })
    const server = await listen(createValidatorApp(validator), section.listen)
    logger.info(
      { url: server.url, validator: validator.address, origin: chainConfig.name },
      'validator listening',
    )
    const done = runValidator({
      validator,
      pollIntervalMs: chainConfig.pollIntervalMs,
      signal,
      logger,
    }).finally(async () => {
      await server.close()
      await store.close()
    })
    return { done }
  } catch (error) {
    await store.close()
    throw error
  }
}

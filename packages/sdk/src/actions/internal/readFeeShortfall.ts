import type { Hex } from 'viem'
import { callApi } from '../../api/callApi.js'
import type { FerryClient } from '../../client/createFerryClient.js'
import { ApiRequestError } from '../../errors/ApiRequestError.js'
import { NotUnderpaidError } from '../../errors/NotUnderpaidError.js'

/**
 * What the relayer's fee policy still asks of message `id`, from its API's detail
 * (`underpaid.missing`, which the relayer computes from its policy and the fees it indexed),
 * with the message as the API indexed it. Throws `ApiRequestError` (`no_api` without an
 * `apiUrl`) or `NotUnderpaidError` when there is nothing to pay.
 *
 * @example
 * const { missing, origin, encoded } = await readFeeShortfall(client, id)
 */
export async function readFeeShortfall(
  client: Pick<FerryClient, 'apiUrl' | 'fetch'>,
  id: Hex,
): Promise<{ missing: bigint; origin: number; encoded: Hex }> {
  const answer = await callApi(client, '/v1/messages/{id}', { path: { id } })
  if (!answer.ok) {
    if (answer.status === 404) throw new NotUnderpaidError({ id, reason: 'not_indexed' })
    throw new ApiRequestError({
      url: `/v1/messages/${id}`,
      reason: 'bad_answer',
      status: answer.status,
    })
  }
  const { reason, underpaid, origin, encoded } = answer.data
  if (reason !== 'underpaid')
    throw new NotUnderpaidError({ id, reason: 'not_underpaid', relayerReason: reason })
  // A relayer older than `underpaid` leaves it out, whatever the generated type says.
  const missing = BigInt(underpaid?.missing ?? 0)
  if (missing === 0n)
    throw new NotUnderpaidError({ id, reason: 'no_shortfall', relayerReason: reason })
  // CAST: the API's `encoded` is the message's hex, as emitted
  return { missing, origin, encoded: encoded as Hex }
}

import type { Logger } from '../../sip/ports';
import type { CallsStore } from '../../stores/calls';
import type { HistoryStore } from '../../stores/history';
import { createHistoryService, type HistoryService } from './history-service';
import { openHistoryRepository } from './open-history-repository';

/** Opens the account's call history and starts recording the calls of `calls` into it. */
export async function startHistory(aor: string, calls: CallsStore, store: HistoryStore, logger: Logger): Promise<HistoryService> {
  const repository = await openHistoryRepository(aor, logger);
  return createHistoryService({ calls, store, repository, now: () => Date.now(), logger });
}

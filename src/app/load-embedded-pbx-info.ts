import type { Logger } from '../sip/ports';
import { EMBEDDED_PBX_INFO_PATH, parseEmbeddedPbxInfo, type EmbeddedPbxInfo } from './embedded-pbx-info';

/** Asks the server that served the page about its embedded PBX; undefined when it has none. */
export async function loadEmbeddedPbxInfo(fetchFn: typeof fetch, logger: Logger): Promise<EmbeddedPbxInfo | undefined> {
  try {
    const response = await fetchFn(EMBEDDED_PBX_INFO_PATH, { cache: 'no-store' });
    if (!response.ok) return undefined;
    const info = parseEmbeddedPbxInfo(await response.json());
    if (!info) logger.log('warn', `${EMBEDDED_PBX_INFO_PATH} has an unexpected shape`);
    return info;
  } catch (error) {
    logger.log('info', `no embedded PBX: ${EMBEDDED_PBX_INFO_PATH} unavailable`, error);
    return undefined;
  }
}

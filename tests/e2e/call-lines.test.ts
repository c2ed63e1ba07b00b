import { describe, expect, it } from 'vitest';
import { openRegisteredApp, type AppPage } from './support/app-page';
import { callLine, dial, lineStatus } from './support/call-page';
import { chromiumForFile } from './support/chromium';
import { e2eContext } from './support/e2e-context';

const PHONE_SIZE = { width: 360, height: 640 };
const WAIT = { timeout: 15_000, interval: 100 };

describe('call lines: swap between two calls, and a quality indicator per active line, in Chromium', () => {
  const { appUrl } = e2eContext();
  const chromium = chromiumForFile();

  async function phone(user: string): Promise<AppPage> {
    return openRegisteredApp(chromium.browser, appUrl, { user }, { viewport: PHONE_SIZE });
  }

  function button(app: AppPage, party: string, name: string) {
    return callLine(app.page, party).getByRole('button', { name, exact: true });
  }

  it('swaps with one press: the talking call goes on hold and the held one comes back', async () => {
    const first = await phone('1000');
    const middle = await phone('1001');
    const second = await phone('1002');
    try {
      await dial(first.page, '1001');
      await button(middle, '1000', 'Answer').click();
      await expect.poll(() => lineStatus(middle.page, '1000'), WAIT).toBe('Connected');

      // Call waiting: the second call rings without disturbing the first.
      await dial(second.page, '1001');
      await expect.poll(() => lineStatus(middle.page, '1002'), WAIT).toBe('Incoming call');
      expect(await lineStatus(middle.page, '1000')).toBe('Connected');
      const swap = middle.page.getByRole('button', { name: 'Swap', exact: true });
      expect(await swap.count()).toBe(0);

      // Answering the second puts the first on hold, which makes Swap available.
      await button(middle, '1002', 'Answer').click();
      await expect.poll(() => lineStatus(middle.page, '1002'), WAIT).toBe('Connected');
      await expect.poll(() => lineStatus(middle.page, '1000'), WAIT).toBe('On hold');
      await expect.poll(() => swap.count(), WAIT).toBe(1);

      await swap.click();
      await expect.poll(() => lineStatus(middle.page, '1000'), WAIT).toBe('Connected');
      await expect.poll(() => lineStatus(middle.page, '1002'), WAIT).toBe('On hold');
      await expect.poll(() => lineStatus(first.page, '1001'), WAIT).toBe('Connected');
      await expect.poll(() => lineStatus(second.page, '1001'), WAIT).toBe('Held by remote');

      // Back again.
      await swap.click();
      await expect.poll(() => lineStatus(middle.page, '1002'), WAIT).toBe('Connected');
      await expect.poll(() => lineStatus(middle.page, '1000'), WAIT).toBe('On hold');
      await expect.poll(() => lineStatus(first.page, '1001'), WAIT).toBe('Held by remote');

      // The active line shows its quality once audio has flowed; the held one does not.
      const quality = callLine(middle.page, '1002').getByRole('img', { name: /^Call quality: (good|fair|poor)$/ });
      await expect.poll(() => quality.count(), WAIT).toBe(1);
      expect(await callLine(middle.page, '1000').getByRole('img', { name: /^Call quality/ }).count()).toBe(0);

      await button(middle, '1000', 'Hang up').click();
      await button(middle, '1002', 'Hang up').click();
      await expect.poll(() => lineStatus(first.page, '1001'), WAIT).not.toBe('Held by remote');
      for (const app of [first, middle, second]) expect(app.errors).toEqual([]);
    } finally {
      await first.close();
      await middle.close();
      await second.close();
    }
  });
});

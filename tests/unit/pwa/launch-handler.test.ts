import { describe, expect, it } from 'vitest';
import { handleLaunch, type LaunchTargets } from '../../../src/pwa/launch-handler';
import { launchIntent } from '../../../src/pwa/launch-intent';

function targets(answer: boolean, ready = true) {
  const log: string[] = [];
  const value: LaunchTargets = {
    show: (screen) => void log.push(`show ${screen}`),
    prefillDial: (text) => void log.push(`prefill ${text}`),
    ready: () => Promise.resolve(ready),
    ask: (question) => {
      log.push(`ask ${question}`);
      return answer;
    },
    call: (target) => void log.push(`call ${target}`),
  };
  return { log, value };
}

describe('acting on a launch', () => {
  it('pre-fills a sip: link and calls it once the user confirms', async () => {
    const { log, value } = targets(true);
    await handleLaunch(launchIntent('?dial=sip%3A1001%40127.0.0.1'), value);
    expect(log).toEqual(['prefill sip:1001@127.0.0.1', 'ask Call sip:1001@127.0.0.1?', 'call sip:1001@127.0.0.1']);
  });

  it('leaves the number in the dial field when the user says no', async () => {
    const { log, value } = targets(false);
    await handleLaunch(launchIntent('?dial=tel%3A%2B15550100'), value);
    expect(log).toEqual(['prefill +15550100', 'ask Call +15550100?']);
  });

  it('does not ask about a link it cannot dial', async () => {
    const { log, value } = targets(true);
    await handleLaunch(launchIntent('?dial=sip%3A%40'), value);
    expect(log).toEqual(['prefill sip:@']);
  });

  it('does not ask when there is no phone to call with', async () => {
    const { log, value } = targets(true, false);
    await handleLaunch(launchIntent('?dial=1001'), value);
    expect(log).toEqual(['prefill 1001']);
  });

  it('only shows the screen of a shortcut', async () => {
    const { log, value } = targets(true);
    await handleLaunch(launchIntent('?screen=history'), value);
    expect(log).toEqual(['show history']);
  });
});

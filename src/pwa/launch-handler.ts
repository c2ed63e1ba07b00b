import type { Screen } from '../stores/navigation';
import type { LaunchIntent } from './launch-intent';

export interface LaunchTargets {
  show(screen: Screen): void;
  prefillDial(text: string): void;
  /** Resolves true once the phone can place calls, false when there is no phone (no account). */
  ready(): Promise<boolean>;
  /** Asks the user a yes/no question (window.confirm). */
  ask(question: string): boolean;
  call(target: string): void;
}

/**
 * Acts on a launch: opens the screen, and for a sip:/tel: link puts the number in the dial field
 * and calls it once the user confirms. A web page can open such a link without the user meaning
 * to call, so it never dials unasked.
 */
export async function handleLaunch(intent: LaunchIntent, targets: LaunchTargets): Promise<void> {
  if (intent.screen) targets.show(intent.screen);
  const dial = intent.dial;
  if (!dial) return;
  // Filled in once the phone is up, just before the question, so the number is on screen when it is asked.
  const phoneReady = await targets.ready();
  targets.prefillDial(dial.text);
  // An unusable link stays in the dial field, where pressing Call says what is wrong with it.
  if (!dial.target.ok || !phoneReady) return;
  if (targets.ask(`Call ${dial.text}?`)) targets.call(dial.target.target);
}

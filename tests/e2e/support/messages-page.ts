import type { Locator, Page } from 'playwright-core';

/** The Messages tab; its accessible name carries the unread count ("Messages, 2 unread"). */
export function messagesTab(page: Page): Locator {
  return page.getByRole('tab', { name: /^Messages/ });
}

/** The unread count the Messages tab announces; 0 when it shows no badge (never waits). */
export async function unreadOnTab(page: Page): Promise<number> {
  if ((await page.getByRole('tab', { name: 'Messages', exact: true }).count()) === 1) return 0;
  for (const name of await messagesTab(page).evaluateAll((tabs) => tabs.map((tab) => tab.textContent ?? ''))) {
    const match = /(\d+) unread/.exec(name);
    if (match) return Number(match[1]);
  }
  return -1;
}

/** Shows the Messages screen. */
export async function openMessages(page: Page): Promise<void> {
  await messagesTab(page).click();
}

/** Opens the conversation with `peer` through the new-conversation field. */
export async function startConversation(page: Page, peer: string): Promise<void> {
  await page.getByLabel('New conversation with', { exact: true }).fill(peer);
  await page.getByRole('button', { name: 'Start conversation', exact: true }).click();
}

/** The conversation list's entry for `peer`; its name says how many are unread. */
export function conversationEntry(page: Page, peer: string): Locator {
  return page.getByRole('list', { name: 'Conversations' }).getByRole('button', { name: new RegExp(`^Conversation with ${peer}\\b`) });
}

/** Types `body` into the message field of the open conversation and presses Send message. */
export async function sendMessage(page: Page, body: string): Promise<void> {
  await page.getByLabel('Message', { exact: true }).fill(body);
  await page.getByRole('button', { name: 'Send message', exact: true }).click();
}

/** The open conversation's message log. */
export function messageLog(page: Page): Locator {
  return page.getByRole('log', { name: 'Messages' });
}

/** The delivery state of each of our messages in the open conversation, oldest first (never waits). */
export function deliveryStates(page: Page): Promise<string[]> {
  return messageLog(page).getByRole('status', { name: 'Delivery' }).allTextContents();
}

/** How many messages in the open conversation have exactly `body` (never waits). */
export function countMessages(page: Page, body: string): Promise<number> {
  return messageLog(page).getByText(body, { exact: true }).count();
}

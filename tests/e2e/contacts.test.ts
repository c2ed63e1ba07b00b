import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openRegisteredApp, statusText, type AppPage } from './support/app-page';
import { accessibilityProblems } from './support/axe';
import { repoRoot } from './support/build-app';
import { callLine, lineCount, lineStatus } from './support/call-page';
import { chromiumForFile } from './support/chromium';
import { e2eContext } from './support/e2e-context';

const PHONE_SIZE = { width: 360, height: 640 };
const SCREENSHOTS = path.join(repoRoot, '.tmp/screenshots');
const FIXTURES = path.join(repoRoot, 'tests/fixtures/contacts');
const WAIT = { timeout: 15_000, interval: 100 };

function contactList(page: Page): Locator {
  return page.getByRole('list', { name: 'Contacts' });
}

/** The names of the contacts listed, in order (never waits). */
async function contactNames(page: Page): Promise<string[]> {
  if ((await contactList(page).count()) === 0) return [];
  return contactList(page)
    .locator(':scope > li')
    .evaluateAll((items) => items.map((item) => item.getAttribute('aria-label') ?? ''));
}

async function showContacts(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Contacts', exact: true }).click();
}

async function addContact(page: Page, name: string, numbers: string[]): Promise<void> {
  await page.getByRole('button', { name: 'New contact', exact: true }).click();
  const form = page.getByRole('form', { name: 'New contact' });
  await form.getByLabel('Name', { exact: true }).fill(name);
  for (const [index, number] of numbers.entries()) {
    if (index > 0) await form.getByRole('button', { name: 'Add number', exact: true }).click();
    await form.getByLabel(`Number ${index + 1}`, { exact: true }).fill(number);
  }
  await form.getByRole('button', { name: 'Save contact', exact: true }).click();
  await expect.poll(() => form.count(), WAIT).toBe(0);
}

async function importFile(page: Page, file: string): Promise<string> {
  await page.getByLabel('Import contacts', { exact: true }).setInputFiles(path.join(FIXTURES, file));
  const result = page.getByLabel('Import result', { exact: true });
  await expect.poll(() => result.count(), WAIT).toBe(1);
  const text = (await result.locator('p').first().textContent()) ?? '';
  await result.getByRole('button', { name: 'Dismiss', exact: true }).click();
  return text;
}

describe('contacts, in Chromium', () => {
  const { appUrl } = e2eContext();
  const chromium = chromiumForFile();

  async function phone(user: string, colorScheme: 'light' | 'dark' = 'light'): Promise<AppPage> {
    return openRegisteredApp(chromium.browser, appUrl, { user }, { viewport: PHONE_SIZE, colorScheme });
  }

  it('adds, finds, edits and deletes contacts, keeps them over a reload, and calls one', async () => {
    const app = await phone('1002');
    const far = await phone('1003');
    try {
      await showContacts(app.page);
      expect(await app.page.getByText(/^No contacts yet\./).count()).toBe(1);

      const form = () => app.page.getByRole('form', { name: /contact$/ });
      await app.page.getByRole('button', { name: 'New contact', exact: true }).click();
      await form().getByLabel('Name', { exact: true }).fill('Nobody');
      await form().getByRole('button', { name: 'Save contact', exact: true }).click();
      expect(await form().getByRole('alert').textContent()).toBe('Enter at least one number or SIP address');
      await form().getByRole('button', { name: 'Cancel', exact: true }).click();

      await addContact(app.page, 'Ann Example', ['1003']);
      await addContact(app.page, 'Bob Builder', ['+1 555 0100', 'sip:bob@example.com']);
      expect(await contactNames(app.page)).toEqual(['Ann Example', 'Bob Builder']);
      expect(await accessibilityProblems(app.page)).toEqual([]);

      const search = app.page.getByLabel('Search contacts', { exact: true });
      await search.fill('ann');
      expect(await contactNames(app.page)).toEqual(['Ann Example']);
      await search.fill('5550100');
      expect(await contactNames(app.page)).toEqual(['Bob Builder']);
      await search.fill('zzz');
      expect(await app.page.getByRole('status').filter({ hasText: 'No contact matches' }).count()).toBe(1);
      await search.fill('');

      await contactList(app.page).getByRole('button', { name: 'Edit Ann Example', exact: true }).click();
      const edit = app.page.getByRole('form', { name: 'Edit contact' });
      expect(await edit.getByLabel('Number 1', { exact: true }).inputValue()).toBe('1003');
      expect(await accessibilityProblems(app.page)).toEqual([]);
      await mkdir(SCREENSHOTS, { recursive: true });
      await app.page.screenshot({ path: path.join(SCREENSHOTS, 'contact-edit.png') });
      await edit.getByLabel('Name', { exact: true }).fill('Ann B. Example');
      await edit.getByRole('button', { name: 'Save contact', exact: true }).click();
      await expect.poll(() => contactNames(app.page), WAIT).toEqual(['Ann B. Example', 'Bob Builder']);

      await contactList(app.page).getByRole('button', { name: 'Delete Bob Builder', exact: true }).click();
      await app.page.getByRole('group', { name: 'Delete Bob Builder?' }).getByRole('button', { name: 'Delete', exact: true }).click();
      await expect.poll(() => contactNames(app.page), WAIT).toEqual(['Ann B. Example']);

      await app.page.reload();
      await expect.poll(() => statusText(app.page), WAIT).toBe('Registered');
      await showContacts(app.page);
      await expect.poll(() => contactNames(app.page), WAIT).toEqual(['Ann B. Example']);

      await contactList(app.page).getByRole('button', { name: 'Call Ann B. Example', exact: true }).click();
      await expect.poll(() => lineStatus(far.page, '1002'), WAIT).toBe('Incoming call');
      // Our line carries the contact's name, with the number under it.
      expect(await callLine(app.page, 'Ann B. Example').getByText('1003', { exact: true }).count()).toBe(1);
      await callLine(far.page, '1002').getByRole('button', { name: 'Decline', exact: true }).click();
      await expect.poll(() => lineCount(app.page), WAIT).toBe(0);
      expect(app.errors).toEqual([]);
    } finally {
      await app.close();
      await far.close();
    }
  });

  it('imports a vCard and a CSV file, reporting what it skipped, refuses a broken file, and exports', async () => {
    const app = await phone('1004', 'dark');
    const dialogs: string[] = [];
    app.page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    try {
      await showContacts(app.page);
      const dave = '<img src=x onerror=alert(1)> Dave with a name long enough to be folded onto a second line';
      expect(await importFile(app.page, 'people.vcf')).toBe('Added 2 contacts, skipped 1.');
      expect(await contactNames(app.page)).toEqual([dave, 'Carol Example']);
      expect(await app.page.locator('img[src="x"]').count()).toBe(0);

      expect(await importFile(app.page, 'people.csv')).toBe('Added 2 contacts, skipped 1.');
      expect(await contactNames(app.page)).toEqual([dave, 'Carol Example', 'Doe, Erin', 'Frank "the" Tester']);
      // Saved by a spreadsheet in the Windows code page, with ";" between the fields.
      expect(await importFile(app.page, 'outlook-ansi.csv')).toBe('Added 1 contact.');
      expect(await contactNames(app.page)).toEqual([dave, 'Carol Example', 'Doe, Erin', 'Frank "the" Tester', 'Jürgen Müller']);
      await mkdir(SCREENSHOTS, { recursive: true });
      await app.page.screenshot({ path: path.join(SCREENSHOTS, 'contacts.png') });
      expect(await accessibilityProblems(app.page)).toEqual([]);

      await app.page.getByLabel('Import contacts', { exact: true }).setInputFiles(path.join(FIXTURES, 'people.vcf'));
      await expect.poll(() => app.page.getByLabel('Import result').getByRole('list', { name: 'Skipped' }).getByRole('listitem').allTextContents(), WAIT).toEqual([
        'card 1 (Carol Example): already in contacts',
        `card 2 (${dave}): already in contacts`,
        'card 3 (No Number): no number',
      ]);
      await app.page.getByRole('button', { name: 'Dismiss', exact: true }).click();

      await app.page.getByLabel('Import contacts', { exact: true }).setInputFiles(path.join(FIXTURES, 'broken.vcf'));
      const alert = app.page.getByRole('alert').filter({ hasText: 'was not imported' });
      await expect.poll(() => alert.count(), WAIT).toBe(1);
      expect(await alert.locator('p').textContent()).toBe('broken.vcf was not imported: The file ends inside a vCard (END:VCARD missing)');
      expect(await contactNames(app.page)).toHaveLength(5);

      for (const [format, expected] of [
        ['vCard 4.0', /^BEGIN:VCARD\r\nVERSION:4\.0\r\n/],
        ['CSV', /^\uFEFFname,number,email\r\n/],
      ] as const) {
        await app.page.getByLabel('Export format', { exact: true }).selectOption({ label: format });
        const [download] = await Promise.all([app.page.waitForEvent('download'), app.page.getByRole('button', { name: 'Export contacts', exact: true }).click()]);
        const text = await readFile((await download.path())!, 'utf8');
        expect(text).toMatch(expected);
        expect(text).toContain('Doe');
        expect(download.suggestedFilename()).toBe(format === 'CSV' ? 'tabphone-contacts.csv' : 'tabphone-contacts.vcf');
      }
      expect(dialogs).toEqual([]);
      expect(app.errors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { carrierError } from '../../src/rules/index.js';
import { eventually, launchDemo, lead, type Demo } from './harness.js';

/** A 1×1 PNG, so the browser can really decode what the stub serves back. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');

const sendButton = (composer: Locator) => composer.getByRole('button', { name: 'Send', exact: true });

/** The label next to the recipient (the status line for screen readers repeats it). */
const optedOutLabel = (composer: Locator) => composer.getByRole('paragraph').filter({ hasText: /opted out \(replied STOP\)/ });

async function send(composer: Locator, text: string) {
  await composer.getByLabel('Message', { exact: true }).fill(text);
  await sendButton(composer).click();
}

/** The simulator panel: `from` texts `body` (or a keyword, or an MMS) to the first workspace number. */
async function inbound(page: Page, from: string, button: string, body = '') {
  await page.evaluate(() => (location.hash = 'simulator'));
  const form = page.locator('#simulator-form');
  await form.getByLabel('From (the contact)').fill(from);
  if (body) await form.getByLabel('Text').fill(body);
  await form.getByRole('button', { name: button }).click();
  await form.getByRole('status').getByText(`${from} texted`).waitFor();
}

describe('the demo, end to end', () => {
  let demo: Demo;
  before(async () => {
    demo = await launchDemo();
  });
  after(async () => {
    await demo?.stop();
  });

  it('sends a text, shows it delivered, and shows the reply', async () => {
    const page = await demo.open();
    const { composer, log } = await lead(page, '+14155550142');
    await send(composer, 'Are you free on Tuesday?');
    await log.getByText('Are you free on Tuesday?', { exact: true }).waitFor();
    await log.getByText('Delivered', { exact: true }).waitFor();
    await log.getByText('Thanks, got your message: "Are you free on Tuesday?"').waitFor();
    assert.equal(await composer.getByLabel('Message', { exact: true }).inputValue(), '', 'the composer is cleared after sending');
  });

  it('receives a text in the inbox, unread, and opens its conversation', async () => {
    const page = await demo.open();
    await inbound(page, '+14155550124', 'Send text', 'Is the blue one still available?');
    await page.getByRole('link', { name: 'Inbox' }).click();
    const option = page.locator('#inbox').getByRole('option', { name: /Is the blue one still available\?/ });
    await option.waitFor();
    assert.match((await option.textContent()) ?? '', /Unread/);
    await option.click();
    await page.locator('#inbox-thread').getByRole('log').getByText('Is the blue one still available?').waitFor();
    assert.equal(await page.locator('#inbox-composer').getByLabel('To', { exact: true }).inputValue(), '+14155550124');
  });

  it('blocks texting a contact who replied STOP, with the reason next to the recipient', async () => {
    const page = await demo.open();
    await inbound(page, '+14155550125', 'Send STOP');
    const { composer, log } = await lead(page, '+14155550125');
    await log.getByText('Recipient opted out').waitFor();
    await composer.getByLabel('Message', { exact: true }).fill('One more offer');
    await optedOutLabel(composer).waitFor();
    assert.equal(await sendButton(composer).isDisabled(), true);

    await inbound(page, '+14155550125', 'Send START');
    const reopened = await lead(await demo.open(), '+14155550125');
    await reopened.log.getByText('Recipient opted back in').waitFor();
    await reopened.composer.getByLabel('Message', { exact: true }).fill('Welcome back');
    await eventually(() => sendButton(reopened.composer).isDisabled(), (disabled) => !disabled);
    assert.equal(await optedOutLabel(reopened.composer).count(), 0);
  });

  const failures: [string, number][] = [
    ['+14155550161', 30006],
    ['+14155550162', 30007],
    ['+14155550163', 21610],
    ['+14155550164', 30003],
    ['+14155550165', 30008],
  ];
  for (const [contact, code] of failures) {
    it(`shows ${contact}'s failure ${code} as an error label, its reason on hover and on focus`, async () => {
      const page = await demo.open();
      const { composer, log } = await lead(page, contact);
      await send(composer, `Checking in (${code})`);
      const { label, reason } = carrierError(code);
      const errorLabel = log.getByText(label, { exact: true });
      await errorLabel.waitFor();
      const tooltip = log.getByRole('tooltip');
      assert.equal(await tooltip.isVisible(), false, 'the reason is hidden until asked for');
      await errorLabel.hover();
      await tooltip.waitFor({ state: 'visible' });
      assert.equal((await tooltip.textContent())?.trim(), reason);
      await page.mouse.move(0, 0);
      await tooltip.waitFor({ state: 'hidden' });
      await errorLabel.focus();
      await tooltip.waitFor({ state: 'visible' });
    });
  }

  it('sends an MMS with a picture and shows the picture served back', async () => {
    const page = await demo.open();
    const { composer, log } = await lead(page, '+14155550126');
    await composer.locator('input[type=file]').setInputFiles({ name: 'floor-plan.png', mimeType: 'image/png', buffer: PNG });
    await composer.getByRole('listitem').getByText('floor-plan.png').waitFor();
    await composer.getByLabel('Message', { exact: true }).fill('Here is the floor plan');
    await eventually(() => sendButton(composer).isDisabled(), (disabled) => !disabled);
    await sendButton(composer).click();
    const picture = log.getByRole('img', { name: 'floor-plan.png' });
    await picture.waitFor();
    await log.getByText('Delivered', { exact: true }).waitFor();
    await eventually(() => picture.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0)), (width) => width === 1);
  });

  it('receives an MMS with a picture and a PDF, both downloadable', async () => {
    const page = await demo.open();
    await inbound(page, '+14155550127', 'Send MMS (photo + PDF)', 'Photos of the site');
    const { log } = await lead(page, '+14155550127');
    await log.getByText('Photos of the site').waitFor();
    const picture = log.getByRole('img');
    await eventually(() => picture.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0)), (width) => width > 0);
    const pdf = log.getByRole('link', { name: /\.pdf/ });
    const response = await page.request.get(await pdf.evaluate((link: HTMLAnchorElement) => link.href));
    assert.equal(response.status(), 200);
    assert.equal(response.headers()['content-type'], 'application/pdf');
    assert.equal((await response.body()).subarray(0, 5).toString(), '%PDF-');
  });

  it('schedules a message for later and cancels it', async () => {
    const page = await demo.open();
    const { composer, log } = await lead(page, '+14155550128');
    await composer.getByLabel('Send later').check();
    await composer.getByLabel('Message', { exact: true }).fill('Reminder: viewing tomorrow at 10');
    await composer.getByRole('button', { name: 'Schedule', exact: true }).click();
    await log.getByText(/^Scheduled for /).waitFor();
    await log.getByRole('button', { name: /^Cancel the message scheduled for / }).click();
    await log.getByText('Canceled', { exact: true }).waitFor();
    assert.equal(await log.getByRole('button', { name: /^Cancel the message/ }).count(), 0);
  });

  it('warns when only voice-only numbers are for rent, and rents a number that texts', async () => {
    const page = await demo.open('settings');
    const picker = page.locator('#rent');
    await picker.getByLabel('Country').selectOption('GB');
    await picker.getByLabel('Area code').fill('20');
    await picker.getByRole('button', { name: 'Search' }).click();
    await picker.getByRole('alert').getByText(/Only voice-only numbers are available/).waitFor();

    await picker.getByLabel('Country').selectOption('US');
    await picker.getByLabel('Area code').fill('212');
    await picker.getByRole('button', { name: 'Search' }).click();
    await eventually(() => picker.getByRole('alert').count(), (count) => count === 0);
    const rent = picker.getByRole('list', { name: 'Available numbers' }).getByRole('button', { name: /^Rent \+1212/ }).first();
    const number = (await rent.textContent())!.trim().replace(/^Rent /, '');
    await rent.click();
    await picker.getByRole('status').getByText(`${number} is now yours.`).waitFor();
    const owned = page.locator('#settings-select').getByRole('radio', { name: new RegExp(`\\${number}`) });
    await owned.waitFor();
    assert.equal(await owned.isEnabled(), true);
  });

  it('switches user: a colleague sees the workspace conversation, another workspace does not', async () => {
    const page = await demo.open();
    await page.evaluate(() => (location.hash = 'simulator'));
    await page.locator('#simulator-to').selectOption('+14155550101');
    await inbound(page, '+14155550129', 'Send text', 'Question for the sales line');

    const signIn = async (token: string) => {
      await Promise.all([page.waitForEvent('load'), page.getByLabel('Signed in as').selectOption(token)]);
      await page.evaluate(() => (location.hash = 'settings'));
    };
    const numbers = page.locator('#settings-select');
    const inbox = page.locator('#inbox');

    await signIn('demo-bob');
    await numbers.getByRole('radio', { name: /Support AU/ }).waitFor();
    assert.equal(await numbers.getByRole('radio', { name: /Alice \(UK\)/ }).count(), 0, "Bob never sees Alice's personal numbers");
    await page.getByRole('link', { name: 'Inbox' }).click();
    await inbox.getByRole('option', { name: /Question for the sales line/ }).waitFor();

    await signIn('demo-carol');
    await numbers.getByRole('radio', { name: /\+14155550190/ }).waitFor();
    assert.equal(await numbers.getByRole('radio', { name: /Sales line/ }).count(), 0);
    await page.getByRole('link', { name: 'Inbox' }).click();
    await inbox.getByText('No conversations.').waitFor();
    assert.equal(await inbox.getByRole('listbox').getByRole('option').count(), 0);
  });
});

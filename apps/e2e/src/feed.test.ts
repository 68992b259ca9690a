import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousViolations } from './support/axe.ts';
import { personPage, screenshot } from './support/browser.ts';
import { signIn } from './support/people.ts';
import { hasChromium } from './support/requirements.ts';
import { useScenario } from './support/scenario.ts';

describe.skipIf(!hasChromium)('community feed in the backoffice', () => {
  const s = useScenario();
  let jonas: Page;
  const feedOf = (page: Page) => page.getByRole('region', { name: 'Community feed' });
  const postIn = (page: Page, text: string) => feedOf(page).getByRole('article').filter({ hasText: text });
  const TEXT = 'Tip of the day: the Summit Jacket zips into its own pocket, https://example.com/summit';

  it('shows a post, its comment and its like live to the other helper and back', async () => {
    await signIn(s.helper, s.server.url, 'helper1@demo.tribu');
    jonas = await personPage(s.browser, { width: 1440, height: 900 });
    await signIn(jonas, s.server.url, 'helper2@demo.tribu');
    await feedOf(s.helper).getByText('Welcome to the Alpine Threads community room').waitFor();
    await feedOf(jonas).getByText('Welcome to the Alpine Threads community room').waitFor();

    await feedOf(s.helper).getByRole('textbox', { name: 'Write a post' }).fill(TEXT);
    await feedOf(s.helper).getByRole('button', { name: 'Post', exact: true }).click();
    await postIn(s.helper, 'zips into its own pocket').waitFor();
    const seen = postIn(jonas, 'zips into its own pocket');
    await seen.waitFor();
    await seen.getByRole('link', { name: 'https://example.com/summit' }).waitFor();

    await seen.getByRole('button', { name: 'Comment', exact: true }).click();
    await seen.getByRole('textbox', { name: "Comment on Camille's post" }).fill('Brilliant, I never noticed that!');
    await seen.getByRole('button', { name: 'Send' }).click();
    await seen.getByRole('button', { name: 'Like 0' }).click();
    await seen.locator('button.like[aria-pressed="true"]').waitFor();

    const mine = postIn(s.helper, 'zips into its own pocket');
    await mine.getByText('Brilliant, I never noticed that!').waitFor();
    await mine.getByRole('button', { name: 'Like 1' }).waitFor();
    await mine.getByText('1 comment').waitFor();
  });

  it('rings the bell for a comment on my post; opening it marks it read', async () => {
    await s.helper.getByRole('button', { name: /^Notifications\W+1 unread$/ }).click();
    const item = s.helper.getByRole('dialog', { name: 'Notifications' }).getByRole('button', { name: /Jonas commented on your post/ });
    await item.waitFor();
    await screenshot(s.helper, 'feed-bell');
    await item.click();
    await s.helper.getByRole('button', { name: 'Notifications', exact: true }).waitFor();
  });

  it('suggests a name after @ and pings the person mentioned', async () => {
    // Camille is reading further down: the new post must wait in a pill, not push her page.
    await s.helper.evaluate(() => document.querySelector('.feed-scroll')?.scrollTo({ top: 400, behavior: 'instant' }));
    const box = feedOf(jonas).getByRole('textbox', { name: 'Write a post' });
    await box.fill('Thanks @Cam');
    await feedOf(jonas).getByRole('button', { name: 'Mention Camille' }).click();
    await box.press('End');
    await box.pressSequentially('for the pocket tip, packing it for the Haute Route!');
    await feedOf(jonas).getByRole('button', { name: 'Post', exact: true }).click();
    await feedOf(s.helper)
      .getByRole('button', { name: /1 new post/ })
      .click();
    const seen = postIn(s.helper, 'packing it for the Haute Route');
    await seen.locator('mark.mention', { hasText: '@Camille' }).waitFor();
    await s.helper.getByRole('button', { name: /^Notifications\W+1 unread$/ }).waitFor();
  });

  it("lets a manager hide a post: it leaves others' feeds and its author reads why", async () => {
    const morgane = await personPage(s.browser, { width: 1440, height: 900 });
    await signIn(morgane, s.server.url, 'manager@demo.tribu');
    const target = postIn(morgane, 'packing it for the Haute Route');
    await target.getByRole('button', { name: 'Moderate this post' }).click();
    await target.getByRole('menuitem', { name: 'Hide…' }).click();
    const dialog = morgane.getByRole('dialog', { name: 'Hide this post' });
    await dialog.getByRole('textbox', { name: 'Reason' }).fill('Trip plans belong in the Trips thread, thank you!');
    await dialog.getByRole('button', { name: 'Hide', exact: true }).click();
    await target.getByText('Hidden by a moderator: Trip plans belong in the Trips thread').waitFor();
    await postIn(jonas, 'packing it for the Haute Route').getByText('Hidden by a moderator: Trip plans belong').waitFor();
    await postIn(s.helper, 'packing it for the Haute Route').waitFor({ state: 'detached' });
    await target.getByRole('button', { name: 'Moderate this post' }).click();
    await target.getByRole('menuitem', { name: 'Restore' }).click();
    await postIn(s.helper, 'packing it for the Haute Route').waitFor();
    await morgane.close();
  });

  it('posts an image the other helper sees, and explains a file that is not an image', async () => {
    const composer = feedOf(s.helper).getByRole('form', { name: 'Write a post' });
    const file = composer.getByLabel('Attach an image');
    await file.setInputFiles({ name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('just some text') });
    await composer.getByText('That file is not an image (JPEG, PNG, WebP or GIF)').waitFor();

    await s.visitor.goto(`${s.server.url}/demo`);
    const shop = await s.visitor.screenshot({ type: 'png' });
    await file.setInputFiles({ name: 'shop.png', mimeType: 'image/png', buffer: shop });
    await composer.getByRole('img', { name: 'Image to post' }).waitFor();
    await composer.getByRole('textbox', { name: 'Write a post' }).fill('The new product page is live, have a look before your next chat.');
    await composer.getByRole('button', { name: 'Post', exact: true }).click();
    const img = postIn(jonas, 'The new product page is live').getByRole('img', { name: 'Image shared by Camille' });
    await img.waitFor();
    // Served whole: as wide as the screenshot posted (its PNG header says), never wider than 1600 px.
    const posted = { width: shop.readUInt32BE(16), height: shop.readUInt32BE(20) };
    const scale = Math.min(1, 1600 / Math.max(posted.width, posted.height));
    await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBe(Math.round(posted.width * scale));
  });

  it('looks lively at 1440 and 1024 pixels wide, with no serious accessibility issue', async () => {
    await s.helper.evaluate(() => document.querySelector('.feed-scroll')?.scrollTo(0, 0));
    await screenshot(s.helper, 'feed-1440');
    expect(await seriousViolations(s.helper)).toEqual([]);
    await s.helper.setViewportSize({ width: 1024, height: 768 });
    await feedOf(s.helper).getByText('zips into its own pocket').waitFor();
    await screenshot(s.helper, 'feed-1024');
  });
});

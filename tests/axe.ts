/**
 * The accessibility audit every page gets: axe-core with every rule it has, with and without
 * JavaScript. No tag restriction: the best-practice rules (heading order, landmarks, one main…)
 * catch what a screen-reader user trips on although no WCAG criterion names it.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from '@playwright/test';
import { expect } from './fixtures';

export async function expectNoAxeViolations(page: Page) {
	// Legacy mode runs axe.run in the page itself. The default mode runs it frame by frame and then
	// opens a blank page to merge the frames' results, injecting axe there again: twice the CPU
	// for the same verdict here, since the app has no frame; a page that gets one fails here.
	expect(await page.locator('iframe, frame').count(), `axe in legacy mode does not look inside frames (${page.url()})`).toBe(0);
	const results = await new AxeBuilder({ page }).setLegacyMode(true).analyze();
	const report = results.violations
		.map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.split('\n').join(' ')}`).join('\n')}`)
		.join('\n');
	expect(results.violations.map((v) => v.id), `axe violations on ${page.url()}:\n${report}`).toEqual([]);
}

/**
 * axe runs as a script in the page, which a page without JavaScript cannot do. For the `nojs`
 * project the same server HTML, its scripts removed, is loaded in a scriptable context: axe then
 * sees exactly the document a reader without JavaScript gets (nothing of the app runs).
 */
export async function analyzablePage(page: Page, browser: Browser, baseURL: string, javaScriptEnabled: boolean): Promise<Page> {
	if (javaScriptEnabled) return page;
	const url = page.url();
	const raw = await page.request.get(url);
	const html = (await raw.text()).replace(/<script\b[\s\S]*?<\/script>/gi, '');
	expect(html).not.toMatch(/<script/i);
	const context = await browser.newContext({ javaScriptEnabled: true, baseURL, locale: 'fr-FR' });
	const copy = await context.newPage();
	await copy.route(url, (route) => route.fulfill({ status: raw.status(), contentType: 'text/html; charset=utf-8', body: html }));
	await copy.goto(url);
	return copy;
}

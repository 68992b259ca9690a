import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = (createRequire(import.meta.url)('axe-core') as { source: string }).source;

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/** The rules of WCAG 2.2 levels A and AA (axe's tags; 2.0 and 2.1 criteria are part of 2.2). */
export const WCAG22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/**
 * Serious and critical accessibility violations on the page (open shadow roots included), one readable
 * line each: impact, rule, what it asks, and up to five elements with the first one's failure summary.
 * `tags` restricts the rules run (e.g. WCAG22_AA); without it every rule runs.
 */
export async function seriousViolations(page: Page, tags?: string[]): Promise<string[]> {
  // Through the DevTools protocol, so the page's CSP (no inline scripts) does not block it.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  // A post still fading in reads as low contrast: let every finite animation end first (a busy machine slows them).
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getComputedTiming().iterations !== Infinity)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
  const violations = await page.evaluate(async (tags) => {
    type Axe = { run: (ctx: Document, opts: object) => Promise<{ violations: Violation[] }> };
    const axe = (window as unknown as { axe: Axe }).axe;
    return (await axe.run(document, tags ? { runOnly: { type: 'tag', values: tags } } : {})).violations;
  }, tags);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => {
      const where = v.nodes
        .slice(0, 5)
        .map((n) => JSON.stringify(n.target))
        .join(', ');
      const more = v.nodes.length > 5 ? ` and ${v.nodes.length - 5} more` : '';
      const why = tags && v.nodes[0]?.failureSummary ? ` (${v.nodes[0].failureSummary.replace(/\s+/g, ' ').trim()})` : '';
      return `${v.impact} ${v.id}: ${v.help} — ${where}${more}${why}`;
    });
}

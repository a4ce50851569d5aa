/**
 * Accessibility check run on every page a journey visits: axe with the WCAG 2.0, 2.1 and 2.2
 * A and AA rules must find nothing. Violations are printed one per line with the elements.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

type Violation = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number];

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export function formatViolations(violations: Violation[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes.map((n) => `    - ${n.target.join(' ')}: ${n.failureSummary?.replace(/\s+/g, ' ') ?? ''}`).join('\n');
      return `  ${v.id} (${v.impact ?? 'n/a'}): ${v.help} ${v.helpUrl}\n${nodes}`;
    })
    .join('\n');
}

/** Runs axe on the page as it is now (wait for the content you expect first). */
export async function axeViolations(page: Page): Promise<Violation[]> {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  return results.violations;
}

export async function expectNoAxeViolations(page: Page): Promise<void> {
  const violations = await axeViolations(page);
  expect(violations.length, `axe violations on ${page.url()}:\n${formatViolations(violations)}`).toBe(0);
}

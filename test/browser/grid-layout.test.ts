import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { useBrowser } from "./harness.ts";

/** The ledger's column state as the user sees it: the sorted column and the visible column order. */
async function layout(page: Page) {
  await page.waitForSelector('[data-testid="complaint-grid"] .ag-row[row-index="0"]');
  return page.evaluate(() => ({
    sorted: [...document.querySelectorAll('[data-testid="complaint-grid"] .ag-header-cell[aria-sort="ascending"]')].map((e) =>
      e.getAttribute("col-id"),
    ),
  }));
}

describe("browser: grids remember their layout per user, on the server", () => {
  const b = useBrowser();

  it("a sort chosen in one browser is there in another browser of the same user, and not for anyone else", async () => {
    const first = await b.signedIn("manager");
    await first.goto(`${b.baseUrl}/complaints`);
    expect((await layout(first)).sorted).toEqual([]);
    const saved = first.waitForResponse(
      async (r) => r.url().endsWith("/graphql") && (r.request().postData() ?? "").includes("SaveGridPreference"),
    );
    await first.click('[data-testid="complaint-grid"] .ag-header-cell[col-id="status"] .ag-header-cell-label');
    await saved;
    await expect.poll(async () => (await layout(first)).sorted).toEqual(["status"]);

    // Another browser (no local copy) of the same user: the server's copy applies.
    const second = await b.signedIn("manager");
    await second.goto(`${b.baseUrl}/complaints`);
    await expect.poll(async () => (await layout(second)).sorted).toEqual(["status"]);
    const { rows } = await b.db.db.pool.query(
      `SELECT p.value FROM user_preferences p JOIN staff s ON s.id = p.staff_id WHERE s.login = 'manager' AND p.key = 'grid.complaint-ledger'`,
    );
    expect(rows[0].value.sort.sortModel).toMatchObject([{ colId: "status", sort: "asc" }]);
    await b.screenshot(second, "grid-layout-second-browser");

    // Someone else's ledger is untouched.
    const other = await b.signedIn("mgmtrep");
    await other.goto(`${b.baseUrl}/complaints`);
    await other.waitForTimeout(500);
    expect((await layout(other)).sorted).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { rowId } from "../api/graphql.ts";
import { useBrowser } from "./harness.ts";

/**
 * Survey response entry (SPEC §9, SUR-3, SUR-6) in the browser: the front desk types returned
 * paper questionnaires into the grid of the running campaign, keyboard only.
 */
describe("browser: survey response entry (SUR-3, SUR-6)", () => {
  const b = useBrowser();
  const q = (sql: string, params: unknown[] = []) => b.db.db.pool.query(sql, params).then((r) => r.rows);
  const stored = (handout: string) =>
    q(
      `SELECT d.code, r.rating, r.not_applicable FROM survey_responses r JOIN questionnaire_dimensions d ON d.id = r.dimension_id
    WHERE r.handout_id = $1 ORDER BY d.sort_order`,
      [handout],
    );
  // The paper: overall 5, …, community activities not applicable ("n"), fee transparency 3.
  const typed = ["5", "4", "4", "3", "5", "4", "2", "4", "5", "n", "3"];

  it("SUR-6: a questionnaire typed with digits, Tab and Enter is stored and returned (SUR-3); Enter goes on to the next one; a stale one asks", async () => {
    const page = await b.signedIn("frontdesk.lx");
    await page.goto(`${b.baseUrl}/surveys/entry`);
    await page.waitForSelector('[data-testid="survey-grid"] .ag-row[row-index="1"]');
    expect(await page.textContent('[data-testid="questionnaire"]')).toContain("11");
    const rowA = '.ag-row[row-index="0"]';
    const idA = (await page.getAttribute(rowA, "row-id"))!;
    const handoutA = rowId(idA);
    const [a] = await q(`SELECT h.code, s.returned_at FROM survey_handouts s JOIN households h ON h.id = s.household_id WHERE s.id = $1`, [
      handoutA,
    ]);
    expect(a.returned_at).toBeNull();

    await page.click(`${rowA} [col-id="q:overall"]`);
    for (const [i, key] of typed.entries()) {
      if (i > 0) await page.keyboard.press("Tab");
      await page.keyboard.type(key);
    }
    await b.screenshot(page, "survey-entry-typing");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.textContent(`.ag-row[row-id="${idA}"] [col-id="state"]`)).toBe("已录入");
    await expect.poll(() => stored(handoutA).then((r) => r.length)).toBe(11);
    expect((await stored(handoutA)).map((r) => (r.not_applicable ? "n" : String(r.rating)))).toEqual(typed);
    expect((await q(`SELECT returned_at FROM survey_handouts WHERE id = $1`, [handoutA]))[0].returned_at).not.toBeNull();

    // Enter went on to the next questionnaire, its first question open for typing.
    const rowB = '.ag-row[row-index="1"]';
    await page.waitForSelector(`${rowB} [col-id="q:overall"] select`);
    const handoutB = rowId((await page.getAttribute(rowB, "row-id"))!);
    // Meanwhile someone else entered it: the user is asked, and takes the stored questionnaire.
    await q(`UPDATE survey_handouts SET version = version + 1 WHERE id = $1`, [handoutB]);
    await page.keyboard.type("2");
    await page.keyboard.press("Enter");
    await page.waitForSelector('[data-testid="conflict-dialog"][open]');
    expect(await page.textContent('[data-testid="conflict-mine"]')).toContain("2 不满意");
    await b.screenshot(page, "survey-entry-conflict");
    await page.click('[data-testid="conflict-theirs-button"]');
    await expect.poll(() => page.textContent(`${rowB} [col-id="q:overall"]`)).toBe("");
    expect(await stored(handoutB)).toEqual([]);

    // After a reload the entered questionnaire is among the entered ones, with its answers.
    await page.goto(`${b.baseUrl}/surveys/entry?show=entered&q=${a.code}`);
    const saved = `.ag-row[row-id="${idA}"]`;
    await page.waitForSelector(saved);
    expect(await page.textContent(`${saved} [col-id="q:overall"]`)).toBe("5");
    expect(await page.textContent(`${saved} [col-id="q:community_activities"]`)).toBe("N/A");
    await b.screenshot(page, "survey-entry-saved");
  });

  it("SUR-6: an answer the server refuses is marked on its question's cell and goes back; the questionnaire's other answers wait to be saved", async () => {
    const page = await b.signedIn("frontdesk.lx");
    await page.goto(`${b.baseUrl}/surveys/entry`);
    const row = '.ag-row[row-index="0"]';
    await page.waitForSelector(row);
    const id = (await page.getAttribute(row, "row-id"))!;
    const mine = `.ag-row[row-id="${id}"]`;
    // The page offers "not applicable" for security; meanwhile the questionnaire no longer allows it there.
    const [dim] = await q(
      `SELECT d.id FROM questionnaire_dimensions d JOIN survey_campaigns c ON c.questionnaire_id = d.questionnaire_id WHERE c.code = 'SAT-2026-H2' AND d.code = 'security'`,
    );
    await q(`UPDATE questionnaire_dimensions SET allow_not_applicable = false WHERE id = $1`, [dim.id]);
    try {
      await page.click(`${mine} [col-id="q:overall"]`);
      for (const [i, key] of ["4", "4", "4", "4", "4", "n"].entries()) {
        if (i > 0) await page.keyboard.press("Tab");
        await page.keyboard.type(key);
      }
      await page.keyboard.press("Enter");
      await page.waitForSelector(`${mine} [col-id="q:security"].cell-error`);
      expect(await page.textContent(`${mine} [col-id="q:security"]`)).toBe("");
      expect(await page.textContent(`${mine} [col-id="q:overall"]`)).toBe("4");
      expect(await page.textContent('[data-testid="cell-error"]')).toContain("安全管理");
      expect(await page.textContent('[data-testid="unsaved"]')).toContain("1");
      expect(await stored(rowId(id))).toEqual([]);
      await b.screenshot(page, "survey-entry-refused");
    } finally {
      await q(`UPDATE questionnaire_dimensions SET allow_not_applicable = true WHERE id = $1`, [dim.id]);
    }
    // Corrected on its cell, the questionnaire is saved with the answers typed before.
    await page.click(`${mine} [col-id="q:security"]`);
    await page.keyboard.type("3");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.textContent(`${mine} [col-id="state"]`)).toBe("已录入");
    expect((await stored(rowId(id))).filter((r) => r.rating != null).map((r) => [r.code, r.rating])).toEqual([
      ["overall", 4],
      ["complaint_handling", 4],
      ["repair_quality", 4],
      ["repair_speed", 4],
      ["staff_attitude", 4],
      ["security", 3],
    ]);
  });
});

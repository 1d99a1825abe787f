// The console in headless Chromium (Debian's package, playwright-core), offline but for the gateway:
// sign in, walk the Data Explorer from the huvudman to a student, view the student as demo-lms (alias,
// civic number withheld and why; a person of another unit, enrolled, placed or on duty, absent with that
// unit named), edit demo-lms's presets (contract preview, save, audit line), and a
// supplier key refused at sign-in; the overview's write grants and webhook, write grants in the editor.
// The suppliers file is a temporary copy of config/suppliers.yaml, demo-full given a webhook whose
// secret variable this stack does not have.
//
// SCREENSHOTS=1 npx jest test/console/console.browser.test.ts   also writes docs/console-*.png.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { parse } from 'yaml';
import { PROJECT_ROOT } from '../../src/config/paths';
import { launchBrowser, offlineContext } from '../support/browser';
import { DEMO_KEYS, startE2E, type E2E } from '../support/e2e';
import { ADMIN_KEY, ADMINS, protectedStudentAt, suppliersCopy, type SuppliersCopy } from './support';

let stack: E2E;
let copy: SuppliersCopy;
let browser: Browser;
let consoleUrl: string;

const screenshot = async (page: Page, name: string, fullPage = false): Promise<void> => {
  if (process.env['SCREENSHOTS']) await page.screenshot({ path: path.join(PROJECT_ROOT, 'docs', `console-${name}.png`), fullPage });
};

beforeAll(async () => {
  copy = await suppliersCopy();
  const file = await readFile(copy.path, 'utf8');
  await writeFile(
    copy.path,
    file.replace(
      '  - name: demo-full\n',
      "  - name: demo-full\n    webhook: { url: 'https://hooks.example.test/feed-t0ken', secret: '${UNSET_TEST_WEBHOOK_SECRET}' }\n",
    ),
  );
  stack = await startE2E({ suppliersPath: copy.path, admins: ADMINS });
  consoleUrl = new URL('/console/', stack.gatewayUrl).toString();
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await stack?.close();
  await copy?.remove();
});

const signedIn = async (credential: string) => {
  const context = await offlineContext(browser, [stack.gatewayUrl]);
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 860 });
  await page.goto(consoleUrl);
  await page.getByLabel('Administratörsnyckel eller token').fill(credential);
  await page.getByRole('button', { name: 'Logga in' }).click();
  return { context, page };
};

/** Clicks the link to `target` in a paged list, turning pages until it shows. */
const clickThroughPages = async (page: Page, target: string, pager: string) => {
  const link = page.locator(`a[href="${target}"]`).first();
  const firstLink = `ul[aria-label="${pager}"] a`;
  for (let turns = 0; turns < 50 && !(await link.isVisible()); turns++) {
    const before = await page.locator(firstLink).first().getAttribute('href');
    await page.getByRole('navigation', { name: pager }).getByRole('button', { name: 'Nästa sida' }).click();
    // A page the server sends loads after the click: look for the link only once it has replaced this one.
    await page.waitForFunction(
      ([selector, previous]) => {
        const first = document.querySelector(selector as string);
        return first !== null && first.getAttribute('href') !== previous;
      },
      [firstLink, before],
    );
  }
  await link.click();
};

test('sign in, walk huvudman → unit → class → student, and view the student as demo-lms', async () => {
  const { huvudman, unit, group, person } = protectedStudentAt(stack.dataset, '91000095');
  const { context, page } = await signedIn(ADMIN_KEY);
  await page.getByText('Inloggad som').waitFor();
  await page.getByRole('heading', { name: 'Organisationsträd' }).waitFor();

  await page.getByRole('link', { name: huvudman.displayName, exact: true }).first().click();
  await page.getByRole('heading', { name: huvudman.displayName }).waitFor();
  await page.getByRole('link', { name: unit.displayName, exact: true }).click();
  await page.getByRole('heading', { name: unit.displayName }).waitFor();
  await screenshot(page, 'explorer');
  await clickThroughPages(page, `#/group/${group.id}`, 'Grupper');
  await page.getByRole('heading', { name: group.displayName }).waitFor();
  await clickThroughPages(page, `#/person/${person.id}`, 'Medlemmar');

  // The administrator's own view: the protected student under an alias, never the real name.
  const heading = page.getByRole('heading', { level: 2 });
  await expect(heading.textContent()).resolves.toMatch(/^Skyddad Person /);
  const alias = await heading.textContent();
  await page.getByText('Skyddad person: visas under alias').first().waitFor();
  expect(await page.content()).not.toContain(person.familyName);

  // The supplier view: the same page as demo-lms.
  await page.getByLabel('Visa som').selectOption('demo-lms');
  await page.waitForURL(/\?as=demo-lms$/);
  await page.locator('[data-testid="civicNo"] .withheld').waitFor();
  await expect(page.getByRole('heading', { level: 2 }).textContent()).resolves.toBe(alias);
  await expect(page.locator('[data-testid="civicNo"]').textContent()).resolves.toContain('undanhållet');
  await page.getByRole('button', { name: 'Varför? Person.civicNo' }).click();
  await expect(page.locator('[data-testid="civicNo"] [role="status"]').textContent()).resolves.toMatch(
    /demo-lms holds no preset naming Person\.civicNo; it would need one of: civicNo/,
  );
  // Grades are not demo-lms's: withheld too, each with its why.
  await page.locator('.withheld[data-field="Person.grades"]').waitFor();
  await screenshot(page, 'supplier-view');
  expect(await page.content()).not.toContain(person.civicNo?.value ?? '-');

  // Another unit is absent for demo-lms, and says why.
  const otherUnit = [...stack.dataset.organisations.values()].find((o) => o.organisationType === 'Skolenhet' && o.id !== unit.id)!;
  await page.goto(`${consoleUrl}#/unit/${otherUnit.id}?as=demo-lms`);
  await page.getByText('Syns inte för demo-lms').waitFor();
  await page.getByRole('button', { name: 'Varför? demo-lms' }).click();
  await page.getByText(/is not among demo-lms's units/).waitFor();
  // So is a student of that unit, and the why names the unit the student belongs to.
  const outsider = [...stack.dataset.persons.values()].find(
    (p) => p.securityMarking === 'Ingen' && p.enrolments?.[0]?.enroledAt.id === otherUnit.id,
  )!;
  await page.goto(`${consoleUrl}#/person/${outsider.id}?as=demo-lms`);
  await page.getByRole('button', { name: 'Varför? demo-lms' }).click();
  await page.getByText(`Unit ${otherUnit.id} is not among demo-lms's units`).waitFor();
  expect(await page.content()).not.toContain(outsider.familyName);
  // A förskola child (placed, not enrolled) and a teacher (on duty) are placed by the why too, not called protected.
  const placement = [...stack.dataset.placements.values()].find(
    (p) => p.schoolType === 'FS' && stack.dataset.persons.get(p.child.id)?.securityMarking === 'Ingen',
  )!;
  const teacherDuty = [...stack.dataset.duties.values()].find(
    (d) => d.dutyAt.id === otherUnit.id && d.person !== undefined && stack.dataset.persons.get(d.person.id)?.securityMarking === 'Ingen',
  )!;
  for (const [personId, unitId] of [
    [placement.child.id, placement.placedAt.id],
    [teacherDuty.person!.id, otherUnit.id],
  ] as const) {
    await page.goto(`${consoleUrl}#/person/${personId}?as=demo-lms`);
    await page.getByRole('button', { name: 'Varför? demo-lms' }).click();
    await page.getByText(`Unit ${unitId} is not among demo-lms's units`).waitFor();
    expect(await page.content()).not.toContain('never sees protected persons');
    expect(await page.content()).not.toContain('under an alias: "Skyddad Person');
    expect(await page.content()).not.toContain(stack.dataset.persons.get(personId)!.familyName!);
  }
  // The administrator's own view of the förskola child: its placement, at the förskola, in its avdelning.
  await page.goto(`${consoleUrl}#/person/${placement.child.id}`);
  const placements = page.getByRole('region', { name: 'Placeringar' });
  await placements.getByRole('link', { name: stack.dataset.organisations.get(placement.placedAt.id)!.displayName! }).waitFor();
  await placements.getByRole('link', { name: stack.dataset.groups.get(placement.group!.id)!.displayName! }).waitFor();
  await expect(placements.textContent()).resolves.toContain(`${placement.maxWeeklyScheduleHours} tim/vecka`);

  // SS 12000 values in Swedish (the standard's words) or English.
  await page.goto(`${consoleUrl}#/unit/${unit.id}`);
  await page.getByText('Skolenhet · 91000095').waitFor();
  await page.getByLabel('Språk').selectOption('en');
  await page.getByText('School unit · 91000095').waitFor();
  await page.getByRole('heading', { name: 'Groups' }).waitFor();
  await page.getByLabel('Language').selectOption('sv');

  expect(context.blocked).toEqual([]);
  await context.close();
});

test("edit demo-lms's presets: the contract preview changes, saving writes the file and the audit line shows", async () => {
  // demo-lms at work, so the overview has a last use and a request to show.
  expect((await stack.query('{ organisations(first: 1) { edges { node { id } } } }', undefined, { apiKey: DEMO_KEYS.lms })).status).toBe(
    200,
  );
  const { context, page } = await signedIn(ADMIN_KEY);
  await page.getByRole('link', { name: 'Leverantörer' }).click();
  await page.getByRole('heading', { name: 'Leverantörer' }).waitFor();
  const lmsRow = page.getByRole('row', { name: /demo-lms/ });
  await lmsRow.waitFor();
  await expect(lmsRow.textContent()).resolves.toMatch(/a1a0430f32424d21 · Senast använd: (?!aldrig)/);
  await screenshot(page, 'overview');

  await page.getByRole('link', { name: 'Behörigheter' }).click();
  await page.getByRole('navigation', { name: 'Leverantörer' }).getByRole('link', { name: 'demo-lms' }).click();
  const civicNo = page.getByRole('checkbox', { name: 'civicNo' });
  await civicNo.waitFor();
  expect(await civicNo.isChecked()).toBe(false);
  await civicNo.check();
  await page.getByRole('button', { name: 'Förhandsgranska kontrakt' }).click();
  const preview = page.getByTestId('contract-preview');
  await preview.waitFor();
  await expect(preview.textContent()).resolves.toContain('+Person.civicNo');
  await screenshot(page, 'permissions', true);

  await page.getByRole('button', { name: 'Spara' }).click();
  await page.getByText('Sparat och inläst.').waitFor();
  await expect(readFile(copy.path, 'utf8')).resolves.toMatch(/name: demo-lms[\s\S]*civicNo[\s\S]*name: demo-analytics/);
  const line = page.locator('.audit-line', { hasText: 'update-supplier' }).first();
  await line.waitFor();
  await expect(line.textContent()).resolves.toMatch(/test-admin.*update-supplier.*demo-lms.*scopes:.*"civicNo"/);

  // The gateway serves the new contract to demo-lms itself.
  const sdl = await fetch(new URL('/sdl', stack.gatewayUrl), { headers: { authorization: `Bearer ${DEMO_KEYS.lms}` } });
  expect(await sdl.text()).toMatch(/civicNo: CivicNo/);
  expect(context.blocked).toEqual([]);
  await context.close();
});

test("the overview shows write grants and a webhook's origin (its secret missing here); the editor shows write grants as checkboxes", async () => {
  const { context, page } = await signedIn(ADMIN_KEY);
  await page.getByRole('link', { name: 'Leverantörer' }).click();
  const attendanceRow = page.getByRole('row', { name: /demo-attendance/ });
  await attendanceRow.waitFor();
  await expect(attendanceRow.getByTestId('writes').textContent()).resolves.toBe('attendanceEvents, absences');
  await expect(attendanceRow.getByTestId('webhook').textContent()).resolves.toBe('–');
  const fullRow = page.getByRole('row', { name: /demo-full/ });
  await expect(fullRow.getByTestId('writes').textContent()).resolves.toBe('–');
  await expect(fullRow.getByTestId('webhook').textContent()).resolves.toBe(
    'https://hooks.example.test · hemlighet saknas: inget levereras',
  );
  expect(await page.content()).not.toContain('t0ken');

  await page.getByRole('link', { name: 'Behörigheter' }).click();
  await page.getByRole('navigation', { name: 'Leverantörer' }).getByRole('link', { name: 'demo-attendance' }).click();
  const writes = page.getByRole('group', { name: 'Skrivbehörigheter' });
  const absences = writes.getByRole('checkbox', { name: 'absences' });
  await absences.waitFor();
  expect(await absences.isChecked()).toBe(true);
  expect(await writes.getByRole('checkbox', { name: 'attendances', exact: true }).isChecked()).toBe(false);
  await writes.getByRole('checkbox', { name: 'attendances', exact: true }).check();
  await page.getByRole('button', { name: 'Förhandsgranska kontrakt' }).click();
  const preview = page.getByTestId('contract-preview');
  await preview.waitFor();
  await expect(preview.textContent()).resolves.toContain('+Mutation.createAttendance');
  // Previewed, not saved: the file still grants what it did.
  const entry = (parse(await readFile(copy.path, 'utf8')) as { suppliers: { name: string; writes?: string[] }[] }).suppliers.find(
    (supplier) => supplier.name === 'demo-attendance',
  );
  expect(entry?.writes).toEqual(['attendanceEvents', 'absences']);
  expect(context.blocked).toEqual([]);
  await context.close();
});

test('a supplier key is refused by the console', async () => {
  const { context, page } = await signedIn(DEMO_KEYS.lms);
  await page.getByRole('alert').filter({ hasText: 'Inte en administratörsnyckel.' }).waitFor();
  expect(await page.getByText('Inloggad som').count()).toBe(0);
  // Nor does the key open the admin API from the page's origin.
  const status = await page.evaluate(
    async (key) => (await fetch('../admin/api/suppliers', { headers: { authorization: `Bearer ${key}` } })).status,
    DEMO_KEYS.lms,
  );
  expect(status).toBe(401);
  await context.close();
});

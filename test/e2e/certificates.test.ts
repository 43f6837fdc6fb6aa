import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Admin, startAdmin } from './harness';

let admin: Admin;
beforeAll(async () => {
  admin = await startAdmin();
});
afterAll(() => admin?.stop());

describe('score certificates (积分证明)', () => {
  it('lets the bank issue a certificate for a consenting household, and anyone verify it', async () => {
    // The bank finds 游振林, who consented, and reads his eco score and tier.
    const bank = await admin.freshPage();
    await admin.signInAs(bank, 'dafang.bank');
    await bank.goto(`${admin.base}/partner`);
    await bank.getByTestId('partner-households').getByText('游振林').click();
    await expect.poll(() => bank.getByTestId('score').textContent()).toContain('380');
    expect(await bank.getByTestId('tier').textContent()).toContain('银');

    // It issues the certificate and gets the printable page, signature and key on it.
    await bank.getByTestId('issue-certificate').click();
    const sheet = bank.getByTestId('certificate-sheet');
    await sheet.waitFor();
    expect(await bank.getByTestId('certificate-statement').textContent()).toMatch(/游振林.*380 分.*“银”等级/);
    expect(await bank.getByTestId('certificate-signature').textContent()).toMatch(/^[0-9a-f]{128}$/);
    expect(await sheet.textContent()).toContain('/verify');

    // The JSON file it hands on is what the public page checks.
    const [download] = await Promise.all([
      bank.waitForEvent('download'),
      bank.getByTestId('certificate-download').click(),
    ]);
    const json = readFileSync(await download.path(), 'utf8');
    expect(JSON.parse(json).certificate).toMatchObject({ score: 380, household: { name: '游振林' } });

    // Anyone, signed in as nobody, pastes it: valid. One changed figure: invalid.
    const publicPage = await admin.freshPage();
    await publicPage.goto(`${admin.base}/verify`);
    await publicPage.getByTestId('verify-input').fill(json);
    await publicPage.getByTestId('verify-submit').click();
    const valid = publicPage.locator('[data-testid="verify-result"][data-valid="true"]');
    await valid.waitFor();
    expect(await valid.textContent()).toContain('验证通过');
    expect(await valid.textContent()).toContain('银 · 贷款月利率 4.5‰');

    await publicPage.getByTestId('verify-input').fill(json.replace('"score": 380', '"score": 480'));
    await publicPage.getByTestId('verify-submit').click();
    const invalid = publicPage.locator('[data-testid="verify-result"][data-valid="false"]');
    await invalid.waitFor();
    expect(await invalid.textContent()).toContain('验证失败');
    expect(await invalid.getAttribute('data-reason')).toBe('bad_signature');
  });
});

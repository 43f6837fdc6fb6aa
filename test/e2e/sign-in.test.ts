import { totpCode } from '@xjf/http';
import { DEMO_PASSWORD, VILLAGER_SIGN_IN } from '@xjf/local';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Admin, layoutWidth, startAdmin } from './harness';

let admin: Admin;
beforeAll(async () => {
  admin = await startAdmin();
});
afterAll(() => admin?.stop());

/** Nothing wider than the phone: no sideways scrolling at 375 px. */
async function expectNoOverflow(page: Page) {
  expect(await layoutWidth(page)).toBeLessThanOrEqual(375);
}

const signInButton = (page: Page) => page.getByRole('button', { name: /^登\s*录$/ });

/** The real form: 账号密码, username and password. */
async function signInWithPassword(page: Page, username: string, password: string) {
  await page.goto(`${admin.base}/sign-in`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await signInButton(page).click();
}

async function openAccount(page: Page) {
  await page.getByTestId('current-user').click();
  await page.getByRole('menuitem', { name: '账号与安全' }).click();
  await page.getByRole('heading', { name: '账号与安全' }).waitFor();
}

describe('sign-in with the API’s own issuer, at phone size', () => {
  it('a recorder signs in with the password, stays signed in across a reload, and signs out for good', async () => {
    const page = await admin.phonePage();
    await page.goto(`${admin.base}/sign-in`);
    await page.getByRole('heading', { name: '登录' }).waitFor();
    await expectNoOverflow(page);

    await signInWithPassword(page, 'yinchuan.recorder', DEMO_PASSWORD);
    await page.getByRole('heading', { name: '银川村' }).waitFor();
    expect(await page.getByTestId('current-user').textContent()).toContain('积分员');
    // The access token is kept in memory only.
    const stored = await page.evaluate('JSON.stringify([localStorage, sessionStorage])');
    expect(stored).not.toMatch(/eyJ/);

    // The refresh cookie brings the session back after a reload.
    await page.reload();
    await page.getByRole('heading', { name: '银川村' }).waitFor();

    await admin.signOut(page);
    await page.getByRole('heading', { name: '登录' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: '登录' }).waitFor();
    await page.goto(`${admin.base}/`);
    await page.getByRole('heading', { name: '登录' }).waitFor();
    expect(await page.getByTestId('current-user').count()).toBe(0);
    await page.context().close();
  });

  it('after a refused token refreshes once for every call that was refused, and repeats them', async () => {
    const page = await admin.freshPage();
    await admin.signInAs(page, 'yinchuan.recorder');
    await page.getByRole('heading', { name: '银川村' }).waitFor();

    // From now on the API refuses the token the page holds, as it would once it expired.
    let stale: string | undefined;
    let refused = 0;
    let refreshes = 0;
    page.on('request', (request) => {
      if (request.url().endsWith('/api/auth/session/refresh')) refreshes += 1;
    });
    await page.route(/\/api\/(?!auth\/)/, async (route) => {
      const authorization = route.request().headers().authorization;
      stale ??= authorization;
      if (authorization && authorization === stale) {
        refused += 1;
        await route.fulfill({
          status: 401,
          contentType: 'application/json',
          body: JSON.stringify({ code: 'unauthenticated', message: '登录已过期 (expired)' }),
        });
      } else await route.continue();
    });
    await page.getByRole('menuitem', { name: '积分细则' }).click();
    await page.getByRole('heading', { name: '银川村 · 积分细则' }).waitFor();
    // The page's data arrives once the refused calls were repeated with the refreshed token. (A
    // client-side navigation fires no load event, so networkidle would not wait for them.)
    await page.locator('.ant-table-row').first().waitFor();
    expect(await page.getByText('加载失败').count()).toBe(0);
    expect(refused).toBeGreaterThan(0);
    expect(refreshes).toBe(1);
    expect(await page.getByTestId('current-user').count()).toBe(1);
    await page.context().close();
  });

  it('a county admin sets up an authenticator, keeps the recovery codes, then signs in with a code', async () => {
    const page = await admin.phonePage();
    await signInWithPassword(page, 'dafang.admin', DEMO_PASSWORD);
    await page.getByRole('heading', { name: '绑定身份验证器' }).waitFor();
    expect(await page.locator('.ant-qrcode canvas').count()).toBe(1);
    await expectNoOverflow(page);
    const secret = (await page.getByTestId('totp-secret').textContent())?.replace(/\s/g, '') ?? '';
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    const enrolCode = totpCode(secret, new Date());
    await page.getByLabel('动态码').fill(enrolCode);
    await page.getByRole('button', { name: '完成绑定' }).click();

    await page.getByRole('heading', { name: '保存恢复码' }).waitFor();
    const codes = await page.getByTestId('recovery-code').allTextContents();
    expect(codes).toHaveLength(10);
    await expectNoOverflow(page);
    await page.getByRole('button', { name: '我已保存好，继续' }).click();
    await page.getByRole('heading', { name: '大方县数据看板' }).waitFor();
    await openAccount(page);
    await page.getByTestId('totp-status').getByText('已开启').waitFor();
    expect(await page.getByTestId('totp-status').textContent()).toContain('剩余恢复码：10 个');

    // Next time the password is not enough; a code already used is refused.
    await admin.signOut(page);
    await signInWithPassword(page, 'dafang.admin', DEMO_PASSWORD);
    await page.getByRole('heading', { name: '两步验证' }).waitFor();
    await page.getByLabel('动态码').fill(enrolCode);
    await page.getByRole('button', { name: '验证并登录' }).click();
    await page.getByText('动态码不正确或已用过').waitFor();
    // The app's next code (a later 30-second step than the one used to enrol).
    await page.getByLabel('动态码').fill(totpCode(secret, new Date(Date.now() + 30_000)));
    await page.getByRole('button', { name: '验证并登录' }).click();
    await page.getByRole('heading', { name: '大方县数据看板' }).waitFor();

    // Without the phone, a recovery code does it once.
    await admin.signOut(page);
    await signInWithPassword(page, 'dafang.admin', DEMO_PASSWORD);
    await page.getByRole('button', { name: '手机不在身边？用恢复码登录' }).click();
    await page.getByLabel('恢复码').fill(codes[0] ?? '');
    await page.getByRole('button', { name: '验证并登录' }).click();
    await page.getByRole('heading', { name: '大方县数据看板' }).waitFor();
    await openAccount(page);
    await page.getByText('剩余恢复码：9 个').waitFor();
    await page.context().close();
  });

  it('a villager signs in with the mobile and the texted code', async () => {
    const page = await admin.phonePage();
    await page.goto(`${admin.base}/sign-in`);
    await page.getByRole('tab', { name: '手机验证码' }).click();
    await page.getByLabel('手机号').fill(VILLAGER_SIGN_IN);
    await page.getByRole('button', { name: '获取验证码' }).click();
    const wait = page.getByRole('button', { name: /秒后重发/ });
    await wait.waitFor();
    expect(await wait.isDisabled()).toBe(true);
    await expectNoOverflow(page);

    const inbox = (await (await fetch(`${admin.base}/api/dev/sms?mobile=${VILLAGER_SIGN_IN}`)).json()) as {
      items: { code: string }[];
    };
    const code = inbox.items[0]?.code ?? '';
    expect(code).toMatch(/^\d{6}$/);
    await page.getByLabel('验证码', { exact: true }).fill(code);
    await signInButton(page).click();
    await page.getByRole('heading', { name: '我的积分' }).waitFor();

    // A villager's account has no password to change.
    await openAccount(page);
    await page.getByText('短信验证码登录，没有密码').waitFor();
    expect(await page.getByText('修改密码').count()).toBe(0);
    await page.context().close();
  });

  it('a new recorder must replace the temporary password, and so after an admin resets it', async () => {
    const adminPage = await admin.freshPage();
    await admin.signInAs(adminPage, 'yinchuan.admin');
    await adminPage.getByRole('button', { name: /新增村级用户/ }).click();
    const dialog = adminPage.getByRole('dialog');
    await dialog.getByLabel('姓名').fill('杨新');
    await dialog.getByLabel('用户名').fill('yinchuan.yang');
    await dialog.getByRole('button', { name: /新\s*增/ }).click();
    const temporary = adminPage.getByTestId('temporary-password');
    const first = (await temporary.textContent()) ?? '';
    expect(first).not.toBe('');
    await adminPage.getByRole('button', { name: '知道了' }).click();
    await expect.poll(() => temporary.count()).toBe(0);

    const phone = await admin.phonePage();
    await signInWithPassword(phone, 'yinchuan.yang', first);
    await phone.getByRole('heading', { name: '设置新密码' }).waitFor();
    await expectNoOverflow(phone);
    const setPassword = phone.getByRole('button', { name: '设置新密码' });
    await phone.getByLabel('新密码', { exact: true }).fill('yang2026');
    await phone.getByLabel('再输一次新密码').fill('yang2026');
    await setPassword.click();
    await phone.getByText('至少 10 位', { exact: true }).waitFor();
    await phone.getByLabel('新密码', { exact: true }).fill('Yang-Xin-2026');
    await phone.getByLabel('再输一次新密码').fill('Yang-Xin-2027');
    await setPassword.click();
    await phone.getByText('两次输入的密码不一样').waitFor();
    await phone.getByLabel('再输一次新密码').fill('Yang-Xin-2026');
    await setPassword.click();
    await phone.getByRole('heading', { name: '银川村' }).waitFor();

    // The admin resets it: the recorder's sessions end and the next sign-in sets a password again.
    const row = adminPage.getByRole('row').filter({ hasText: 'yinchuan.yang' });
    await row.getByRole('button', { name: '重置密码' }).click();
    await adminPage.getByText('同时清除其身份验证器').waitFor();
    await adminPage.getByRole('button', { name: /^重\s*置$/ }).click();
    await adminPage.locator('.ant-modal-confirm-title').filter({ hasText: '已重置 杨新 的密码' }).waitFor();
    const second = (await temporary.textContent()) ?? '';
    expect(second).not.toBe(first);

    await phone.reload();
    await phone.getByRole('heading', { name: '登录' }).waitFor();
    await signInWithPassword(phone, 'yinchuan.yang', second);
    await phone.getByRole('heading', { name: '设置新密码' }).waitFor();
    await adminPage.context().close();
    await phone.context().close();
  });

  it('locks after five wrong passwords and says for how many minutes', async () => {
    const page = await admin.phonePage();
    await page.goto(`${admin.base}/sign-in`);
    await page.getByLabel('用户名').fill('yinchuan.clerk');
    const attempt = async (password: string) => {
      await page.getByLabel('密码', { exact: true }).fill(password);
      const answer = page.waitForResponse((r) => r.url().endsWith('/api/auth/sign-in'));
      await signInButton(page).click();
      return (await answer).status();
    };
    expect(await attempt('wrong-password-1')).toBe(401);
    await page.getByText('用户名或密码不正确。').waitFor();
    for (const n of [2, 3, 4]) expect(await attempt(`wrong-password-${n}`)).toBe(401);
    expect(await attempt('wrong-password-5')).toBe(423);
    await page.getByText('连续输错次数太多，已暂时锁定，请 15 分钟后再试。').waitFor();
    // Locked means locked: the right password waits too.
    expect(await attempt(DEMO_PASSWORD)).toBe(423);
    await expectNoOverflow(page);
    await page.context().close();
  });
});

import { expect, test as setup } from '@playwright/test';
import { storageState, USERS, type Role } from './fixtures/users';

const landing: Record<Role, RegExp> = {
  admin: /\/admin$/,
  clerkUtrecht: /\/counter$/,
  clerkAmsterdam: /\/counter$/,
  customer: /\/$/,
};

// Sign in once per role through the real form and save the browser state for the other specs.
for (const role of Object.keys(USERS) as Role[]) {
  setup(`sign in as ${role}`, async ({ page }) => {
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill(USERS[role].email);
    await page.getByLabel('Password').fill(USERS[role].password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(landing[role]);
    await page.context().storageState({ path: storageState(role) });
  });
}

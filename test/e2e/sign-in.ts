import { request } from '@playwright/test';
import type { FullConfig } from '@playwright/test';

// Before the tests: open `npm run web`'s one-time sign-in link, as a person does from the terminal, and keep the
// cookie it sets for every test's browser (playwright.config.ts: use.storageState). Runs once the server is up.
export default async function signIn(config: FullConfig): Promise<void> {
  const { baseURL, storageState } = config.projects[0]!.use;
  const key = process.env.CANDOR_E2E_LOGIN_KEY;
  if (!baseURL || typeof storageState !== 'string' || !key) throw new Error('sign-in: playwright.config.ts sets baseURL, storageState and the login key');
  const api = await request.newContext({ baseURL });
  try {
    const res = await api.get(`/login/${key}`, { maxRedirects: 0 });
    if (res.status() !== 303) throw new Error(`sign-in: the link answered ${res.status()}: ${await res.text()}`);
    await api.storageState({ path: storageState });
  } finally {
    await api.dispose();
  }
}

/**
 * Mocha root hooks: one real Azurite for the whole run (in memory, free port), stopped at the end.
 */
import { startAzurite, type AzuriteHandle } from './azurite';

let azurite: AzuriteHandle | undefined;

export const mochaHooks = {
  async beforeAll(this: Mocha.Context) {
    this.timeout(30_000);
    azurite = await startAzurite();
    process.env.POOLSTER_TEST_STORAGE = azurite.connectionString;
  },
  async afterAll() {
    await azurite?.stop();
  },
};

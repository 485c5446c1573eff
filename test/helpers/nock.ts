// API-client tests never touch the network: every request must be matched
// by a nock scope, and every scope must have been used.
import nock from 'nock';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';

export function noNetworkAndAllScopesDone(): void {
  beforeAll(() => nock.disableNetConnect());
  afterEach(() => {
    const pending = nock.pendingMocks();
    nock.cleanAll();
    expect(pending).toEqual([]);
  });
  afterAll(() => nock.enableNetConnect());
}

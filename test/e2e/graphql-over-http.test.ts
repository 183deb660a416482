import { AuditResult, serverAudits } from 'graphql-http';
import { openSeededDatabase, TestDatabase } from '../support/database';
import { startTestGateway, TestGateway } from '../support/gateway';

/**
 * The GraphQL over HTTP audits of the graphql-http package (the reference implementation of the
 * GraphQL-over-HTTP spec) against the real server. The audits send the test credential: without
 * one, /graphql answers every request 401 before GraphQL is involved.
 */
let t: TestDatabase;
let gw: TestGateway;

beforeAll(async () => {
  t = await openSeededDatabase('graphql_over_http', { divisions: 1, payments: 10 });
  gw = await startTestGateway(t.db);
});
afterAll(async () => {
  await gw?.close();
  await t?.close();
});

const audits = serverAudits({
  url: () => gw.url,
  fetchFn: (input: string | URL | Request, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    for (const [k, v] of Object.entries(gw.authHeaders)) headers.set(k, v);
    return fetch(input, { ...init, headers });
  },
});

/**
 * SHOULD audits the server knowingly does not meet: for a document that does not parse or
 * validate, or variables that do not coerce, Apollo Server answers 400 also to `Accept:
 * application/json` clients (the spec suggests 200 there, 400 only for
 * application/graphql-response+json). Clients and tests rely on Apollo's 400, so it stays.
 */
const ACCEPTED_DEVIATIONS = new Set(['572B', 'FDE2', '7B9B']);

async function explain(result: AuditResult): Promise<string> {
  if (result.status === 'ok') return 'ok';
  const body = await result.response.text().catch(() => '');
  return `${result.status}: ${result.reason} (HTTP ${result.response.status} ${result.response.headers.get('content-type')}: ${body.slice(0, 300)})`;
}

describe('GraphQL over HTTP (graphql-http server audits)', () => {
  it('has audits to run', () => {
    expect(audits.filter((a) => a.name.startsWith('MUST')).length).toBeGreaterThan(10);
  });

  for (const audit of audits) {
    it(`${audit.id} ${audit.name}`, async () => {
      const result = await audit.fn();
      const outcome = await explain(result);
      // Every MUST passes; so does every SHOULD and MAY but the deviations named above.
      if (audit.name.startsWith('MUST') || !ACCEPTED_DEVIATIONS.has(audit.id)) expect(outcome).toBe('ok');
      else expect(outcome).toMatch(/^(ok|warn: Response status code is not 200)/);
    });
  }
});

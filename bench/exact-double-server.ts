import { ExactOnlineDouble } from '../test/support/exact-online-double';
import { paymentTerm } from '../test/support/exact-online';

/**
 * The Exact Online double as a process of its own for bench/exact-online.ts, as Exact is a remote
 * server: its 100,000 rows and its page building then cost the measured process nothing.
 * Arguments: rows, calls a minute, minute length (ms), Exact division. Prints one JSON line
 * {url, clientId, clientSecret} when ready; serves until killed.
 */
async function main(): Promise<void> {
  const [rows, minutelyLimit, minuteMs, division] = process.argv.slice(2).map(Number);
  const double = await new ExactOnlineDouble({ minutelyLimit, minuteMs, dailyLimit: 1_000_000 }).start();
  double.addDivision(division);
  for (let i = 0; i < rows; i++) double.upsertTerm(division, paymentTerm(i, division));
  process.stdout.write(`${JSON.stringify({ url: double.url, clientId: double.clientId, clientSecret: double.clientSecret })}\n`);
}

void main();

import { LOCAL_PRINCIPAL } from '../../src/access/authenticate';
import { DivisionScope } from '../../src/access/division-scope';
import { Database } from '../../src/db/data-source';
import { BankEntryLine } from '../../src/modules/financial-accounts/bank-entry-line.entity';
import { BankEntry } from '../../src/modules/financial-accounts/bank-entry.entity';
import { Document } from '../../src/modules/documents/document.entity';
import { StatementImportService } from '../../src/modules/statement-import/statement-import.service';
import type { ImportOptions, ImportSummary, StatementFileInput } from '../../src/modules/statement-import/statement-import.types';
import { GatewayEvents } from '../../src/platform/events';

/** Rows of the tables an import writes, to show that a refused import wrote none. */
export async function importedRows(db: Database): Promise<number[]> {
  return [
    await db.dataSource.getRepository(BankEntry).count(),
    await db.dataSource.getRepository(BankEntryLine).count(),
    await db.dataSource.getRepository(Document).count(),
  ];
}

/** Imports through the service as a caller granted `divisions`, with the events it emitted. */
export async function importAs(
  db: Database,
  divisions: readonly number[],
  files: (Omit<StatementFileInput, 'content'> & { content: Buffer | string })[],
  options: ImportOptions = {},
): Promise<{ summary: ImportSummary; events: { divisionCode: number; entryID: string }[][] }> {
  const events = new GatewayEvents();
  const heard: { divisionCode: number; entryID: string }[][] = [];
  events.on('statementsImported', (e) => heard.push([...e.entries]));
  const inputs = files.map((f) => ({ ...f, content: Buffer.isBuffer(f.content) ? f.content : Buffer.from(f.content, 'latin1') }));
  const summary = await new StatementImportService(new DivisionScope(db, divisions), LOCAL_PRINCIPAL, events).import(inputs, options);
  return { summary, events: heard };
}

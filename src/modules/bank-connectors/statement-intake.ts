import { Principal } from '../../access/principal';
import { DivisionScope } from '../../access/division-scope';
import type { GatewayEvents } from '../../platform/events';
import { StatementImportService } from '../statement-import/statement-import.service';
import type { ImportedFile } from '../statement-import/statement-import.types';

/**
 * Imports one statement file fetched by a connector exactly as an uploaded file is: through the
 * statement import (StatementImportService), in the connection's division: every statement checked
 * and stored in one transaction (all or nothing), a statement or file stored before recognised
 * and not stored twice (ALREADY_IMPORTED), the file kept on a document, and `statementsImported`
 * announced after the commit. A refused file comes back with its problems, nothing of it stored.
 */
export async function importStatementFile(
  scope: DivisionScope,
  principal: Principal,
  events: GatewayEvents | undefined,
  file: { content: Buffer; fileName: string },
): Promise<ImportedFile> {
  const summary = await new StatementImportService(scope, principal, events).import([{ content: file.content, fileName: file.fileName }]);
  return summary.files[0];
}

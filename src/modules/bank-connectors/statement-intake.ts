import { Principal } from '../../access/principal';
import { DivisionScope } from '../../access/division-scope';
import { parseStatementFile, StatementFormatError } from '../../formats/statements';
import { GatewayError } from '../../platform/errors';
import type { GatewayEvents } from '../../platform/events';
import { retryOnDeadlock } from '../../platform/retry';
import { BankStatementService } from '../financial-accounts/bank-statement.service';
import { statementToStore } from '../financial-accounts/parsed-statement';

/**
 * What the statement import answered for one file, as far as the connectors read it (the
 * statement import's ImportedFile): imported, already imported (idempotent), or refused with
 * every reason.
 */
export interface IntakeFile {
  outcome: 'IMPORTED' | 'ALREADY_IMPORTED' | 'REFUSED';
  statements: { outcome: string; entryID: string | null; lineCount: number }[];
  problems: { code: string; rule: string; message: string }[];
}

/**
 * Imports one statement file fetched by a connector exactly as an uploaded file is: the file is
 * parsed, every statement checked and stored in one transaction (all or nothing; a statement stored
 * before is recognised and not stored twice), the file kept on a document, and
 * `statementsImported` announced after the commit. Interim form until the statement import service
 * (branch statement-import) is merged, which then takes this place unchanged in meaning.
 */
export async function importStatementFile(
  scope: DivisionScope,
  principal: Principal,
  events: GatewayEvents | undefined,
  file: { content: Buffer; fileName: string },
): Promise<IntakeFile> {
  let parsed;
  try {
    parsed = parseStatementFile(file.content);
  } catch (error) {
    if (error instanceof StatementFormatError) return refused('BAD_USER_INPUT', error.rule, error.message);
    throw error;
  }
  const division = scope.divisions[0];
  try {
    const results = await retryOnDeadlock(() =>
      scope.transaction(async (tx) => {
        const service = new BankStatementService(tx, principal);
        let documentID: string | null = null;
        const out = [];
        for (const statement of parsed.statements) {
          const stored = await service.store(statementToStore(statement, division), {
            documentID,
            file: documentID ? null : { fileName: file.fileName, mediaType: 'text/plain', content: file.content },
          });
          documentID = stored.entry.bankStatementDocumentID;
          out.push({
            outcome: stored.created ? 'CREATED' : 'ALREADY_IMPORTED',
            entryID: stored.entry.entryID,
            lineCount: statement.lines.length,
          });
        }
        return out;
      }),
    );
    const created = results.filter((s) => s.outcome === 'CREATED');
    if (created.length)
      events?.emit('statementsImported', { entries: created.map((s) => ({ divisionCode: division, entryID: s.entryID })) });
    return { outcome: created.length ? 'IMPORTED' : 'ALREADY_IMPORTED', statements: results, problems: [] };
  } catch (error) {
    if (error instanceof GatewayError) return refused(error.code, String(error.extensions.rule ?? error.code), error.message);
    throw error;
  }
}

function refused(code: string, rule: string, message: string): IntakeFile {
  return { outcome: 'REFUSED', statements: [], problems: [{ code, rule, message }] };
}

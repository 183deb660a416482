import { Arg, Ctx, Field, InputType, Int, Mutation, ObjectType, registerEnumType, Resolver } from 'type-graphql';
import type { RequestContext } from '../../context/request-context';
import { RequiresScope } from '../../graphql/access';
import { DecimalScalar, UUIDScalar } from '../../graphql/scalars';
import { contentBytes, formatNamed } from './import-files';
import { StatementImportService } from './statement-import.service';
import { MAX_IMPORT_FILES } from './statement-import.types';

enum StatementFileFormat {
  CODA = 'coda',
  CAMT053 = 'camt053',
  MT940 = 'mt940',
}
enum StatementContentEncoding {
  TEXT = 'TEXT',
  BASE64 = 'BASE64',
}
enum ImportedStatementOutcome {
  CREATED = 'CREATED',
  ALREADY_IMPORTED = 'ALREADY_IMPORTED',
  NOT_STORED = 'NOT_STORED',
}
enum ImportedFileOutcome {
  IMPORTED = 'IMPORTED',
  ALREADY_IMPORTED = 'ALREADY_IMPORTED',
  REFUSED = 'REFUSED',
}
registerEnumType(StatementFileFormat, {
  name: 'StatementFileFormat',
  description: 'CODA (Febelfin 2.6/2.8), camt.053 (ISO 20022 .001.02 to .13) or MT940 (SWIFT, Dutch banks).',
});
registerEnumType(StatementContentEncoding, {
  name: 'StatementContentEncoding',
  description: 'TEXT: the file as a string (UTF-8); BASE64: its bytes in base64 (any encoding, e.g. ISO-8859-1 CODA).',
});
registerEnumType(ImportedStatementOutcome, {
  name: 'ImportedStatementOutcome',
  description: 'CREATED: stored now; ALREADY_IMPORTED: stored before; NOT_STORED: its file was refused.',
});
registerEnumType(ImportedFileOutcome, {
  name: 'ImportedFileOutcome',
  description: 'IMPORTED: statements stored; ALREADY_IMPORTED: every statement was stored before; REFUSED: nothing stored (see problems).',
});

@InputType({ description: 'One bank statement file to import.' })
export class StatementFileUpload {
  @Field(() => String, { nullable: true, description: 'The file name, kept on the document holding the file.' })
  declare fileName?: string | null;

  @Field(() => String, { description: 'The file: text, or base64 of its bytes (see encoding).' })
  declare content: string;

  @Field(() => StatementContentEncoding, { nullable: true, description: 'How `content` is written (default TEXT).' })
  declare encoding?: StatementContentEncoding | null;

  @Field(() => StatementFileFormat, { nullable: true, description: 'The format; detected from the first bytes when not given.' })
  declare format?: StatementFileFormat | null;
}

@ObjectType({ description: 'A statement of an imported file and what became of it.' })
export class ImportedStatementSummary {
  @Field(() => Int, { description: '1-based position of the statement in its file.' }) declare statement: number;
  @Field(() => String, { description: 'The own bank account: IBAN (electronic form) or other number.' }) declare account: string;
  @Field(() => Int, { nullable: true, description: "The division whose own bank account it is (null: none of the caller's)." })
  declare divisionCode: number | null;
  @Field(() => String, { nullable: true }) declare statementNumber: string | null;
  @Field(() => String, { nullable: true, description: 'Day of the closing balance, YYYY-MM-DD.' }) declare statementDate: string | null;
  @Field(() => String, { nullable: true, description: 'Day of the opening balance, YYYY-MM-DD.' })
  declare openingBalanceDate: string | null;
  @Field(() => String) declare currency: string;
  @Field(() => DecimalScalar) declare openingBalance: string;
  @Field(() => DecimalScalar) declare closingBalance: string;
  @Field(() => Int, { description: 'Booked lines (transactions) of the statement: the ones stored as its entry lines.' })
  declare lineCount: number;
  @Field(() => Int, {
    description: 'Lines of the statement not stored because not booked: camt.053 entries pending (PDNG) or for information (INFO).',
  })
  declare skippedLineCount: number;
  @Field(() => ImportedStatementOutcome) declare outcome: ImportedStatementOutcome;
  @Field(() => UUIDScalar, { nullable: true, description: 'The bank entry it is stored as (BankEntries.EntryID).' })
  declare entryID: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: "Opening balance minus the previous statement's closing (accepted gap)." })
  declare balanceGap: string | null;
}

@ObjectType({ description: 'Why a file was refused: the statement, the line and the rule.' })
export class ImportProblemSummary {
  @Field(() => String, { description: 'Error code: BAD_USER_INPUT, FORBIDDEN, CONFLICT, ...' }) declare code: string;
  @Field(() => String, { description: 'The rule: UNBALANCED, RECORD9_TOTAL, BALANCE_GAP, ACCOUNT_NOT_IN_DIVISIONS, ...' })
  declare rule: string;
  @Field(() => Int, { nullable: true, description: '1-based statement in the file (null: the file as a whole).' })
  declare statement: number | null;
  @Field(() => String, { nullable: true, description: 'Physical line (CODA, MT940) or XML path (camt.053).' }) declare line: string | null;
  @Field(() => String) declare message: string;
}

@ObjectType({ description: 'An imported file: its format, hash, outcome, statements and problems.' })
export class ImportedFileSummary {
  @Field(() => String) declare fileName: string;
  @Field(() => StatementFileFormat, { nullable: true }) declare format: StatementFileFormat | null;
  @Field(() => String, { description: 'SHA-256 of the file (hex), recorded on its entries.' }) declare fileHash: string;
  @Field(() => ImportedFileOutcome) declare outcome: ImportedFileOutcome;
  @Field(() => Boolean, { description: "Entries of the caller's divisions were imported from this very file before." })
  declare knownFile: boolean;
  @Field(() => [ImportedStatementSummary]) declare statements: ImportedStatementSummary[];
  @Field(() => [ImportProblemSummary]) declare problems: ImportProblemSummary[];
}

@ObjectType({ description: "A statement import's summary, like Exact Online's import notifications." })
export class StatementImportSummary {
  @Field(() => [ImportedFileSummary]) declare files: ImportedFileSummary[];
  @Field(() => Int, { description: 'Statements stored by this import.' }) declare created: number;
  @Field(() => Int, { description: 'Statements found stored already.' }) declare alreadyImported: number;
  @Field(() => Int, { description: 'Files refused, nothing of them stored.' }) declare refusedFiles: number;
}

const DOC =
  `Import bank statement files (CODA, camt.053, MT940; scope statements:import; at most ${MAX_IMPORT_FILES} files, the request ` +
  'body at most 2 MB: larger files go to POST /statements). Each file is all or nothing: balances, CODA record 9, the accounts ' +
  "(own bank accounts of the caller's divisions, else FORBIDDEN) and the continuity with the previous statement (BALANCE_GAP " +
  'unless acceptGap) are checked before anything is stored. Importing a file again stores nothing. Refusals are in the summary.';

/** importBankStatements: thin over StatementImportService. */
@Resolver()
export class StatementImportResolver {
  @Mutation(() => StatementImportSummary, { description: DOC })
  @RequiresScope('statements:import')
  importBankStatements(
    @Arg('files', () => [StatementFileUpload]) files: StatementFileUpload[],
    @Arg('acceptGap', () => Boolean, { defaultValue: false, description: 'Store statements that leave a gap, reporting it.' })
    acceptGap: boolean,
    @Ctx() ctx: RequestContext,
  ) {
    const inputs = files.map((f, i) => ({
      fileName: f.fileName,
      content: contentBytes(f.content, f.encoding ?? StatementContentEncoding.TEXT, `files[${i}].content`),
      format: formatNamed(f.format, `files[${i}].format`),
    }));
    return new StatementImportService(ctx.scope, ctx.principal, ctx.runtime.events).import(inputs, { acceptGap });
  }
}

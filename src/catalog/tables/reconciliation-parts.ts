import { col } from '../column';
import { CatalogTable } from '../types';
import { idAndDivision, READ_ONLY } from './common';
import { created, lineColumn, MONEY, toDivision, toLine, undone } from './reconciliation';

/**
 * Parts of a split bank entry line (issue 13, the processing list's "split it"): a line that pays
 * several things is divided into parts, each matched, booked or ignored on its own. The parts
 * belong to reconciliation only: the line stays the statement's one movement (its amount and the
 * account's running balance do not change), and its parts add up to it exactly. Written by the
 * reconciliation mutations only; a split that is undone keeps its parts' rows with Undone set.
 */
export const RECONCILIATION_PARTS: CatalogTable = {
  name: 'ReconciliationParts',
  typeName: 'ReconciliationPart',
  labelEn: 'Bank entry line parts',
  labelNl: 'Delen van bankregels',
  description:
    'A part of a split bank entry line: an amount in the sign of the line (the parts of a split add up to the line exactly), with ' +
    'a reconciliation status and open amount of its own, settled by the actions that name it (ReconciliationActions.Part).',
  partitionColumn: 'Division',
  primaryKey: 'ID',
  allows: READ_ONLY,
  columns: [
    ...idAndDivision('part'),
    lineColumn('The bank entry line split.'),
    col('Action', 'guid', 'Action', 'Actie', 'The SPLIT action that made the part.', { required: true, field: 'actionID' }),
    col('PartNumber', 'int32', 'Part number', 'Deelnummer', '1, 2, ... in the order given.', { required: true }),
    col('AmountFC', 'decimal', 'Amount', 'Bedrag', "The part's amount, in the line's currency and sign.", { ...MONEY, required: true }),
    col('Description', 'string', 'Description', 'Omschrijving', 'What the part is for (the user’s note).', { length: 255 }),
    col(
      'ReconciliationStatus',
      'int16',
      'Reconciliation status',
      'Afletterstatus',
      'Where the part stands: 10 Open, 50 Matched, 60 Ignored, as a line (docs/reconciliation.md).',
      { required: true },
    ),
    col(
      'OpenAmountFC',
      'decimal',
      'Open amount',
      'Open bedrag',
      'Part not yet settled (an over-payment that stays on the part); empty while nothing is settled (the whole AmountFC).',
      MONEY,
    ),
    ...created(),
    ...undone('split'),
  ],
  relations: [
    toDivision('part'),
    toLine('The bank entry line split.'),
    { name: 'action', table: 'ReconciliationActions', on: [['Action', 'ID']], kind: 'one', doc: 'The SPLIT action that made the part.' },
    {
      name: 'reconciliationMatches',
      table: 'ReconciliationMatches',
      on: [['ID', 'Part']],
      kind: 'many',
      doc: 'What the part settled (undone matches included, with Undone set).',
    },
  ],
};

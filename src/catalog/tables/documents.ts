import { col } from '../column';
import { CatalogTable } from '../types';
import { auditColumns, idAndDivision, READ_ONLY } from './common';

export const DOCUMENTS: CatalogTable = {
  name: 'Documents',
  typeName: 'Document',
  labelEn: 'Documents',
  labelNl: 'Documenten',
  description: 'Documents of a division. Processing payments creates a document with the bank file attached.',
  partitionColumn: 'Division',
  primaryKey: 'ID',
  allows: READ_ONLY,
  columns: [
    ...idAndDivision('document'),
    col('DocumentNumber', 'int32', 'Document number', 'Documentnummer', 'Number of the document: a sequence without gaps per division.', {
      required: true,
    }),
    col('Subject', 'string', 'Subject', 'Onderwerp', 'Subject of the document.', { length: 256, required: true }),
    col('Type', 'int32', 'Type', 'Type', 'Document type: 10 bank export file, 20 purchase invoice, 55 other.', { required: true }),
    ...auditColumns(),
  ],
  relations: [
    { name: 'division', table: 'Divisions', on: [['Division', 'Code']], kind: 'one', doc: 'Division of the document.' },
    { name: 'attachments', table: 'DocumentAttachments', on: [['ID', 'Document']], kind: 'many', doc: 'Files attached to the document.' },
  ],
};

export const DOCUMENT_ATTACHMENTS: CatalogTable = {
  name: 'DocumentAttachments',
  typeName: 'DocumentAttachment',
  labelEn: 'Document attachments',
  labelNl: 'Documentbijlagen',
  description: 'Files attached to documents, such as SEPA bank files. The bytes are downloaded over HTTP.',
  partitionColumn: 'Division',
  primaryKey: 'ID',
  allows: READ_ONLY,
  rootList: false,
  columns: [
    ...idAndDivision('attachment'),
    col('Document', 'guid', 'Document', 'Document', 'The document the file is attached to.', { required: true, field: 'documentID' }),
    col('FileName', 'string', 'File name', 'Bestandsnaam', 'Name of the file.', { length: 255, required: true }),
    col('MediaType', 'string', 'Media type', 'Mediatype', 'Media (MIME) type of the file.', { length: 100, required: true }),
    col('FileSize', 'int32', 'File size', 'Bestandsgrootte', 'Size of the file in bytes.', { required: true }),
    col('Attachment', 'blob', 'Contents', 'Inhoud', 'The bytes of the file.', { required: true }),
    col('Created', 'datetime', 'Created', 'Gemaakt', 'Creation date.', { required: true }),
  ],
  relations: [{ name: 'document', table: 'Documents', on: [['Document', 'ID']], kind: 'one', doc: 'The document.' }],
};

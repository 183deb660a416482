import { SaxesParser } from 'saxes';
import { accountKey } from '../financial-accounts/statement.input';
import { PaymentBatch } from '../batches/payment-batch.entity';
import { DocumentAttachment } from '../documents/document-attachment.entity';
import { BankConnectorRule, connectorError } from './bank-connector.errors';
import { ConnectorContext, storeOf } from './connector-context';
import { pontoClientOf } from './ponto-connector';
import { JsonApiResource } from './ponto-client';

/** Ponto's limits on a payment's texts (Ponto Connect API, "Create Payment": remittance 140, end-to-end id 35). */
export const PONTO_REMITTANCE_MAX = 140;
export const PONTO_END_TO_END_MAX = 35;

/** One credit transfer of a pain.001 file, as a Ponto payment takes it. */
export interface PontoPayment {
  endToEndId: string;
  /** Exact decimal text. */
  amount: string;
  currency: string;
  creditorName: string;
  creditorAccountReference: string;
  creditorAgent: string | null;
  remittanceInformation: string | null;
  remittanceInformationType: 'structured' | 'unstructured';
}

/** What a pain.001 file asks: the debtor's account, the execution date and the transfers in file order. */
export interface Pain001Content {
  debtorIban: string;
  requestedExecutionDate: string | null;
  payments: PontoPayment[];
}

/** The text of every element of a pain.001 file by its path (`PmtInf/CdtTrfTxInf/PmtId/EndToEndId`), attributes as `@name`. */
interface Element {
  path: string;
  text: string;
  attributes: Record<string, string>;
  children: Element[];
}

/** The file as a tree of elements (saxes: entities decoded, namespaces ignored). */
function elements(xml: string): Element {
  const root: Element = { path: '', text: '', attributes: {}, children: [] };
  const stack = [root];
  const parser = new SaxesParser();
  parser.on('opentag', (tag) => {
    const parent = stack[stack.length - 1];
    const name = tag.name.replace(/^.*:/, '');
    const attributes = Object.fromEntries(Object.entries(tag.attributes).map(([k, v]) => [k, String(v)]));
    const node: Element = { path: parent.path ? `${parent.path}/${name}` : name, text: '', attributes, children: [] };
    parent.children.push(node);
    stack.push(node);
  });
  parser.on('text', (text) => (stack[stack.length - 1].text += text));
  parser.on('closetag', () => void stack.pop());
  parser.write(xml).close();
  return root;
}

/** Descendants of `node` at `relative` path (e.g. `PmtId/EndToEndId`). */
function find(node: Element, relative: string): Element[] {
  const [head, ...rest] = relative.split('/');
  const here = node.children.filter((c) => c.path.endsWith(`/${head}`) || c.path === head);
  return rest.length ? here.flatMap((c) => find(c, rest.join('/'))) : here;
}
const textAt = (node: Element, relative: string): string | null => {
  const found = find(node, relative)[0];
  return found ? found.text.trim() : null;
};

/**
 * The transfers of a pain.001 file (versions .03 and .09) read back from the file itself, so that a
 * batch sent through Ponto carries exactly what its file carries: per CdtTrfTxInf the EndToEndId,
 * InstdAmt and its currency, the creditor's name, IBAN and BIC (BIC or BICFI), and the remittance:
 * Strd/CdtrRefInf/Ref as structured, else Ustrd as unstructured.
 */
export function pain001Content(xml: string): Pain001Content {
  const [initiation] = find(elements(xml), 'Document/CstmrCdtTrfInitn');
  const infos = initiation ? find(initiation, 'PmtInf') : [];
  if (!infos.length) throw connectorError(BankConnectorRule.INVALID_VALUE, 'batch', 'its file holds no payment information (PmtInf)');
  const payments = infos.flatMap((info) =>
    find(info, 'CdtTrfTxInf').map((tx): PontoPayment => {
      const [amount] = find(tx, 'Amt/InstdAmt');
      const structured = textAt(tx, 'RmtInf/Strd/CdtrRefInf/Ref');
      return {
        endToEndId: textAt(tx, 'PmtId/EndToEndId') ?? '',
        amount: amount?.text.trim() ?? '',
        currency: amount?.attributes.Ccy ?? 'EUR',
        creditorName: textAt(tx, 'Cdtr/Nm') ?? '',
        creditorAccountReference: textAt(tx, 'CdtrAcct/Id/IBAN') ?? '',
        creditorAgent: textAt(tx, 'CdtrAgt/FinInstnId/BIC') ?? textAt(tx, 'CdtrAgt/FinInstnId/BICFI'),
        remittanceInformation: structured ?? textAt(tx, 'RmtInf/Ustrd'),
        remittanceInformationType: structured ? 'structured' : 'unstructured',
      };
    }),
  );
  return {
    debtorIban: textAt(infos[0], 'DbtrAcct/Id/IBAN') ?? '',
    requestedExecutionDate: textAt(infos[0], 'ReqdExctnDt/Dt') ?? textAt(infos[0], 'ReqdExctnDt'),
    payments,
  };
}

/** A bulk payment as Ponto answers it: its id, status and the link where the user signs it. */
export interface PontoBulkPayment {
  id: string;
  status: string;
  redirectLink: string | null;
  accountID: string;
}

/**
 * Sends a processed payment batch through Ponto as one bulk payment from the batch's own bank
 * account (which must be an account of the connection): the payments are those of the batch's
 * pain.001 file, read back from the file (pain001Content), with the same end-to-end ids (at most
 * 35 characters), amounts and remittance (at most 140). Answers Ponto's redirect link for the
 * user's signature and the status. NOT_FOUND for a batch without a file in the caller's divisions;
 * ACCOUNT_NOT_MAPPED when the debtor account is not one of the connection's.
 */
export async function pushBatchToPonto(
  ctx: ConnectorContext,
  connectionID: string,
  batchID: string,
  redirectUri: string,
): Promise<PontoBulkPayment> {
  const store = storeOf(ctx);
  const connection = await store.get(connectionID);
  const batch = await ctx.scope.select(PaymentBatch, 'b').where('b.id = :batchID', { batchID }).getOne();
  if (!batch?.documentID || batch.divisionCode !== connection.divisionCode) {
    throw connectorError(
      BankConnectorRule.NOT_FOUND,
      'batch',
      `no processed payment batch ${batchID} with a file in the division of the connection`,
    );
  }
  const file = await ctx.scope
    .select(DocumentAttachment, 'a')
    .where('a.documentID = :document AND a.divisionCode = :division', { document: batch.documentID, division: batch.divisionCode })
    .orderBy('a.created', 'ASC')
    .getOne();
  if (!file) throw connectorError(BankConnectorRule.NOT_FOUND, 'batch', `payment batch ${batchID} has no file`);
  const content = pain001Content(Buffer.from(file.attachment).toString('utf8'));
  for (const [i, p] of content.payments.entries()) {
    if ([...p.endToEndId].length > PONTO_END_TO_END_MAX) {
      throw connectorError(
        BankConnectorRule.INVALID_VALUE,
        `payments[${i}].endToEndId`,
        `is longer than ${PONTO_END_TO_END_MAX} characters`,
      );
    }
    if (p.remittanceInformation && [...p.remittanceInformation].length > PONTO_REMITTANCE_MAX) {
      throw connectorError(
        BankConnectorRule.INVALID_VALUE,
        `payments[${i}].remittanceInformation`,
        `is longer than ${PONTO_REMITTANCE_MAX} characters`,
      );
    }
  }
  const account = (await store.accounts(connection)).find((a) => a.reference === accountKey(content.debtorIban));
  if (!account) {
    throw connectorError(
      BankConnectorRule.ACCOUNT_NOT_MAPPED,
      'batch',
      `the batch pays from ${content.debtorIban}, which is not an account of this Ponto connection`,
    );
  }
  const client = pontoClientOf(ctx, store, connection);
  const attributes = {
    reference: batch.cashflowTransactionBatchCode,
    redirectUri,
    requestedExecutionDate: content.requestedExecutionDate ?? undefined,
    batchBookingPreferred: batch.batchBooking,
    payments: content.payments.map((p) => ({
      endToEndId: p.endToEndId,
      amount: Number(p.amount),
      currency: p.currency,
      creditorName: p.creditorName,
      creditorAccountReference: p.creditorAccountReference,
      creditorAccountReferenceType: 'IBAN',
      ...(p.creditorAgent ? { creditorAgent: p.creditorAgent, creditorAgentType: 'BIC' } : {}),
      remittanceInformation: p.remittanceInformation ?? undefined,
      remittanceInformationType: p.remittanceInformationType,
    })),
  };
  const created = await client.post<{ data: JsonApiResource<{ status: string }> }>(`/accounts/${account.remoteID}/bulk-payments`, {
    data: { type: 'bulkPayment', attributes },
  });
  ctx.logger?.info({ connection: connection.id, batch: batch.id, bulkPayment: created.data.id }, 'payment batch sent to Ponto');
  return {
    id: created.data.id,
    status: created.data.attributes.status,
    redirectLink: created.data.links?.redirect ?? null,
    accountID: account.remoteID,
  };
}

/** The bulk payment's status as Ponto reports it now (unsigned, pending, accepted-by-financial-institution, rejected, ...). */
export async function bulkPaymentStatus(
  ctx: ConnectorContext,
  connectionID: string,
  bulk: Pick<PontoBulkPayment, 'id' | 'accountID'>,
): Promise<string> {
  const store = storeOf(ctx);
  const connection = await store.get(connectionID);
  const client = pontoClientOf(ctx, store, connection);
  const answer = await client.get<{ data: JsonApiResource<{ status: string }> }>(`/accounts/${bulk.accountID}/bulk-payments/${bulk.id}`);
  return answer.data.attributes.status;
}

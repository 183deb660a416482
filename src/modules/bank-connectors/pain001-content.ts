import { SaxesParser } from 'saxes';
import { BankConnectorRule, connectorError } from './bank-connector.errors';

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

import iconv from 'iconv-lite';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { StatementTally } from '../balance';
import { formatError, problem, StatementFormatError, type StatementRule } from '../errors';
import { EventSink, type PushParser } from '../events';
import type { StatementAccount } from '../types';
import { ValueProblem } from '../values';
import { entryLines } from './entries';
import type { XmlNode } from './nodes';
import { statementAccount, statementHeader, type StatementParts } from './statement';

const MESSAGE = 'BkToCstmrStmt';
const OTHER_MESSAGES: Record<string, string> = {
  BkToCstmrAcctRpt: 'camt.052, an intraday account report',
  BkToCstmrDbtCdtNtfctn: 'camt.054, a debit/credit notification',
};

interface OpenStatement extends StatementParts {
  account: StatementAccount | null;
  tally: StatementTally;
  entries: number;
  lines: number;
}

/** The children of a captured element without any (never added to: a first child gets a list of its own). */
const NO_CHILDREN: XmlNode[] = Object.freeze([]) as unknown as XmlNode[];

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/**
 * A push parser of ISO 20022 camt.053 (BankToCustomerStatement) on saxes, a streaming XML parser:
 * element trees are built only for one entry (`Ntry`) or one other child of a statement at a time,
 * so memory is bounded by the largest entry, not the file. Every `Stmt` of the file is a
 * statement (several accounts per file are normal). Texts are kept as written (no number coercion).
 */
export class Camt053Parser implements PushParser {
  readonly format = 'camt053' as const;
  readonly sink: EventSink;
  private readonly xml = new SaxesParser({ xmlns: false, position: true });
  private decoder: ReturnType<typeof iconv.getDecoder> | null = null;
  /** Depth of the element being read outside a captured tree (1 = Document). */
  private depth = 0;
  private version: string | null = null;
  private statements = 0;
  private statement: OpenStatement | null = null;
  /** The tree being built (an entry or another child of Stmt): its open elements, root first. */
  private capture: XmlNode[] = [];
  private failure: StatementFormatError | null = null;

  constructor(options: { verify: boolean }) {
    this.sink = new EventSink(options.verify);
    this.xml.on('opentag', (tag) => this.open(tag));
    this.xml.on('closetag', () => this.close());
    this.xml.on('text', (text) => this.text(text));
    this.xml.on('cdata', (text) => this.text(text));
    this.xml.on('error', (e) => {
      throw formatError('BAD_RECORD', this.statement?.index ?? null, this.where(), `the XML is not well formed: ${e.message}`);
    });
  }

  write(chunk: Uint8Array | string): void {
    if (typeof chunk === 'string') return this.feed(chunk);
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    // the XML declaration names the encoding; without one XML is UTF-8
    this.decoder ??= iconv.getDecoder(declaredEncoding(bytes) ?? 'utf8');
    this.feed(this.decoder.write(bytes));
  }

  end(): void {
    const rest = this.decoder?.end();
    if (rest) this.feed(rest);
    this.guard(() => this.xml.close());
    if (this.depth === 0 && this.statements === 0) throw formatError('UNKNOWN_FORMAT', null, null, 'the input holds no XML document');
    if (this.statements === 0) throw formatError('BAD_RECORD', null, `Document/${MESSAGE}`, 'the message holds no statement (Stmt)');
    this.sink.finish();
  }

  private feed(text: string): void {
    this.guard(() => this.xml.write(text));
  }

  /** Runs saxes, turning value problems of a handler into errors naming the element. */
  private guard(run: () => void): void {
    if (this.failure) throw this.failure;
    try {
      run();
    } catch (e) {
      this.failure =
        e instanceof ValueProblem
          ? formatError(e.rule, this.statement?.index ?? null, this.where(), e.message)
          : (e as StatementFormatError);
      throw e instanceof ValueProblem ? this.failure : e;
    }
  }

  private where(): string {
    const s = this.statement;
    const inner = this.capture.map((n) => n.name).join('/');
    const base = s ? (this.capture[0]?.name === 'Ntry' ? `${s.path}/Ntry[${s.entries + 1}]` : s.path) : `Document/${MESSAGE}`;
    const rest = this.capture[0]?.name === 'Ntry' ? inner.slice('Ntry'.length).replace(/^\//, '') : inner;
    return `${base}${rest ? `/${rest}` : ''} (XML line ${this.xml.line})`;
  }

  private open(tag: SaxesTagPlain): void {
    const name = localName(tag.name);
    if (this.capture.length) {
      const node: XmlNode = { name, attributes: tag.attributes as Record<string, string>, text: '', children: NO_CHILDREN };
      const parent = this.capture[this.capture.length - 1];
      // most elements of an entry are leaves: they share one empty list instead of each having its own
      if (parent.children === NO_CHILDREN) parent.children = [node];
      else parent.children.push(node);
      this.capture.push(node);
      return;
    }
    this.depth++;
    if (this.depth === 1) return this.document(name, tag.attributes as Record<string, string>);
    if (this.depth === 2) {
      if (name !== MESSAGE) {
        const other = OTHER_MESSAGES[name];
        throw formatError(
          'UNKNOWN_FORMAT',
          null,
          `Document/${name}`,
          other ? `the message is ${other}, not a camt.053 statement` : `${name} is not a camt.053 message`,
        );
      }
      return;
    }
    if (this.depth === 3 && name === 'Stmt') {
      const index = this.statements++;
      this.statement = {
        index,
        path: `Document/${MESSAGE}/Stmt[${index + 1}]`,
        formatVersion: this.version,
        parts: [],
        account: null,
        tally: new StatementTally(),
        entries: 0,
        lines: 0,
      };
      return;
    }
    if (this.depth === 4 && this.statement) {
      this.depth--;
      this.capture.push({ name, attributes: tag.attributes as Record<string, string>, text: '', children: NO_CHILDREN });
    }
  }

  private document(name: string, attributes: Record<string, string>): void {
    const namespaces = Object.entries(attributes)
      .filter(([k]) => k === 'xmlns' || k.startsWith('xmlns:'))
      .map(([, v]) => v);
    const camt = namespaces.map((ns) => /camt\.(\d{3})\.(\d{3}\.\d{2})/.exec(ns)).find(Boolean);
    if (name !== 'Document' || (camt && camt[1] !== '053')) {
      const what = camt ? `camt.${camt[1]}` : name;
      throw formatError('UNKNOWN_FORMAT', null, name, `the XML is ${what}, not an ISO 20022 camt.053 statement`);
    }
    this.version = camt ? camt[2] : null;
  }

  private text(text: string): void {
    const n = this.capture.length;
    if (!n) return;
    // camt.053 has no mixed content: text after an element's first child is the layout between
    // children (a line break and indentation before each), which no one reads; not kept
    const node = this.capture[n - 1];
    if (node.children === NO_CHILDREN) node.text += text;
  }

  private close(): void {
    if (this.capture.length) {
      const node = this.capture.pop()!;
      if (this.capture.length === 0) this.captured(node);
      return;
    }
    if (this.depth === 3 && this.statement) this.endStatement(this.statement);
    this.depth--;
  }

  private captured(node: XmlNode): void {
    const s = this.statement!;
    if (node.name !== 'Ntry') {
      s.parts.push(node);
      return;
    }
    // the account (and its currency) is known before the first entry: Acct and Bal precede Ntry
    s.account ??= statementAccount(s);
    const path = `${s.path}/Ntry[${s.entries + 1}]`;
    let lines;
    try {
      lines = entryLines(node, { statementIndex: s.index, entryNumber: s.entries + 1, path, firstIndex: s.lines }, (rule, where, message) =>
        this.report(rule, s.index, where, message),
      );
    } catch (e) {
      if (e instanceof ValueProblem) throw formatError(e.rule, s.index, `${path} (XML line ${this.xml.line})`, e.message);
      throw e;
    }
    s.entries++;
    s.lines += lines.length;
    for (const line of lines) {
      s.tally.add(line, s.account.currency);
      this.sink.line(s.index, line);
    }
  }

  private report(rule: StatementRule, index: number, where: string, message: string): void {
    this.sink.problem(problem(rule, index, where, message));
  }

  private endStatement(s: OpenStatement): void {
    const account = s.account ?? statementAccount(s);
    const { header, problems } = statementHeader(s, account, s.tally.lineCount);
    for (const found of problems) this.sink.problem(found);
    for (const found of s.tally.problems(header)) this.sink.problem(found);
    this.sink.statement(header);
    this.statement = null;
  }
}

/** The encoding of an XML declaration at the start of the bytes, when it names one. */
function declaredEncoding(bytes: Buffer): string | null {
  const head = bytes.subarray(0, 200).toString('latin1');
  const m = /^(?:\uFEFF|\xEF\xBB\xBF)?<\?xml[^>]*\sencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head);
  return m && iconv.encodingExists(m[1]) ? m[1] : null;
}

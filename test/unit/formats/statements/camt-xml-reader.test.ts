import { SaxesParser } from 'saxes';
import { XmlReader, XmlSyntaxError } from '../../../../src/formats/statements/camt/xml-reader';

/**
 * The camt.053 parser's XML reader (src/formats/statements/camt/xml-reader.ts) against saxes, the
 * reader it replaced: the same elements, attributes and texts for every way of cutting the input
 * into chunks, and a well-formedness error where XML is broken.
 */

type Event = ['open', string, Record<string, string>] | ['close', string] | ['text', string];

/** Events with adjacent texts joined (both readers may cut a text in pieces). */
function joined(events: Event[]): Event[] {
  const out: Event[] = [];
  for (const e of events) {
    const last = out[out.length - 1];
    if (e[0] === 'text' && last?.[0] === 'text') last[1] += e[1];
    else out.push(e[0] === 'text' ? ['text', e[1]] : e);
  }
  return out.filter((e) => !(e[0] === 'text' && e[1] === ''));
}

function ours(chunks: string[]): Event[] {
  const events: Event[] = [];
  const reader = new XmlReader({
    open: (name, attributes) => events.push(['open', name, { ...attributes }]),
    close: (name) => events.push(['close', name]),
    text: (text) => events.push(['text', text]),
  });
  for (const c of chunks) reader.write(c);
  reader.close();
  return joined(events);
}

function saxes(xml: string): Event[] {
  const events: Event[] = [];
  const parser = new SaxesParser({ xmlns: false });
  let depth = 0;
  parser.on('opentag', (t) => {
    depth++;
    events.push(['open', t.name, { ...(t.attributes as Record<string, string>) }]);
  });
  parser.on('closetag', (t) => {
    depth--;
    events.push(['close', t.name]);
  });
  // saxes also reports the whitespace outside the root, which the reader checks and drops
  parser.on('text', (t) => depth > 0 && events.push(['text', t]));
  parser.on('cdata', (t) => events.push(['text', t]));
  parser.write(xml).close();
  return joined(events);
}

const DOCUMENT = `\uFEFF<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE Document>
<!-- a comment before the root -->
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08" xmlns:xsi='http://www.w3.org/2001/XMLSchema-instance'>
  <ns2:BkToCstmrStmt>
    <Ntry><Amt Ccy = "EUR" >1.00</Amt ><Nm>Zoë &amp; Ørsted &lt;BV&gt; &#65;&#x42; &quot;q&quot; &apos;a&apos;</Nm>
      <Empty/><Empty a="x&amp;y" /><!-- inside -->
      <Ustrd><![CDATA[a <b> & c]]> and more</Ustrd><?pi data?>
    </Ntry>
  </ns2:BkToCstmrStmt>
</Document>
<!-- after -->
`;

describe('the camt.053 XML reader', () => {
  it('reads what saxes reads, however the input is cut into chunks', () => {
    const expected = saxes(DOCUMENT);
    expect(ours([DOCUMENT])).toEqual(expected);
    for (const size of [1, 2, 3, 5, 7, 13, 64]) {
      const chunks = Array.from({ length: Math.ceil(DOCUMENT.length / size) }, (_, i) => DOCUMENT.slice(i * size, i * size + size));
      expect(ours(chunks)).toEqual(expected);
    }
    for (let cut = 1; cut < DOCUMENT.length; cut++) expect(ours([DOCUMENT.slice(0, cut), DOCUMENT.slice(cut)])).toEqual(expected);
  });

  it('tells the line it is at', () => {
    const lines: number[] = [];
    const reader = new XmlReader({ open: () => undefined, close: () => lines.push(reader.line), text: () => undefined });
    reader.write('<a>\n<b>x</b>\n');
    reader.write('\n<c/></a>');
    reader.close();
    expect(lines).toEqual([2, 4, 4]);
  });

  it.each([
    ['an end tag that does not match', '<a><b></c></a>', '</c> where </b> was expected'],
    ['an end tag of no element', '<a></a></b>', '</b> closes no element'],
    ['an element left open', '<a><b></b>', 'the input ends before </a>'],
    ['a second root', '<a/><b/>', 'a second root element b'],
    ['text outside the root', '<a/>x', 'text after the root element'],
    ['an unquoted attribute', '<a b=c/>', 'the value of b (in a) is not quoted'],
    ['a repeated attribute', '<a b="1" b="2"/>', 'attribute b twice in a'],
    ['a bare ampersand', '<a>x & y</a>', 'a bare & in text'],
    ['an unknown entity', '<a>&nbsp;</a>', 'unknown entity &nbsp;'],
    ['a bad element name', '<1a/>', '"1a" is not an element name'],
    ['an unclosed comment', '<a><!-- x</a>', 'a comment is not closed'],
    ['an unclosed start tag', '<a', 'a start tag is not closed by >'],
    ['no element at all', '  ', 'the input holds no element'],
    ['a DOCTYPE with entity declarations', '<!DOCTYPE a [<!ENTITY x "y">]><a/>', 'internal subset'],
  ])('refuses %s', (_, xml, message) => {
    const read = () => ours([xml]);
    expect(read).toThrow(XmlSyntaxError);
    expect(read).toThrow(message);
    // and the same cut into single characters
    expect(() => ours([...xml])).toThrow(XmlSyntaxError);
  });
});

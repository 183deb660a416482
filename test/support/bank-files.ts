/** Every value of an element in the XML text (`<NbOfTxs>3</NbOfTxs>` -> ['3']). */
export function elementValues(xml: string, name: string): string[] {
  return [...xml.matchAll(new RegExp(`<${name}(?:\\s[^>]*)?>([^<]*)</${name}>`, 'g'))].map((m) => m[1]);
}

/** Word lists for believable Belgian and Dutch supplier names. */
export const SUPPLIER_STEMS = [
  'Van den Broeck', 'De Smet', 'Peeters', 'Janssens', 'Maes', 'Willems', 'Claes', 'Goossens', 'Wouters', 'Dubois',
  'De Vries', 'Bakker', 'Visser', 'Smit', 'Meijer', 'De Boer', 'Mulder', 'De Groot', 'Bos', 'Vos',
  'Hendriks', 'Dekker', 'Brouwer', 'Lambrecht', 'Vermeulen', 'Verhoeven', 'Mertens', 'Jacobs', 'Lemmens', 'Martens',
  'Noordzee', 'Schelde', 'Kempen', 'Brabant', 'Veluwe', 'Ardennen', 'Polder', 'Zeeland', 'Limburg', 'Maasland',
];
export const SUPPLIER_TRADES = [
  'Bouw', 'Transport', 'Logistiek', 'Drukkerij', 'Kantoorartikelen', 'ICT', 'Schoonmaak', 'Catering', 'Elektro', 'Installatietechniek',
  'Houthandel', 'Metaalwerken', 'Verpakkingen', 'Advies', 'Accountancy', 'Energie', 'Garage', 'Koeriers', 'Beveiliging', 'Groothandel',
];
/** Trades of the demo's customers (who owe the receivables). */
export const CUSTOMER_TRADES = [
  'Bakkerij', 'Restaurant', 'Apotheek', 'Kapsalon', 'Bloemen', 'Fietsen', 'Hotel', 'Sport', 'Wijnhandel', 'Tandartspraktijk',
  'Boekhandel', 'Brouwerij', 'Slagerij', 'Optiek', 'Reisbureau',
  'Kinderopvang', 'Architecten', 'Juweliers', 'Meubelen', 'Tuincentrum',
];
export const LEGAL_FORMS = { BE: ['BV', 'NV', 'CommV', 'BV'], NL: ['B.V.', 'B.V.', 'N.V.', 'V.O.F.'] } as const;
export const CITIES = {
  BE: ['Antwerpen', 'Gent', 'Brugge', 'Leuven', 'Mechelen', 'Hasselt', 'Kortrijk', 'Brussel', 'Namur', 'Liège'],
  NL: ['Amsterdam', 'Rotterdam', 'Utrecht', 'Eindhoven', 'Groningen', 'Tilburg', 'Breda', 'Zwolle', 'Arnhem', 'Maastricht'],
} as const;
export const FIRST_NAMES = ['An', 'Bart', 'Els', 'Jan', 'Katrien', 'Lieven', 'Marieke', 'Pieter', 'Sanne', 'Tom', 'Wim', 'Sofie', 'Joris', 'Eva', 'Koen'];
export const LAST_NAMES = ['Peeters', 'Janssen', 'de Jong', 'Jansen', 'Claes', 'van Dijk', 'Willems', 'Smits', 'Verbruggen', 'de Wit'];
export const DIVISION_NAMES = [
  'Noorderlicht Holding', 'Scheldeport Logistics', 'Atelier Brugge', 'Polderwind Energie', 'Kempisch Bouwbedrijf',
  'Maasvallei Foods', 'Brabantse Zorg', 'Veluwe Recreatie', 'Ardennes Outdoor', 'Zeeuwse Visserij',
];

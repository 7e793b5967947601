// Texts shared by every page of the regional desk: its navigation, the crisis help and the report link.
export const deskNl = {
  'desk.nav': 'Loket',
  'desk.title': 'Loket {region}',
  'desk.sectionNav': 'Onderdelen van het loket',
  'desk.section.home': 'Overzicht',
  'desk.section.socialMap': 'Sociale kaart',
  'desk.section.employers': 'Open werkgevers',
  'desk.section.vacancies': 'Vacatures',
  'desk.section.ask': 'Stel je vraag',
  'desk.section.schemes': 'Regelingen',
  'desk.section.glossary': 'Woordenlijst',
  'desk.section.peerSupport': 'Lotgenoten',
  'desk.searchLabel': 'Zoek in dit loket en in het boek',
  'desk.searchButton': 'Zoek',
  'desk.unknownRegion': 'Deze regio kennen we niet.',
  'desk.crisis.title': 'Heb je nu meteen hulp nodig?',
  'desk.crisis.suicide': 'Denk je aan zelfdoding? Bel 113 Zelfmoordpreventie: {short} of gratis {free}, dag en nacht. Chatten kan op {site}.',
  'desk.crisis.doctor': 'Bel je huisarts. ’s Avonds, ’s nachts en in het weekend bel je de huisartsenpost.',
  'desk.crisis.emergency': 'Is er direct gevaar? Bel {number}.',
  'desk.report.link': 'Klopt hier iets niet? Meld het',
};

export const deskEn: Record<keyof typeof deskNl, string> = {
  'desk.nav': 'Desk',
  'desk.title': '{region} desk',
  'desk.sectionNav': 'Parts of the desk',
  'desk.section.home': 'Overview',
  'desk.section.socialMap': 'Social map',
  'desk.section.employers': 'Open employers',
  'desk.section.vacancies': 'Vacancies',
  'desk.section.ask': 'Ask your question',
  'desk.section.schemes': 'Schemes',
  'desk.section.glossary': 'Glossary',
  'desk.section.peerSupport': 'Peer support',
  'desk.searchLabel': 'Search this desk and the book',
  'desk.searchButton': 'Search',
  'desk.unknownRegion': 'We do not know this region.',
  'desk.crisis.title': 'Do you need help right now?',
  'desk.crisis.suicide': 'Thinking about suicide? Call 113 Suicide Prevention: {short} or free on {free}, day and night. You can chat at {site}.',
  'desk.crisis.doctor': 'Call your GP. In the evening, at night and at weekends, call the out-of-hours GP service (huisartsenpost).',
  'desk.crisis.emergency': 'Is there immediate danger? Call {number}.',
  'desk.report.link': 'Something wrong here? Report it',
};

declare module '../../platform/i18n/message-keys.js' {
  interface MessageCatalogue extends Record<keyof typeof deskNl, string> {}
}

export const regionsNl = {
  'regions.title': "Arbeidsmarktregio's",
  'regions.intro':
    "Nederland heeft 35 arbeidsmarktregio's. In elke regio werken gemeenten, UWV, werkgevers en zorg samen. Kies je eigen regio bij je account.",
  'regions.coordinators': 'Regiocoördinatoren',
  'regions.noCoordinators': 'Deze regio heeft nog geen regiocoördinator.',
  'regions.region': 'Regio',
  'regions.coordinatorCount': 'Coördinatoren',
  'regions.yourRegion': 'Jouw regio',
  'regions.chooseOwn': 'Kies je eigen regio bij Mijn account.',
  'regions.coordinatorIntro': 'Een regiocoördinator houdt het loket van de regio bij en helpt mensen de weg te vinden.',
} as const;

export const regionsEn: Record<keyof typeof regionsNl, string> = {
  'regions.title': 'Labour-market regions',
  'regions.intro':
    'The Netherlands has 35 labour-market regions. In each region municipalities, UWV, employers and care work together. Choose your own region in your account.',
  'regions.coordinators': 'Regional coordinators',
  'regions.noCoordinators': 'This region has no regional coordinator yet.',
  'regions.region': 'Region',
  'regions.coordinatorCount': 'Coordinators',
  'regions.yourRegion': 'Your region',
  'regions.chooseOwn': 'Choose your own region in My account.',
  'regions.coordinatorIntro': 'A regional coordinator keeps the regional desk up to date and helps people find their way.',
};

declare module '../../platform/i18n/message-keys.js' {
  interface MessageCatalogue extends Record<keyof typeof regionsNl, string> {}
}

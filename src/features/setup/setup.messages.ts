export const setupNl = {
  'setup.title': 'De Werkplaats installeren',
  'setup.intro':
    'Deze installatie heeft nog geen beheerder. Maak hier het eerste beheerdersaccount. Je hebt de installatiecode nodig die de server bij het starten liet zien.',
  'setup.field.token': 'Installatiecode',
  'setup.field.token.hint': 'Staat in het logboek van de server: "Installatiecode voor de eerste beheerder".',
  'setup.submit': 'Beheerder maken',
  'setup.error.token': 'Deze installatiecode klopt niet.',
  'setup.done': 'Welkom! Je bent de eerste beheerder. Zet nu tweestapsverificatie aan.',
} as const;

export const setupEn: Record<keyof typeof setupNl, string> = {
  'setup.title': 'Install the Werkplaats',
  'setup.intro':
    'This installation has no administrator yet. Create the first administrator account here. You need the setup code the server showed when it started.',
  'setup.field.token': 'Setup code',
  'setup.field.token.hint': 'It is in the server log: "Installatiecode voor de eerste beheerder".',
  'setup.submit': 'Create administrator',
  'setup.error.token': 'This setup code is not right.',
  'setup.done': 'Welcome! You are the first administrator. Now turn on two-factor authentication.',
};

declare module '../../platform/i18n/message-keys.js' {
  interface MessageCatalogue extends Record<keyof typeof setupNl, string> {}
}

export const homeNl = {
  'home.title': 'Welkom bij de Werkplaats',
  'home.intro':
    'Hier werken professionals uit 21 beroepsgroepen, mensen met een psychische kwetsbaarheid en werkgevers samen. Zodat meer mensen betaald werk vinden en houden. We kijken naar mogelijkheden en kwaliteiten.',
  'home.teams.title': 'Samen in een team',
  'home.teams.body': 'Maak een team met mensen uit je regio of je netwerk. Nodig anderen uit en werk samen aan jullie plannen.',
  'home.teams.link': 'Naar je teams',
  'home.regions.title': "35 arbeidsmarktregio's",
  'home.regions.body': 'Kies je eigen regio. Zo vind je mensen en organisaties dichtbij.',
  'home.regions.link': "Bekijk de regio's",
  'home.account.title': 'Meedoen',
  'home.account.body': 'Met een account kun je meedoen in teams. Je kiest zelf wat je over jezelf vertelt.',
  'home.account.register': 'Maak een account',
  'home.account.login': 'Of log in',
  'home.welcomeBack': 'Fijn dat je er bent, {name}.',
  'a11y.title': 'Toegankelijkheid',
  'a11y.intro':
    'Iedereen moet deze website kunnen gebruiken. Ook met een schermlezer, alleen een toetsenbord, vergroting of zonder JavaScript.',
  'a11y.standard.title': 'Welke eisen we volgen',
  'a11y.standard.body':
    'We bouwen de website volgens de Web Content Accessibility Guidelines (WCAG) 2.2, niveau AA. Elke nieuwe pagina wordt automatisch getest met axe-core in een echte browser en moet geldige HTML zijn.',
  'a11y.how.title': 'Wat we doen',
  'a11y.how.item1': 'Elke pagina werkt zonder JavaScript: formulieren worden gewoon verstuurd.',
  'a11y.how.item2': 'Je kunt alles met het toetsenbord bedienen. Met "Ga direct naar de inhoud" sla je het menu over.',
  'a11y.how.item3': 'Foutmeldingen staan bij het veld waar iets mis is, en bovenaan in een overzicht.',
  'a11y.how.item4': 'We schrijven in eenvoudige taal (niveau B1) en gebruiken waarderende woorden.',
  'a11y.how.item5': 'De website is er in het Nederlands en in het Engels.',
  'a11y.known.title': 'Wat nog niet goed gaat',
  'a11y.known.body':
    'We kennen op dit moment geen problemen met de toegankelijkheid. Loop je toch ergens tegenaan? Laat het ons weten, dan lossen we het op.',
  'a11y.contact.title': 'Contact',
  'a11y.contact.body': 'Meld een probleem bij de beheerder van deze installatie. Noem de pagina en wat er misging.',
  'a11y.updated': 'Deze verklaring is voor het laatst bijgewerkt op 23 november 2026.',
} as const;

export const homeEn: Record<keyof typeof homeNl, string> = {
  'home.title': 'Welcome to the Werkplaats',
  'home.intro':
    'Here professionals from 21 professional groups, people with a psychological vulnerability and employers work together, so that more people find and keep paid work. We look at possibilities and qualities.',
  'home.teams.title': 'Together in a team',
  'home.teams.body': 'Create a team with people from your region or network. Invite others and work on your plans together.',
  'home.teams.link': 'Go to your teams',
  'home.regions.title': '35 labour-market regions',
  'home.regions.body': 'Choose your own region to find people and organisations nearby.',
  'home.regions.link': 'See the regions',
  'home.account.title': 'Take part',
  'home.account.body': 'With an account you can take part in teams. You decide what you tell about yourself.',
  'home.account.register': 'Create an account',
  'home.account.login': 'Or log in',
  'home.welcomeBack': 'Good to see you, {name}.',
  'a11y.title': 'Accessibility',
  'a11y.intro': 'Everyone should be able to use this website, also with a screen reader, only a keyboard, magnification or without JavaScript.',
  'a11y.standard.title': 'Which requirements we follow',
  'a11y.standard.body':
    'We build the website following the Web Content Accessibility Guidelines (WCAG) 2.2, level AA. Every new page is tested automatically with axe-core in a real browser and must be valid HTML.',
  'a11y.how.title': 'What we do',
  'a11y.how.item1': 'Every page works without JavaScript: forms are simply submitted.',
  'a11y.how.item2': 'You can use everything with the keyboard. "Skip to content" lets you pass the menu.',
  'a11y.how.item3': 'Error messages appear at the field where something is wrong, and in a summary at the top.',
  'a11y.how.item4': 'We write in plain language (level B1) and use appreciative words.',
  'a11y.how.item5': 'The website is available in Dutch and in English.',
  'a11y.known.title': 'What does not work well yet',
  'a11y.known.body': 'We currently know of no accessibility problems. Did you run into something? Let us know and we will fix it.',
  'a11y.contact.title': 'Contact',
  'a11y.contact.body': 'Report a problem to the administrator of this installation. Mention the page and what went wrong.',
  'a11y.updated': 'This statement was last updated on 23 November 2026.',
};

declare module '../../platform/i18n/message-keys.js' {
  interface MessageCatalogue extends Record<keyof typeof homeNl, string> {}
}

// The texts of the shared search-page parts; the features that search add their own.
export const searchViewsNl = {
  'search.label': 'Waar zoek je naar?',
  'search.types': 'Alleen zoeken in',
  'search.submit': 'Zoeken',
  'search.resultCount': '{count} resultaten',
  'search.resultCountMoreThan': 'Meer dan {count} resultaten',
  'search.pages': 'Pagina’s met resultaten',
  'search.previousPage': 'Vorige pagina',
  'search.nextPage': 'Volgende pagina',
  'search.pageOf': 'Pagina {page} van {pages}',
  'search.noResults': 'Niets gevonden',
  'search.didYouMean': 'Bedoelde je',
  'search.inOtherTypes': 'Buiten je keuze zijn er {count} resultaten.',
  'search.searchAllTypes': 'Zoek overal',
  'search.truncated': 'Je zoekvraag was langer dan {max} tekens. We zochten op de eerste {max} tekens.',
  'search.correctedTo': 'We vonden dit woord niet en zochten daarom op',
  'search.searchInstead': 'Zoek in plaats daarvan op',
  'search.partial': 'Niets had al je woorden. Dit zijn resultaten met een deel van je woorden.',
};

export const searchViewsEn: Record<keyof typeof searchViewsNl, string> = {
  'search.label': 'What are you looking for?',
  'search.types': 'Only search in',
  'search.submit': 'Search',
  'search.resultCount': '{count} results',
  'search.resultCountMoreThan': 'More than {count} results',
  'search.pages': 'Pages of results',
  'search.previousPage': 'Previous page',
  'search.nextPage': 'Next page',
  'search.pageOf': 'Page {page} of {pages}',
  'search.noResults': 'Nothing found',
  'search.didYouMean': 'Did you mean',
  'search.inOtherTypes': 'Outside your choice there are {count} results.',
  'search.searchAllTypes': 'Search everywhere',
  'search.truncated': 'Your search was longer than {max} characters. We searched for the first {max} characters.',
  'search.correctedTo': 'We did not find this word, so we searched for',
  'search.searchInstead': 'Search instead for',
  'search.partial': 'Nothing had all your words. These results have some of them.',
};

declare module '../i18n/message-keys.js' {
  interface MessageCatalogue extends Record<keyof typeof searchViewsNl, string> {}
}

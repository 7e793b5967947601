// The texts of the shared search-page parts; the features that search add their own.
export const searchViewsNl = {
  'search.label': 'Waar zoek je naar?',
  'search.types': 'Alleen zoeken in',
  'search.submit': 'Zoeken',
  'search.resultCount': '{count} resultaten',
  'search.pages': 'Pagina’s met resultaten',
  'search.previousPage': 'Vorige pagina',
  'search.nextPage': 'Volgende pagina',
  'search.pageOf': 'Pagina {page} van {pages}',
  'search.noResults': 'Niets gevonden',
  'search.didYouMean': 'Bedoelde je',
  'search.inOtherTypes': 'Buiten je keuze zijn er {count} resultaten.',
  'search.searchAllTypes': 'Zoek overal',
};

export const searchViewsEn: Record<keyof typeof searchViewsNl, string> = {
  'search.label': 'What are you looking for?',
  'search.types': 'Only search in',
  'search.submit': 'Search',
  'search.resultCount': '{count} results',
  'search.pages': 'Pages of results',
  'search.previousPage': 'Previous page',
  'search.nextPage': 'Next page',
  'search.pageOf': 'Page {page} of {pages}',
  'search.noResults': 'Nothing found',
  'search.didYouMean': 'Did you mean',
  'search.inOtherTypes': 'Outside your choice there are {count} results.',
  'search.searchAllTypes': 'Search everywhere',
};

declare module '../i18n/message-keys.js' {
  interface MessageCatalogue extends Record<keyof typeof searchViewsNl, string> {}
}

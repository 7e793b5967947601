// A plain-language check for Dutch text (vacancies at the regional desk): long sentences, long words,
// jargon with a plainer alternative, and a readability indication. Pure functions, no I/O.
// Recommendation 43 of the Zeeland report (seed 004): "Formuleer vacatures in toegankelijke taal zodat
// iemand eerder denkt: Hé dat is wat voor mij."

export const LONG_SENTENCE_WORDS = 20;
export const LONG_WORD_LETTERS = 15;
export const LONG_WORD_SYLLABLES = 4;

export interface JargonEntry {
  /** The word or phrase as shown to the writer. */
  readonly term: string;
  /** Other spellings and forms; a trailing '*' matches any ending (inflections, plurals). */
  readonly variants?: readonly string[];
  readonly alternative: string;
}

/**
 * Words and phrases to reconsider, with a plain alternative. The first five come from the vocabulary table
 * of the inspiration book "Mensen met Mogelijkheden" (seed 003, ch. 10.2 "Praktijk uit regio": Taalgebruik →
 * Waarderend taalgebruik). "Ervaringsdeskundige" from that table is left out on purpose: at the desk it names
 * a profession and a kind of organisation, not the person a vacancy speaks to.
 */
export const JARGON: readonly JargonEntry[] = [
  // From the book's table (ch. 10.2)
  { term: 'patiënt', variants: ['patient', 'patienten', 'patiënten'], alternative: 'mens' },
  { term: 'cliënt', variants: ['client', 'clienten', 'cliënten'], alternative: 'mens' },
  { term: 'stoornis', variants: ['stoornissen', 'psychische stoornis*'], alternative: 'psychische ervaring of kwetsbaarheid' },
  { term: 'aandoening', variants: ['aandoeningen', 'psychische aandoening*'], alternative: 'psychische ervaring of kwetsbaarheid' },
  { term: 'beperkingen en gebreken', variants: ['beperking', 'beperkingen', 'gebreken'], alternative: 'mogelijkheden en kwaliteiten' },
  { term: 'arbeidsbeperking', variants: ['arbeidsbeperkingen', 'arbeidsbeperkt*'], alternative: 'mensen met een psychische kwetsbaarheid; of: wat iemand kan (mogelijkheden)' },
  { term: 'afstand tot de arbeidsmarkt', alternative: 'zeg wat iemand nodig heeft om te werken' },
  // Work and vacancies
  { term: 're-integratie', variants: ['reintegratie', 'reïntegratie', 're-integreren', 'reintegreren', 're-integratietraject*', 'reintegratietraject*'], alternative: 'weer aan het werk gaan' },
  { term: 'competenties', variants: ['competentie'], alternative: 'wat je kunt' },
  { term: 'affiniteit met', variants: ['affiniteit hebben met', 'affiniteit'], alternative: 'zin in; je vindt het leuk' },
  { term: 'flexibel inzetbaar', variants: ['flexibele inzetbaarheid', 'flexibel in te zetten'], alternative: 'je werkt soms op andere tijden of plekken (zeg wanneer)' },
  { term: 'stressbestendig', variants: ['stressbestendige', 'stressbestendigheid'], alternative: 'je blijft rustig als het druk is (zeg wanneer het druk is)' },
  { term: 'proactief', variants: ['proactieve', 'pro-actief', 'pro-actieve'], alternative: 'je ziet zelf wat er moet gebeuren' },
  { term: 'MBO-4 werk- en denkniveau', variants: ['mbo 4 werk en denkniveau', 'mbo werk en denkniveau', 'hbo werk en denkniveau', 'werk en denkniveau', 'denkniveau'], alternative: 'zeg wat je moet kunnen; een diploma is niet altijd nodig' },
  { term: 'fte', alternative: 'uur per week (noem het aantal uren)' },
  { term: 'per direct', alternative: 'zo snel mogelijk' },
  { term: 'uitdagend', variants: ['uitdagende'], alternative: 'afwisselend (zeg wat je doet)' },
  { term: 'dynamisch', variants: ['dynamische'], alternative: 'druk en afwisselend (zeg wat er gebeurt)' },
  { term: 'Participatiewet', variants: ['participatie wet'], alternative: 'de regels van de gemeente voor bijstand en hulp bij werk' },
  { term: 'loonwaarde', variants: ['loonwaardemeting'], alternative: 'hoeveel werk je kunt doen, in loon uitgedrukt' },
  { term: 'loonkostensubsidie', alternative: 'geld van de gemeente aan de werkgever voor een deel van je loon' },
  { term: 'no-riskpolis', variants: ['no risk polis', 'no-risk polis', 'noriskpolis'], alternative: 'regeling van UWV die de werkgever helpt als je ziek wordt' },
  { term: 'doelgroepregister', alternative: 'de lijst van UWV voor de banenafspraak' },
  { term: 'banenafspraak', alternative: 'afspraak over extra banen voor mensen die hulp krijgen bij werk' },
  { term: 'jobcarving', variants: ['job carving'], alternative: 'het werk aanpassen aan wat je kunt' },
  { term: 'werkervaringsplaats', variants: ['werkervaringsplaatsen', 'werkervaringsplek*'], alternative: 'plek om werkervaring op te doen' },
  { term: 'proefplaatsing', variants: ['proefplaatsingen'], alternative: 'eerst een tijdje meewerken op proef' },
  { term: 'arbeidsovereenkomst', alternative: 'contract' },
  { term: 'dienstverband', alternative: 'baan; contract' },
  { term: 'arbeidsvoorwaarden', variants: ['secundaire arbeidsvoorwaarden', 'primaire arbeidsvoorwaarden'], alternative: 'loon en afspraken (zoals reiskosten en vrije dagen)' },
  { term: 'cao-conform', variants: ['conform cao', 'conform de cao'], alternative: 'volgens de cao' },
  { term: 'inschaling', variants: ['ingeschaald'], alternative: 'in welke loongroep je komt' },
  { term: 'salarisindicatie', alternative: 'loon' },
  { term: 'functie-eisen', variants: ['functieeisen'], alternative: 'wat we vragen' },
  { term: 'functieomschrijving', alternative: 'wat je doet' },
  { term: 'werkzaamheden', alternative: 'taken; wat je doet' },
  { term: 'verantwoordelijkheden', alternative: 'wat je regelt' },
  { term: 'resultaatgericht', variants: ['resultaatgerichte'], alternative: 'je maakt af waar je aan begint' },
  { term: 'klantgericht', variants: ['klantgerichte', 'klantgerichtheid'], alternative: 'je helpt klanten graag' },
  { term: 'communicatief vaardig', variants: ['communicatieve vaardigheden'], alternative: 'je praat makkelijk met mensen' },
  { term: 'teamplayer', variants: ['teamspeler'], alternative: 'je werkt graag samen' },
  { term: 'hands-on', variants: ['hands on'], alternative: 'je pakt dingen zelf aan' },
  { term: 'multitasken', variants: ['multitasking'], alternative: 'meer dingen tegelijk doen' },
  { term: 'representatief', variants: ['representatieve'], alternative: 'netjes' },
  { term: 'accuraat', variants: ['accurate'], alternative: 'precies' },
  { term: 'analytisch vermogen', variants: ['analytisch', 'analytische'], alternative: 'je denkt goed na over problemen' },
  { term: 'digitaal vaardig', variants: ['digitale vaardigheden'], alternative: 'je kunt met een computer werken' },
  { term: 'onboarding', alternative: 'inwerken' },
  { term: 'stakeholders', variants: ['stakeholder'], alternative: 'mensen met wie je samenwerkt' },
  { term: 'acquisitie', alternative: 'nieuwe klanten zoeken' },
  { term: 'kandidaat', variants: ['kandidaten'], alternative: 'jij' },
  { term: 'sollicitant', variants: ['sollicitanten'], alternative: 'jij' },
  { term: 'een pré', variants: ['is een pre', 'strekt tot aanbeveling'], alternative: 'handig, maar niet nodig' },
  // Benefits and support
  { term: 'arbeidsongeschikt', variants: ['arbeidsongeschiktheid', 'arbeidsongeschikte'], alternative: '(nog) niet alle uren kunnen werken' },
  { term: 'arbeidsvermogen', alternative: 'wat je kunt werken' },
  { term: 'passende arbeid', alternative: 'werk dat bij je past' },
  { term: 'duurzame inzetbaarheid', alternative: 'gezond blijven werken' },
  { term: 'traject', variants: ['trajecten'], alternative: 'begeleiding' },
  { term: 'casemanager', variants: ['casemanagers'], alternative: 'je vaste contactpersoon' },
  { term: 'intake', variants: ['intakegesprek'], alternative: 'eerste gesprek' },
  { term: 'assessment', alternative: 'test' },
  { term: 'participatie', alternative: 'meedoen' },
  { term: 'uitstroom', alternative: 'aan het werk gaan' },
  { term: 'doelgroep', variants: ['doelgroepen'], alternative: 'mensen' },
  { term: 'arbeidsmarkt', alternative: 'werk; banen' },
  // Officialese
  { term: 'in het bezit van', alternative: 'je hebt' },
  { term: 'woonachtig', alternative: 'je woont' },
  { term: 'ten behoeve van', alternative: 'voor' },
  { term: 'middels', alternative: 'met' },
  { term: 'teneinde', alternative: 'om' },
  { term: 'omtrent', alternative: 'over' },
  { term: 'tevens', alternative: 'ook' },
  { term: 'derhalve', alternative: 'daarom' },
  { term: 'dient te', variants: ['dienen te'], alternative: 'moet' },
  { term: 'ten aanzien van', alternative: 'over' },
  { term: 'in het kader van', alternative: 'bij; voor' },
  { term: 'reeds', alternative: 'al' },
  { term: 'indien', alternative: 'als' },
  { term: 'alsmede', alternative: 'en' },
  { term: 'zorgdragen voor', variants: ['zorg dragen voor'], alternative: 'zorgen voor' },
  { term: 'aanvangen', variants: ['aanvang'], alternative: 'beginnen; begin' },
];

/**
 * Common long words that readers know well; they do not count as long. The word the book asks for
 * ("mogelijkheden") must never be flagged.
 */
const COMMON_LONG_WORDS = new Set([
  'mogelijkheden',
  'mogelijkheid',
  'ervaringsdeskundige',
  'ervaringsdeskundigen',
  'organisatie',
  'organisaties',
  'informatie',
  'administratie',
  'administratief',
  'administratieve',
  'communicatie',
  'ondersteuning',
  'begeleiding',
  'huisartsenpost',
  'samenwerking',
  'medewerkers',
  'vrijwilligerswerk',
  'werkervaring',
  'kwetsbaarheid',
  'zelfvertrouwen',
  'enthousiasme',
  'verantwoordelijk',
  'regelmatig',
  'gemeentehuis',
  'energie',
]);

// Normalising: lower case, no diacritics, hyphens inside words dropped ("re-integratie" = "reintegratie"),
// other punctuation becomes a space.
export function normalise(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/(?<=[a-z0-9])[-‐‑–](?=[a-z0-9])/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

interface CompiledEntry {
  readonly entry: JargonEntry;
  readonly pattern: RegExp;
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function compile(entry: JargonEntry): CompiledEntry {
  const forms = [entry.term, ...(entry.variants ?? [])].map((form) => {
    const open = form.endsWith('*');
    const body = escapeRegExp(normalise(open ? form.slice(0, -1) : form));
    return open ? `${body}[a-z0-9]*` : body;
  });
  return { entry, pattern: new RegExp(`(?:^| )(?:${forms.join('|')})(?= |$)`) };
}

const COMPILED: readonly CompiledEntry[] = JARGON.map(compile);

export interface JargonHit {
  readonly term: string;
  readonly alternative: string;
}

export interface LongSentence {
  /** The sentence's first words, to find it back. */
  readonly excerpt: string;
  readonly words: number;
}

export interface Readability {
  readonly sentences: number;
  readonly words: number;
  /** Average words per sentence, one decimal. */
  readonly averageSentenceLength: number;
  /** Percentage of long words (see isLongWord), whole number. */
  readonly longWordPercentage: number;
  /** Flesch-Douma reading ease (higher is easier; 60-70 is about B1), whole number; null without words. */
  readonly fleschDouma: number | null;
}

export interface PlainLanguageReport {
  readonly jargon: readonly JargonHit[];
  readonly longSentences: readonly LongSentence[];
  readonly longWords: readonly string[];
  readonly readability: Readability;
}

/** Sentences: split at . ! ? followed by a space or the end, and at line breaks (lists count as sentences). */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?…])\s+|\r?\n+/)
    .map((s) => s.trim())
    .filter((s) => wordsOf(s).length > 0);
}

/** Words: runs of letters and digits, hyphenated compounds kept together. */
export function wordsOf(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu) ?? [];
}

/** Syllables, approximately: groups of vowels; a vowel with a diaeresis starts a new syllable (geïnteresseerd). */
export function syllables(word: string): number {
  const groups = word.toLowerCase().match(/[ëïöüä]|[aeiouyáàâéèêíìîóòôúùû]+/g);
  return Math.max(1, groups?.length ?? 0);
}

function isLongPart(part: string): boolean {
  if (!/\p{L}/u.test(part)) return false;
  const letters = part.replace(/[^\p{L}]/gu, '');
  return letters.length > LONG_WORD_LETTERS || syllables(letters) > LONG_WORD_SYLLABLES;
}

/** A word is long with more than 15 letters or more than 4 syllables, unless it is a common word everybody knows. */
export function isLongWord(word: string): boolean {
  if (COMMON_LONG_WORDS.has(word.toLowerCase())) return false;
  // A hyphenated compound reads as its parts.
  return word.split(/[-'’]/).some((part) => !COMMON_LONG_WORDS.has(part.toLowerCase()) && isLongPart(part));
}

function excerpt(sentence: string, words = 8): string {
  const all = wordsOf(sentence);
  if (all.length <= words) return sentence;
  const parts = sentence.split(/\s+/);
  return `${parts.slice(0, words).join(' ')} …`;
}

/** Checks one text. The same word or phrase is reported once. */
export function checkPlainLanguage(text: string): PlainLanguageReport {
  const normalised = normalise(text);
  const jargon: JargonHit[] = [];
  for (const { entry, pattern } of COMPILED) {
    if (pattern.test(normalised)) jargon.push({ term: entry.term, alternative: entry.alternative });
  }
  const all = sentences(text);
  const longSentences = all
    .map((s) => ({ sentence: s, words: wordsOf(s).length }))
    .filter((s) => s.words > LONG_SENTENCE_WORDS)
    .map((s) => ({ excerpt: excerpt(s.sentence), words: s.words }));
  const words = wordsOf(text);
  const seen = new Set<string>();
  const longWords: string[] = [];
  let longCount = 0;
  let syllableCount = 0;
  for (const word of words) {
    syllableCount += syllables(word.replace(/[^\p{L}]/gu, '') || word);
    if (!isLongWord(word)) continue;
    longCount += 1;
    const key = word.toLowerCase();
    if (!seen.has(key)) {
      seen.add(key);
      longWords.push(word);
    }
  }
  const sentenceCount = Math.max(all.length, words.length > 0 ? 1 : 0);
  const average = sentenceCount > 0 ? words.length / sentenceCount : 0;
  return {
    jargon,
    longSentences,
    longWords,
    readability: {
      sentences: sentenceCount,
      words: words.length,
      averageSentenceLength: Math.round(average * 10) / 10,
      longWordPercentage: words.length > 0 ? Math.round((longCount / words.length) * 100) : 0,
      fleschDouma: words.length > 0 ? Math.round(206.835 - 0.93 * average - 77 * (syllableCount / words.length)) : null,
    },
  };
}

export function hasWarnings(report: PlainLanguageReport): boolean {
  return report.jargon.length > 0 || report.longSentences.length > 0 || report.longWords.length > 0;
}

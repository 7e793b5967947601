// Does a question read like someone is in crisis right now? Then the question form first shows, calmly,
// where to get help at once (113, huisarts, 112) before the question is sent on.
//
// This is a heuristic for Dutch text, not a diagnosis, and it never blocks anything: the person can always
// send the question anyway. It errs on the side of showing the help once too often.
// Known limits:
// - Negation is not understood: "ik denk niet aan zelfdoding" is still flagged.
// - Only Dutch phrases (plus "suicide"); spelling mistakes beyond the common variants are missed.
// - Indirect wording ("ik ben er klaar mee", "iedereen is beter af zonder mij") is only partly caught.
// - "ik kan niet meer" counts only on its own ("ik kan niet meer.", "ik kan echt niet meer, ...") or in
//   strong forms ("ik kan het niet meer aan", "ik kan niet meer verder"); followed by an ordinary verb or
//   object ("ik kan niet meer werken door de reorganisatie") it does not.
// - A bare "crisis" does not count ("crisis op de arbeidsmarkt"); "ik zit in een crisis" does.
// - Compounds with "preventie" ("suïcidepreventie op de werkvloer") are a topic, not a signal.

/** Lower case, one kind of apostrophe, no accents (suïcide → suicide), single spaces. */
function normalise(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/[ \t\u00a0]+/g, ' ');
}

const SELF = String.raw`(?:mezelf|mijzelf|me zelf|mij zelf|mezelve)`;
// Where a clause ends: punctuation, a line break or the end of the text.
const CLAUSE_END = String.raw`(?=\s*(?:[.!?,;:…)\n]|$))`;
// Words that make "ik kan niet meer" stronger without changing its meaning.
const INTENSIFIERS = String.raw`(?:(?:echt|gewoon|helemaal|totaal|echt helemaal|bijna|haast|zo|nu|gewoon echt)\s+)?`;

const PATTERNS: readonly RegExp[] = [
  // Suicide, named directly (not as a topic: "...preventie").
  /(?<!\p{L})(?:zelfmoord|zelfdoding|suicide|suicidaal|suicidale)(?!\s?-?\s?\p{L}*preventie)/u,
  /(?<!\p{L})113(?:\s|-)?(?:bellen|gebeld)/u,
  /\b(?:een )?eind(?:e)? (?:aan|maken aan) (?:mijn|m'n|me|het) leven/u,
  /\bmijn leven (?:beeindigen|stoppen|niet meer)/u,
  /\buit het leven (?:stappen|gaan|te stappen)/u,
  /\b(?:ik )?wil (?:ik )?(?:echt |gewoon |liever |soms |het liefst )*dood\b/u,
  /\bdood (?:willen|wil) (?:gaan|zijn)\b/u,
  /\b(?:wil|wilde|willen) (?:echt |gewoon )?niet meer (?:leven|verder leven|bestaan|wakker worden)/u,
  /\b(?:wil|wilde) er (?:echt |gewoon )?niet meer zijn\b/u,
  /\bniet meer (?:willen )?leven\b/u,
  /\bzie het leven niet meer zitten\b/u,
  /\bzie het (?:echt |helemaal |totaal |gewoon )+niet meer zitten\b/u,
  /\biedereen (?:is|zou) beter af (?:zijn )?zonder mij\b/u,
  new RegExp(String.raw`\b${SELF} (?:van kant (?:maken|te maken)|dood (?:maken|te maken)|om (?:het leven )?(?:brengen|te brengen)|iets (?:aan ?doen|aan te doen)|ophangen|op te hangen)`, 'u'),
  /\b(?:pillen|medicijnen|tabletten) (?:innemen|slikken|in te nemen|te slikken) om\b/u,
  /\boverdosis\b/u,
  // Self-harm.
  /\b(?:zelfbeschadiging|automutilatie)\b/u,
  new RegExp(String.raw`\b(?:ik )?(?:snijd|snij|beschadig|verwond|brand) ${SELF}\b`, 'u'),
  new RegExp(String.raw`\b${SELF} (?:snijden|pijn doen|pijn te doen|beschadigen|verwonden)\b`, 'u'),
  // Acute danger.
  /\b(?:acuut|direct) (?:in )?gevaar\b/u,
  /\bik ben (?:nu |echt )?in gevaar\b/u,
  /\blevensgevaar\b/u,
  /\bik (?:word|werd) (?:thuis )?(?:geslagen|mishandeld|bedreigd)\b/u,
  /\b(?:hij|zij|ze|mijn (?:man|vrouw|partner|vriend|vriendin|ex)) (?:slaat|bedreigt|mishandelt) (?:me|mij)\b/u,
  /\b(?:bedreigd|bedreigt (?:me|mij)) met de dood\b/u,
  /\bik voel me (?:thuis )?niet (?:meer )?veilig\b/u,
  /\bik (?:zit|ben) (?:nu |echt )?in (?:een )?(?:acute |zware )?crisis\b/u,
  /\bcrisisdienst\b/u,
  // "Ik kan niet meer" in its strong forms.
  new RegExp(String.raw`\bik kan ${INTENSIFIERS}niet meer${CLAUSE_END}`, 'u'),
  new RegExp(String.raw`\bik kan ${INTENSIFIERS}niet meer (?:verder|door)(?: zo)?${CLAUSE_END}`, 'u'),
  /\bik kan (?:het|dit|dit leven|het leven) (?:allemaal |echt |gewoon )?niet meer aan\b/u,
  /\bik trek het (?:echt |gewoon |allemaal )?niet meer\b/u,
  /\bik hou(?:d)? het (?:echt |gewoon )?niet meer vol\b(?! (?:op|in|bij|met) )/u,
];

/** True when a text reads like the writer may be in crisis now (suicide, self-harm, acute danger, strong despair). */
export function looksLikeCrisis(text: string): boolean {
  const normalised = normalise(text);
  return PATTERNS.some((pattern) => pattern.test(normalised));
}

// The Dutch stemming algorithm of the Snowball project (snowballstem.org/algorithms/dutch),
// written from its published description. Input is lower case with diacritics already folded.

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y', 'è']);
const isVowel = (c: string | undefined): boolean => c !== undefined && VOWELS.has(c);

/** Start of the region after the first non-vowel that follows a vowel at or after `from`. */
function regionStart(word: string, from: number): number {
  for (let i = from + 1; i < word.length; i++) {
    if (!isVowel(word[i]) && isVowel(word[i - 1])) return i + 1;
  }
  return word.length;
}

function undoubleEnding(word: string): string {
  return /(kk|dd|tt)$/.test(word) ? word.slice(0, -1) : word;
}

const validSEnding = (c: string | undefined): boolean => c !== undefined && !isVowel(c) && c !== 'j';

export function stemDutch(input: string): string {
  if (input.length < 3) return input;
  // Prelude: mark y and i that act as consonants.
  let word = '';
  for (let i = 0; i < input.length; i++) {
    const c = input[i]!;
    const before = i > 0 ? input[i - 1] : undefined;
    if (c === 'y' && (i === 0 || isVowel(before))) word += 'Y';
    else if (c === 'i' && isVowel(before) && isVowel(input[i + 1])) word += 'I';
    else word += c;
  }

  const r1 = regionStart(word, 0);
  const p1 = Math.max(3, r1);
  const r2 = regionStart(word, r1);
  const inR1 = (suffixLength: number): boolean => word.length - suffixLength >= p1;
  const inR2 = (suffixLength: number): boolean => word.length - suffixLength >= r2;
  const validEnEnding = (w: string, suffixLength: number): boolean => {
    const stem = w.slice(0, w.length - suffixLength);
    const last = stem[stem.length - 1];
    return last !== undefined && !isVowel(last) && !stem.endsWith('gem');
  };

  // Step 1
  if (word.endsWith('heden')) {
    if (inR1(5)) word = `${word.slice(0, -5)}heid`;
  } else if (word.endsWith('ene') || word.endsWith('en')) {
    const n = word.endsWith('ene') ? 3 : 2;
    if (inR1(n) && validEnEnding(word, n)) word = undoubleEnding(word.slice(0, -n));
  } else if (word.endsWith('se') || word.endsWith('s')) {
    const n = word.endsWith('se') ? 2 : 1;
    if (inR1(n) && validSEnding(word[word.length - n - 1])) word = word.slice(0, -n);
  }

  // Step 2
  let eFound = false;
  const step2 = (): void => {
    if (word.endsWith('e') && inR1(1) && !isVowel(word[word.length - 2])) {
      word = undoubleEnding(word.slice(0, -1));
      eFound = true;
    }
  };
  step2();

  // Step 3a
  if (word.endsWith('heid') && inR2(4) && word[word.length - 5] !== 'c') {
    word = word.slice(0, -4);
    if (word.endsWith('en') && inR1(2) && validEnEnding(word, 2)) word = undoubleEnding(word.slice(0, -2));
  }

  // Step 3b
  if (word.endsWith('end') || word.endsWith('ing')) {
    if (inR2(3)) {
      word = word.slice(0, -3);
      if (word.endsWith('ig') && inR2(2) && word[word.length - 3] !== 'e') word = word.slice(0, -2);
      else word = undoubleEnding(word);
    }
  } else if (word.endsWith('ig')) {
    if (inR2(2) && word[word.length - 3] !== 'e') word = word.slice(0, -2);
  } else if (word.endsWith('lijk')) {
    if (inR2(4)) {
      word = word.slice(0, -4);
      step2();
    }
  } else if (word.endsWith('baar')) {
    if (inR2(4)) word = word.slice(0, -4);
  } else if (word.endsWith('bar')) {
    if (inR2(3) && eFound) word = word.slice(0, -3);
  }

  // Step 4: undouble a vowel in a final consonant-vowel-vowel-consonant group (maan -> man).
  const m = /([^aeiouyè])(aa|ee|oo|uu)([^aeiouyèI])$/.exec(word);
  if (m) word = word.slice(0, -2) + word.slice(-1);

  return word.replace(/Y/g, 'y').replace(/I/g, 'i');
}

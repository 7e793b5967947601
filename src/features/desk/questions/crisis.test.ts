import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { looksLikeCrisis } from './crisis.js';

describe('looksLikeCrisis', () => {
  const crisis = [
    'Ik denk de laatste tijd veel aan zelfmoord.',
    'Ik heb gedachten over zelfdoding en weet niet waar ik heen moet.',
    'Sinds het ontslag ben ik suïcidaal.',
    'Ik wil een einde aan mijn leven maken.',
    'Soms wil ik gewoon dood.',
    'Ik wil niet meer leven zo.',
    'Ik wil er niet meer zijn.',
    'Ik zie het leven niet meer zitten',
    'Ik zie het echt niet meer zitten, niemand helpt me.',
    'Ik heb zin om mezelf iets aan te doen.',
    'Ik snijd mezelf als het te veel wordt.',
    'Ik doe aan zelfbeschadiging.',
    'Ik wil pillen slikken om ervan af te zijn.',
    'Ik word thuis geslagen en durf niet naar huis.',
    'Mijn partner bedreigt me met de dood.',
    'Ik ben nu in gevaar.',
    'Ik kan niet meer.',
    'ik kan echt niet meer',
    'Ik kan niet meer, ik ben helemaal op.',
    'Ik kan het niet meer aan.',
    'Ik kan niet meer verder zo.',
    'Ik trek het echt niet meer.',
    'Iedereen is beter af zonder mij.',
    'Ik zit in een crisis en weet niet wat ik moet doen.',
    'Ik denk aan zelfmoord', // curly apostrophes and odd spacing below
    'Ik wil m’n leven beëindigen? Nee: een eind aan m’n leven.',
  ];
  for (const text of crisis) {
    test(`ziet crisis in: ${text}`, () => assert.equal(looksLikeCrisis(text), true));
  }

  const ordinary = [
    'Door de crisis op de arbeidsmarkt vind ik geen werk. Wat kan ik doen?',
    'Ik kan niet meer werken door de reorganisatie. Heb ik recht op een uitkering?',
    'Ik kan niet meer fulltime werken sinds mijn burn-out. Kan ik minder uren gaan werken?',
    'Ik kan niet meer naar mijn oude functie terug. Wat zijn mijn mogelijkheden?',
    'Hoe werkt suïcidepreventie op de werkvloer? Ik ben leidinggevende.',
    'Mijn werkgever wil dat ik zelfmoordpreventie-training volg, moet dat?',
    'Ik houd het niet meer vol op mijn werk met al die drukte, kan een jobcoach helpen?',
    'Wat is het verschil tussen de WIA en de Wajong?',
    'Ik wil graag weer aan het werk, maar ben bang dat mijn werkgever het niet begrijpt.',
    'De reorganisatie voelt als een crisis voor het hele team.',
    'Ik ben bang dat ik mijn baan verlies, kan ik daar met iemand over praten?',
    'Ik wil niet meer terug naar die werkgever.',
  ];
  for (const text of ordinary) {
    test(`geen vals alarm bij: ${text}`, () => assert.equal(looksLikeCrisis(text), false));
  }
});

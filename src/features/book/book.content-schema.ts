import { z } from 'zod';

/**
 * The shape of the knowledge-base content pack in content/. Every file is JSON, checked by these
 * schemas at startup and by `npm run content:check`.
 *
 * Bodies ("body", "intro", "text" …) use a small text format:
 * - blocks are separated by an empty line;
 * - "## " and "### " start a heading; lines starting with "- " form a list, "1. " a numbered list,
 *   "> " a quote, "| a | b |" a table (first row is the header);
 * - other blocks are paragraphs; a single line break inside a paragraph is kept (verse, addresses);
 * - inline: **bold**, *italic*, [label](ref) where ref is an https:// address or an internal
 *   reference "type:key": hoofdstuk:2, paragraaf:2.6, verhaal:3, droom:7, instructie:1.1,
 *   vragenlijst:interview, bron:12, beroep:<slug>, casus:2, aanbeveling:17, document:<slug>,
 *   pagina:<slug> (good practices, leermomenten, werkproces-in-keten, vocabulaire, feedbackregels,
 *   routekaart, routekaart-acties, werkwijze, stappenplan, verantwoording).
 * Plain mentions such as "Droom 3", "Verhaal 7" and "Werkboek Instructie 1.2" become links by
 * themselves; use [label](ref) where the text names something in another way.
 */

/** Where an item comes from: the source document's file name and the section within it. */
export const provenanceSchema = z.strictObject({
  document: z.enum([
    '000_a4e73e7aa678ec45.txt',
    '001_495e3df131850e1c.txt',
    '002_cccd235afb538119.txt',
    '003_9dfdb0fb158a87ba.txt',
    '004_374b4e83ced6813a.txt',
  ]),
  section: z.string().min(1),
});
export type Provenance = z.infer<typeof provenanceSchema>;

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'slug: kleine letters, cijfers en streepjes');
const text = z.string().min(1);
const sectionNumber = z.string().regex(/^\d{1,2}\.\d{1,2}(?:\.\d{1,2})?$/);

export const sectionSchema = z.strictObject({
  number: sectionNumber,
  title: text,
  body: text,
  provenance: provenanceSchema,
});

/** content/boek/hoofdstukken.json */
export const chaptersFileSchema = z.strictObject({
  /** The reading guide ("Leeswijzer") that opens the book, as a body. */
  readingGuide: z.strictObject({ body: text, provenance: provenanceSchema }),
  /** Colophon: version, date, initiators, project team, subsidy, design. */
  colophon: z.strictObject({ body: text, provenance: provenanceSchema }),
  parts: z.array(z.strictObject({ number: z.number().int(), title: text, chapters: z.array(z.number().int()) })),
  chapters: z.array(
    z.strictObject({
      number: z.number().int().min(1).max(12),
      slug,
      title: text,
      /** Text before the first numbered section, if any. */
      intro: text.optional(),
      sections: z.array(sectionSchema).min(1),
      provenance: provenanceSchema,
    }),
  ),
});

/** content/boek/verhalen.json */
export const storiesFileSchema = z.strictObject({
  stories: z.array(
    z.strictObject({
      number: z.number().int().min(1),
      slug,
      /** The person's or company's name as the book heads the story ("Jamy", "Ferro-Fix"). */
      name: text,
      kind: z.enum(['persoon', 'werkgever']),
      region: text,
      title: text,
      /** The quote the book sets apart with the story. */
      quote: text,
      body: text,
      provenance: provenanceSchema,
    }),
  ),
});

const domain = z.enum(['Zorg', 'Werk', 'Algemeen', 'Zorg en Werk']);

/** content/boek/dromen.json */
export const dreamsFileSchema = z.strictObject({
  dreams: z.array(
    z.strictObject({
      number: z.number().int().min(1),
      slug,
      title: text,
      region: text,
      /** As the book heads the dream in chapter 5.2 ("Droom 4: … (Werk)"); null where it names none (dream 7). */
      domain: domain.nullable(),
      /** The short description of chapter 3.2. */
      summary: text,
      /** The dream's full text from the appendix ("Droom N vervolg" joined in). */
      body: text,
      /** Milestones from chapter 4.2 with their timeframe, and the actions per milestone from chapter 5.2. */
      milestones: z.array(
        z.strictObject({
          title: text,
          /** As the book gives it: "2015", "2016", "1 jaar", "5 jaar", "doorlopend", … */
          timeframe: text,
          actions: z.array(text),
        }),
      ),
      /** The "STATEMENT" quotes of chapters 7 and 8 ("as if the dream were already achieved"). */
      statements: z.array(text),
      provenance: provenanceSchema,
    }),
  ),
});

const question = z.strictObject({
  /** Stable within the instruction: "1", "2", "2a", "samenvatting". */
  key: z.string().regex(/^[a-z0-9-]+$/),
  text,
  /** Extra explanation the book gives with the question. */
  hint: text.optional(),
});

/** content/boek/werkboek.json */
export const workbookFileSchema = z.strictObject({
  /** The three ways of using the instructions: alone, with a person, with other professionals. */
  modes: z.array(z.strictObject({ key: z.enum(['alleen', 'met-een-mens', 'met-professionals']), title: text, body: text })).length(3),
  intro: z.strictObject({ body: text, provenance: provenanceSchema }),
  instructions: z.array(
    z.strictObject({
      /** "1.1" … "9.2"; whole-step instructions without sub-numbers use "2", "3", "4". */
      number: z.string().regex(/^\d(?:\.\d)?$/),
      slug,
      title: text,
      part: z.enum(['zelf', 'samen']),
      /** MMM step or collaboration step: Verdiepen, Verbeelden, …, Stimulerende context. */
      step: text,
      /** The chapter that explains this instruction. */
      chapter: z.number().int(),
      intro: text.optional(),
      questions: z.array(question).min(1),
      outro: text.optional(),
      provenance: provenanceSchema,
    }),
  ),
  questionnaire: z.strictObject({
    slug,
    title: text,
    intro: text.optional(),
    groups: z.array(z.strictObject({ title: text, questions: z.array(question).min(1) })).min(1),
    provenance: provenanceSchema,
  }),
});

/** content/boek/bronnen.json */
export const sourcesFileSchema = z.strictObject({
  sources: z.array(
    z.strictObject({
      number: z.number().int().min(1),
      reference: text,
      /** A link only where the book gives a real address. */
      url: z.url().optional(),
      provenance: provenanceSchema,
    }),
  ),
});

/** content/boek/praktijk.json: good practices, learning moments, evidence summaries. */
export const practiceFileSchema = z.strictObject({
  goodPractices: z.array(
    z.strictObject({ slug, region: text, title: text, body: text, provenance: provenanceSchema }),
  ),
  learningMoments: z.array(
    z.strictObject({ domain: z.enum(['Zorg', 'Werk(plek)', 'Individu']), items: z.array(text).min(1), provenance: provenanceSchema }),
  ),
});

/** content/beroepenindex.json (the accounts feature reads slug, name, association and order). */
export const professionIndexFileSchema = z.strictObject({
  provenance: z.strictObject({
    document: provenanceSchema.shape.document,
    title: text,
    section: text,
    publisher: text,
    note: text,
  }),
  professions: z.array(
    z.strictObject({
      slug,
      name: text,
      association: text.nullable(),
      order: z.number().int(),
      /** As the book states it ("2700 leden", "+/- 300 leden"); null where not given. */
      members: text.nullable(),
      /** The motto/picture caption the book shows with the profession; null where none. */
      image: z.strictObject({ caption: text }).nullable(),
      description: text,
      goal: text.nullable(),
      requirements: text.nullable(),
    }),
  ),
  associations: z.array(z.strictObject({ name: text, abbreviation: text.nullable() })),
  knowledgeInstitutes: z.array(z.strictObject({ name: text, abbreviation: text.nullable() })),
  associationsProvenance: provenanceSchema,
});

/** A Routekaart part: its introduction and its tables of text cells. */
const roadmapPartSchema = z.strictObject({
  intro: text,
  tables: z.array(
    z.strictObject({
      title: text,
      columns: z.array(text).min(2),
      rows: z.array(z.array(z.string())).min(1),
    }),
  ),
  provenance: provenanceSchema,
});

/** content/boek/tabellen.json: the book's reference tables. */
export const tablesFileSchema = z.strictObject({
  chainOfWork: z.strictObject({
    intro: text,
    phases: z
      .array(
        z.strictObject({
          key: slug,
          title: text,
          ageRange: text,
          person: text,
          peopleInvolved: z.array(text),
          guidanceNeeded: text,
          goalAndVision: text,
          /** Profession slugs from the beroepenindex where the book names one, otherwise the book's word. */
          professionals: z.array(z.strictObject({ name: text, profession: slug.nullable() })),
        }),
      )
      .length(6),
    provenance: provenanceSchema,
  }),
  vocabulary: z.strictObject({
    intro: text,
    entries: z.array(z.strictObject({ usual: text, appreciative: text })).min(5),
    provenance: provenanceSchema,
  }),
  feedbackRules: z.strictObject({
    intro: text.optional(),
    giving: z.array(text).min(1),
    receiving: z.array(text),
    provenance: provenanceSchema,
  }),
  /** Chapter 4.3: the Routekaart 2024 milestone tables. */
  roadmapMilestones: roadmapPartSchema,
  /** Chapter 5.3: the Routekaart acties tables, per phase and domain. */
  roadmapActions: roadmapPartSchema,
});

/** The four addressees of a recommendation, in the report's order (Zeeland report, ch. 8). */
export const ADDRESSEES = ['persoon', 'omgeving', 'uitvoeringsinstantie', 'overkoepelend'] as const;

/** The persona fields of the report's case descriptions, in its order. */
export const PERSONA_FIELDS = [
  'age',
  'gender',
  'nationality',
  'livingSituation',
  'income',
  'diagnosis',
  'workHistory',
  'distanceToLabourMarket',
  'organisations',
  'treatment',
  'particulars',
] as const;

const addressee = z.enum(ADDRESSEES);

/** content/zeeland/rapport.json: the report of the Zeeland expert team (seed 004). */
export const zeelandFileSchema = z.strictObject({
  title: text,
  /** Publisher, date and authors as the report names them. */
  about: text,
  /** Introduction, background, the expert team's working method, conclusions, the closing wish. */
  sections: z.array(z.strictObject({ slug, title: text, body: text, provenance: provenanceSchema })).min(3),
  cases: z
    .array(
      z.strictObject({
        number: z.number().int().min(1),
        slug,
        title: text,
        persona: z.strictObject(Object.fromEntries(PERSONA_FIELDS.map((field) => [field, text])) as Record<(typeof PERSONA_FIELDS)[number], typeof text>),
        question: text,
        /** Bottlenecks or core problems the team named, if the report gives them. */
        bottlenecks: z.array(text),
        recommendations: z
          .array(
            z.strictObject({
              addressee,
              text,
              /**
               * The number of the unique recommendation (chapter 8) this one went into. The report does
               * not say it; the link is ours, made by comparing the texts (see linkNotes).
               */
              unique: z.number().int().min(1).max(50),
            }),
          )
          .min(1),
        provenance: provenanceSchema,
      }),
    )
    .length(6),
  addressees: z.array(z.strictObject({ key: addressee, title: text })).length(4),
  recommendations: z
    .array(
      z.strictObject({
        number: z.number().int().min(1).max(50),
        addressee,
        text,
        /** The cases whose recommendations went into this one, ascending (from the cases' `unique`). */
        cases: z.array(z.number().int()).min(1),
        /** Where the link to the cases is a judgement call: which case wording, and why it is linked here. */
        linkNote: text.optional(),
        provenance: provenanceSchema,
      }),
    )
    .length(50),
  /** How the recommendations per case were linked to the fifty unique ones: the report does not show it. */
  linkNotes: text,
  /**
   * The top 10 as recommendation numbers, in the order the report lists them. It is a set, not a
   * ranking: the team took the ten highest average scores, changed some and approved the ten.
   */
  top10: z.strictObject({ intro: text, ranking: z.array(z.number().int()).length(10), provenance: provenanceSchema }),
  stepPlan: z.strictObject({
    title: text,
    intro: text.optional(),
    steps: z
      .array(z.strictObject({ number: z.number().int(), title: text, minutes: z.number().int().positive(), instruction: text }))
      .length(8),
    provenance: provenanceSchema,
  }),
}).superRefine((report, ctx) => {
  // Every recommendation of a case points at one of the fifty, and the fifty name exactly those cases.
  const numbers = new Set(report.recommendations.map((r) => r.number));
  const casesOf = new Map<number, Set<number>>();
  for (const c of report.cases) {
    c.recommendations.forEach((r, i) => {
      if (!numbers.has(r.unique)) ctx.addIssue({ code: 'custom', path: ['cases', report.cases.indexOf(c), 'recommendations', i, 'unique'], message: `aanbeveling ${r.unique} bestaat niet` });
      if (!casesOf.has(r.unique)) casesOf.set(r.unique, new Set());
      casesOf.get(r.unique)!.add(c.number);
    });
  }
  report.recommendations.forEach((r, i) => {
    const expected = [...(casesOf.get(r.number) ?? [])].sort((a, b) => a - b);
    if (expected.join(',') !== r.cases.join(',')) {
      ctx.addIssue({ code: 'custom', path: ['recommendations', i, 'cases'], message: `aanbeveling ${r.number}: de casussen moeten [${expected.join(', ')}] zijn, zoals de casussen naar haar verwijzen` });
    }
  });
});

/** content/documenten.json: the other source documents as items of their own, and the attribution. */
export const documentsFileSchema = z.strictObject({
  documents: z.array(
    z.strictObject({
      slug,
      title: text,
      /** Who it is for, in one sentence ("Voor mensen met een psychische kwetsbaarheid …"). */
      audience: text,
      body: text,
      provenance: provenanceSchema,
    }),
  ),
  attribution: z.array(
    z.strictObject({
      document: provenanceSchema.shape.document,
      title: text,
      publisher: text,
      date: text,
      note: text.optional(),
    }),
  ).length(5),
});

export const contentFiles = {
  'boek/hoofdstukken.json': chaptersFileSchema,
  'boek/verhalen.json': storiesFileSchema,
  'boek/dromen.json': dreamsFileSchema,
  'boek/werkboek.json': workbookFileSchema,
  'boek/bronnen.json': sourcesFileSchema,
  'boek/praktijk.json': practiceFileSchema,
  'boek/tabellen.json': tablesFileSchema,
  'beroepenindex.json': professionIndexFileSchema,
  'zeeland/rapport.json': zeelandFileSchema,
  'documenten.json': documentsFileSchema,
} as const;
export type ContentFileName = keyof typeof contentFiles;

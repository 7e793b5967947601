import { theBook, type Book, type Instruction } from '../book/book.service.js';

/** The four MMM steps, then the five collaboration steps of "Samen aan de slag" (chapters 7-11). */
export const MMM_STEPS = ['verdiepen', 'verbeelden', 'vormgeven', 'verwezenlijken'] as const;
export const COLLABORATION_STEPS = ['visie', 'doelen', 'rollen', 'communicatie', 'context'] as const;
export type MmmStep = (typeof MMM_STEPS)[number];
export type CollaborationStep = (typeof COLLABORATION_STEPS)[number];
export type StepSlug = MmmStep | CollaborationStep;

export function isStepSlug(value: string): value is StepSlug {
  return (MMM_STEPS as readonly string[]).includes(value) || (COLLABORATION_STEPS as readonly string[]).includes(value);
}

/** The statuses of the stimulating-context checklist (instr. 9.2), per item and organisation. */
export const CONTEXT_STATUSES = ['', 'nog-niet', 'deels', 'goed'] as const;
export type ContextStatus = (typeof CONTEXT_STATUSES)[number];

export interface StepField {
  /** The answer's key in the workspace, e.g. '1.1.3'. */
  readonly key: string;
  readonly label: string;
  readonly hint?: string;
  /** text: a few lines or a story; choice: one of options; multi: any of options, stored comma-separated. */
  readonly kind: 'text' | 'choice' | 'multi';
  readonly options?: readonly { readonly value: string; readonly label: string }[];
}

/** Something a section shows besides its questions, rendered by the step view. */
export type SectionExtra = 'adoptDream' | 'milestones' | 'actions' | 'roleCoverage' | 'feedbackRules' | 'contextChecklist';

export interface StepSection {
  readonly id: string;
  readonly title: string;
  /** The book's instruction this section follows, e.g. 'instructie:1.1'. */
  readonly instructionRef: string | null;
  readonly chapterRef: string | null;
  /** Plain-text explanation from the instruction. */
  readonly intro: string | null;
  readonly optional: boolean;
  readonly fields: readonly StepField[];
  readonly extra?: SectionExtra;
}

export interface WorkbookStep {
  readonly slug: StepSlug;
  readonly number: number;
  readonly part: 'zelf' | 'samen';
  readonly sections: readonly StepSection[];
}

export interface StepMember {
  readonly userId: string;
  readonly name: string;
}

function instruction(book: Book, number: string): Instruction {
  const found = book.pack.workbook.instructions.find((i) => i.number === number);
  if (!found) throw new Error(`Werkboekinstructie ${number} ontbreekt in de inhoud`);
  return found;
}

function questionFields(book: Book, number: string, only?: (key: string) => boolean): StepField[] {
  const ref = `instructie:${number}`;
  return instruction(book, number)
    .questions.filter((q) => !only || only(q.key))
    .map((q) => ({
      key: `${number}.${q.key}`,
      label: book.plainTextOf(ref, q.text),
      ...(q.hint ? { hint: book.plainTextOf(ref, q.hint) } : {}),
      kind: 'text' as const,
    }));
}

function instructionSection(book: Book, number: string, fields: StepField[], options: { extra?: SectionExtra; optional?: boolean; id?: string } = {}): StepSection {
  const found = instruction(book, number);
  const ref = `instructie:${number}`;
  return {
    id: options.id ?? `instructie-${number.replace('.', '-')}`,
    title: `Instructie ${number}: ${found.title}`,
    instructionRef: ref,
    chapterRef: `hoofdstuk:${found.chapter}`,
    intro: found.intro ? book.plainTextOf(ref, found.intro) : null,
    optional: options.optional ?? false,
    fields,
    ...(options.extra ? { extra: options.extra } : {}),
  };
}

/** A slug for an organisation name typed in the 9.2 checklist, stable as long as the name is. */
export function organisationKey(name: string): string {
  const slug = name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
  return slug || 'organisatie';
}

/** The organisations the 9.2 checklist is about: one per line, each name once. */
export function contextOrganisations(text: string): { key: string; name: string }[] {
  const seen = new Set<string>();
  const out: { key: string; name: string }[] = [];
  for (const line of text.split(/\r?\n/)) {
    const name = line.trim().slice(0, 120);
    if (!name) continue;
    const key = organisationKey(name);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ key, name });
    if (out.length >= 12) break;
  }
  return out;
}

const CONTEXT_STATUS_LABELS: Record<ContextStatus, string> = { '': 'Nog niet bekeken', 'nog-niet': 'Nog niet geregeld', deels: 'Deels geregeld', goed: 'Goed geregeld' };

export interface StepInput {
  readonly members: readonly StepMember[];
  /** The organisations line of 9.2 as stored, to build its checklist. */
  readonly organisationsText: string;
}

/** Builds a step's sections; fields per member and per organisation depend on the workspace. */
export function workbookStep(slug: StepSlug, input: StepInput, book: Book = theBook()): WorkbookStep {
  const q = book.pack.workbook.questionnaire;
  switch (slug) {
    case 'verdiepen': {
      const interviewQuestions = q.groups.find((g) => g.title === 'Vragen')?.questions ?? [];
      return {
        slug,
        number: 1,
        part: 'zelf',
        sections: [
          instructionSection(book, '1.1', questionFields(book, '1.1')),
          {
            id: 'interview',
            title: q.title,
            instructionRef: 'vragenlijst:interview',
            chapterRef: 'hoofdstuk:2',
            intro: 'Heb je een ervaringsdeskundige geïnterviewd? Schrijf hier je aantekeningen bij de vragen. Dit deel is niet verplicht.',
            optional: true,
            fields: interviewQuestions.map((question) => ({ key: `interview.${question.key}`, label: book.plainTextOf('vragenlijst:interview', question.text), kind: 'text' as const })),
          },
          instructionSection(book, '1.2', [
            ...questionFields(book, '1.2'),
            {
              key: ATTACHED_STORIES_KEY,
              label: 'Welke verhalen uit het boek inspireren je?',
              hint: 'Kies de verhalen die je wilt bewaren bij dit werkboek. Ze staan dan op je overzicht.',
              kind: 'multi',
              options: book.pack.stories.map((story) => ({ value: String(story.number), label: `Verhaal ${story.number}: ${story.title}` })),
            },
          ]),
          instructionSection(book, '1.3', questionFields(book, '1.3')),
        ],
      };
    }
    case 'verbeelden':
      return {
        slug,
        number: 2,
        part: 'zelf',
        sections: [
          instructionSection(book, '2', [
            { key: '2.verhaal', label: 'Jouw droom als verhaal', hint: 'Schrijf je droom op alsof je hem al beleeft. Wat zie je, wat doe je, met wie?', kind: 'text' },
            ...questionFields(book, '2'),
          ]),
          { id: 'droom-kiezen', title: 'Of kies een droom uit het boek', instructionRef: null, chapterRef: 'hoofdstuk:3', intro: null, optional: true, fields: [], extra: 'adoptDream' },
        ],
      };
    case 'vormgeven':
      return { slug, number: 3, part: 'zelf', sections: [instructionSection(book, '3', questionFields(book, '3'), { extra: 'milestones' })] };
    case 'verwezenlijken':
      return { slug, number: 4, part: 'zelf', sections: [instructionSection(book, '4', questionFields(book, '4'), { extra: 'actions' })] };
    case 'visie':
      return { slug, number: 1, part: 'samen', sections: [instructionSection(book, '5.2', questionFields(book, '5.2'))] };
    case 'doelen':
      return {
        slug,
        number: 2,
        part: 'samen',
        sections: [
          instructionSection(book, '6.2', questionFields(book, '6.2', (key) => key !== '5')),
          {
            ...instructionSection(book, '6.2', [], { id: 'toezeggingen' }),
            title: 'Ieders commitment',
            intro: book.plainTextOf('instructie:6.2', instruction(book, '6.2').questions.find((x) => x.key === '5')?.text ?? ''),
            fields: input.members.map((m) => ({ key: `6.2.toezegging.${m.userId}`, label: `Commitment van ${m.name}`, kind: 'text' as const })),
          },
        ],
      };
    case 'rollen':
      return {
        slug,
        number: 3,
        part: 'samen',
        sections: [
          {
            ...instructionSection(book, '7.2', [], { id: 'rollen-per-lid', extra: 'roleCoverage' }),
            title: 'Rollen en kwaliteiten per lid',
            intro: 'Bij elk lid staat het beroep uit het eigen profiel. Schrijf erbij welke rol en kwaliteiten ieder meebrengt.',
            fields: [
              {
                key: '7.2.levensfase',
                label: 'Voor welke levensfase kijken jullie naar de keten?',
                hint: 'De tabel "werkproces in keten" laat per levensfase zien welke beroepen meestal betrokken zijn.',
                kind: 'choice',
                options: [{ value: '', label: 'Kies een levensfase' }, ...book.pack.tables.chainOfWork.phases.map((p) => ({ value: p.key, label: p.title }))],
              },
              ...input.members.map((m) => ({ key: `7.2.rol.${m.userId}`, label: `Rol en kwaliteiten van ${m.name}`, kind: 'text' as const })),
            ],
          },
          instructionSection(book, '7.2', questionFields(book, '7.2')),
        ],
      };
    case 'communicatie':
      return { slug, number: 4, part: 'samen', sections: [instructionSection(book, '8.2', questionFields(book, '8.2'), { extra: 'feedbackRules' })] };
    case 'context': {
      const nine = instruction(book, '9.2');
      const items = nine.questions.filter((x) => /^1[a-z]$/.test(x.key));
      const organisations = contextOrganisations(input.organisationsText);
      return {
        slug,
        number: 5,
        part: 'samen',
        sections: [
          {
            ...instructionSection(book, '9.2', [], { id: 'organisaties', extra: 'contextChecklist' }),
            title: 'Hoe staan jullie organisaties ervoor?',
            intro: book.plainTextOf('instructie:9.2', nine.questions.find((x) => x.key === '1')?.text ?? ''),
            fields: [
              { key: '9.2.organisaties', label: 'Welke organisaties doen mee?', hint: 'Eén organisatie per regel, hoogstens 12. Sla op om de lijst hieronder te vullen.', kind: 'text' },
              ...items.flatMap((item) =>
                organisations.map((org) => ({
                  key: `9.2.${item.key}.${org.key}`,
                  label: `${book.plainTextOf('instructie:9.2', item.text)} (${org.name})`,
                  kind: 'choice' as const,
                  options: CONTEXT_STATUSES.map((s) => ({ value: s, label: CONTEXT_STATUS_LABELS[s] })),
                })),
              ),
            ],
          },
          instructionSection(book, '9.2', questionFields(book, '9.2', (key) => key === '2' || key === '3')),
        ],
      };
    }
  }
}

/** The answers that count for a step's progress: optional parts (the interview notes) do not. */
export function progressFieldKeys(step: WorkbookStep): string[] {
  return step.sections.filter((s) => !s.optional).flatMap((s) => s.fields.map((f) => f.key));
}

/** Every answer key a step can have, so that a form only ever writes its own fields. */
export function stepFieldKeys(step: WorkbookStep): string[] {
  return step.sections.flatMap((s) => s.fields.map((f) => f.key));
}

/** The stories a person attached in Verdiepen, stored as a list of story numbers. */
export const ATTACHED_STORIES_KEY = 'verdiepen.verhalen';
/** The book's dream a workspace adopted in Verbeelden, stored as its number. */
export const ADOPTED_DREAM_KEY = 'verbeelden.droom';

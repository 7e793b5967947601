import { z } from 'zod';
import { REPORTABLE_KINDS, type ReportableKind } from '../shared/region.js';

/** Why a visitor reports an item; the keys are stored, the form shows their Dutch labels. */
export const REPORT_REASONS = ['onjuist', 'verouderd', 'ongepast', 'spam', 'anders'] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

export const REPORT_DETAILS_MAX_LENGTH = 2000;
export const OUTCOME_MAX_LENGTH = 2000;

/** The name of the field people never see: a form that fills it was sent by a robot. */
export const HONEYPOT_FIELD = 'website';

const ITEM_ID_PATTERN = /^[A-Za-z0-9_-]{1,100}$/;

/** What the report address names: `?soort=<kind>&id=<id>`. Anything else is not an item of ours. */
export function parseReportTarget(kind: unknown, id: unknown): { kind: ReportableKind; id: string } | undefined {
  if (typeof kind !== 'string' || typeof id !== 'string') return undefined;
  if (!(REPORTABLE_KINDS as readonly string[]).includes(kind) || !ITEM_ID_PATTERN.test(id)) return undefined;
  return { kind: kind as ReportableKind, id };
}

export const reportSchema = z.object({
  soort: z.enum(REPORTABLE_KINDS, 'error.invalid'),
  id: z.string().regex(ITEM_ID_PATTERN, 'error.invalid'),
  reason: z.enum(REPORT_REASONS, 'desk.moderation.report.error.reason'),
  details: z
    .string()
    .trim()
    .max(REPORT_DETAILS_MAX_LENGTH, 'desk.moderation.report.error.detailsTooLong')
    .default(''),
  [HONEYPOT_FIELD]: z.string().default(''),
});
export type ReportInput = z.infer<typeof reportSchema>;

export const handleReportSchema = z.object({
  outcome: z
    .string()
    .trim()
    .min(1, 'desk.moderation.handle.error.outcome')
    .max(OUTCOME_MAX_LENGTH, 'desk.moderation.handle.error.outcomeTooLong'),
  // A ticked checkbox sends "ja"; an unticked one sends nothing.
  hideItem: z
    .string()
    .optional()
    .transform((v) => v === 'ja'),
});
export type HandleReportInput = z.infer<typeof handleReportSchema>;

/** The region picker's GET form: `/loket/kies?regio=<slug>`. */
export const chooseRegionSchema = z.object({
  regio: z.string().trim().max(100).catch('').default(''),
});

import { recordAudit } from '../../../platform/audit/audit.js';
import type { Queryable } from '../../../platform/db/database.js';
import { touchDesk } from './changes.js';
import * as repo from './publication.repo.js';

// Publication of desk items: publishing, hiding, reviewing and restoring, for every part and the queue.
// Each action changes the item only from the state the caller expects, marks the desk as changed when the
// public sees something else, and writes one audit row in the caller's transaction:
// event 'desk.item_moderated', target '<kind>:<id>', detail { region, action, … }.

/** The kinds of desk item that have a public status. */
export type PublishableKind = 'organisation' | 'group' | 'faq' | 'vacancy';
export type PublicationAction = 'publish' | 'hide' | 'review' | 'restore';
export type ItemStatus = repo.ItemStatus;

/** ok: done; stale: the item is not (or no longer) in the expected state; notFound: no such item in this region. */
export type PublicationResult = 'ok' | 'stale' | 'notFound';

export interface PublicationRequest {
  readonly regionSlug: string;
  readonly kind: PublishableKind;
  readonly id: string;
  readonly actorId: string | null;
  readonly ip?: string | null;
  /** More for the audit row's detail (never personal data). */
  readonly detail?: Record<string, unknown>;
}

const TABLES = { organisation: 'desk_organisations', group: 'desk_groups', faq: 'desk_faqs', vacancy: 'desk_vacancies' } as const;

/** Every kind of desk item an audit row can be about. */
export type DeskItemKind = PublishableKind | 'employer' | 'question';

/** The audit target of a desk item. Rows written before 2026-12-07 may hold the bare id instead. */
export function auditTarget(kind: DeskItemKind, id: string): string {
  return `${kind}:${id}`;
}

async function record(db: Queryable, request: PublicationRequest, action: PublicationAction, now: Date): Promise<void> {
  await recordAudit(
    db,
    {
      actorId: request.actorId,
      event: 'desk.item_moderated',
      target: auditTarget(request.kind, request.id),
      detail: { region: request.regionSlug, action, ...request.detail },
      ip: request.ip ?? null,
    },
    now,
  );
}

async function finish(db: Queryable, request: PublicationRequest, action: PublicationAction, done: boolean, now: Date): Promise<PublicationResult> {
  if (!done) return (await repo.existsInRegion(db, TABLES[request.kind], request.regionSlug, request.id)) ? 'stale' : 'notFound';
  // Marking a vacancy as looked at changes nothing the public sees.
  if (action !== 'review') await touchDesk(db, request.regionSlug, now, [{ kind: request.kind, id: request.id }]);
  await record(db, request, action, now);
  return 'ok';
}

/** Makes a proposed organisation or group public (from 'pending', or from the given states). */
export async function publish(db: Queryable, request: PublicationRequest & { readonly kind: 'organisation' | 'group' }, now: Date, from: readonly ItemStatus[] = ['pending']): Promise<PublicationResult> {
  const done = await repo.setEditedStatus(db, TABLES[request.kind], request.regionSlug, request.id, from, 'published', request.actorId, now.toISOString());
  return finish(db, request, 'publish', done, now);
}

/**
 * Takes an item out of public view; its makers and the coordinator still see it. From 'published' unless
 * other states are given; a vacancy only while nobody reviewed it when `onlyUnreviewed` (the queue).
 */
export async function hide(
  db: Queryable,
  request: PublicationRequest,
  now: Date,
  options: { readonly from?: readonly ItemStatus[]; readonly onlyUnreviewed?: boolean } = {},
): Promise<PublicationResult> {
  const at = now.toISOString();
  const done =
    request.kind === 'vacancy'
      ? await repo.hideVacancy(db, request.regionSlug, request.id, request.actorId, at, options.onlyUnreviewed ?? false)
      : await repo.setEditedStatus(db, TABLES[request.kind], request.regionSlug, request.id, options.from ?? ['published'], 'hidden', request.actorId, at);
  return finish(db, request, 'hide', done, now);
}

/** Shows a hidden item again. */
export async function restore(db: Queryable, request: PublicationRequest, now: Date): Promise<PublicationResult> {
  const at = now.toISOString();
  const done =
    request.kind === 'vacancy'
      ? await repo.restoreVacancy(db, request.regionSlug, request.id, request.actorId, at)
      : await repo.setEditedStatus(db, TABLES[request.kind], request.regionSlug, request.id, ['hidden'], 'published', request.actorId, at);
  return finish(db, request, 'restore', done, now);
}

/** The coordinator looked at a published vacancy and leaves it as it is. */
export async function review(db: Queryable, request: PublicationRequest & { readonly kind: 'vacancy' }, now: Date): Promise<PublicationResult> {
  const done = await repo.markVacancyReviewed(db, request.regionSlug, request.id, request.actorId, now.toISOString());
  return finish(db, request, 'review', done, now);
}

/** For an item that is public the moment it is made (an FAQ): marks the desk as changed and writes the audit row of its publication. */
export async function published(db: Queryable, request: PublicationRequest, now: Date): Promise<void> {
  await touchDesk(db, request.regionSlug, now, [{ kind: request.kind, id: request.id }]);
  await record(db, request, 'publish', now);
}

/** The status of an organisation, group or FAQ of the region; undefined when the region has no such item. */
export function statusOf(db: Queryable, kind: Exclude<PublishableKind, 'vacancy'>, regionSlug: string, id: string): Promise<ItemStatus | undefined> {
  return repo.editedStatus(db, TABLES[kind], regionSlug, id);
}

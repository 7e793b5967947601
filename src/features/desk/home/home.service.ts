import type { Queryable } from '../../../platform/db/database.js';
import { dutchToday } from '../../../platform/time/dutch-calendar.js';
import { listRegions, type Region } from '../../regions/regions.service.js';
import { liveVacancyCounts, latestVacancies } from '../employers/vacancies.service.js';
import { verifiedEmployerCounts } from '../employers/employers.service.js';
import { upcomingMeetings } from '../peer-support/peer-support.service.js';
import { newestFaqs } from '../questions/questions.service.js';
import { waitingInQueue } from '../queue/queue.service.js';
import { schemePageList } from '../schemes/schemes.service.js';
import { publishedOrganisationCounts } from '../social-map/social-map.service.js';
import { isCoordinatorOf, representsInRegion } from '../shared/access.repo.js';
import * as repo from './home.repo.js';

// The region overview (/loket)

export interface RegionSummary extends Region {
  readonly organisations: number;
  readonly employers: number;
  readonly vacancies: number;
}

/** Every region A–Z with its numbers: one aggregate query per part, never one per region. */
export async function regionSummaries(db: Queryable, now: Date): Promise<RegionSummary[]> {
  const [regions, organisations, employers, vacancies] = await Promise.all([
    listRegions(db),
    publishedOrganisationCounts(db),
    verifiedEmployerCounts(db),
    liveVacancyCounts(db, dutchToday(now)),
  ]);
  return regions
    .map((r) => ({ ...r, organisations: organisations.get(r.slug) ?? 0, employers: employers.get(r.slug) ?? 0, vacancies: vacancies.get(r.slug) ?? 0 }))
    .sort((a, b) => a.name.localeCompare(b.name, 'nl'));
}

export const homeRegionOf = repo.homeRegionOf;

// The desk's home

export interface DeskHome {
  readonly vacancies: readonly { id: string; title: string; place: string; expiresOn: string; employerName: string }[];
  readonly faqs: readonly { id: string; question: string }[];
  readonly meetings: readonly { id: string; groupId: string; groupName: string; startsAt: string; place: string | null; online: boolean }[];
  readonly pages: readonly { slug: string; title: string }[];
  readonly coordinators: readonly string[];
  /** For a coordinator of this region: the number of items in the queue. */
  readonly queueWaiting: number | null;
  /** Whether the visitor represents an organisation of this region. */
  readonly representative: boolean;
}

const HOME_VACANCIES = 5;
const HOME_FAQS = 5;
const HOME_MEETINGS = 3;

/** What the home shows; a handful of indexed queries, run side by side. */
export async function deskHome(db: Queryable, regionSlug: string, userId: string | null, now: Date): Promise<DeskHome> {
  const today = dutchToday(now);
  const [vacancies, faqs, meetings, pages, coordinators, queueWaiting, representative] = await Promise.all([
    latestVacancies(db, regionSlug, today, HOME_VACANCIES),
    newestFaqs(db, regionSlug, HOME_FAQS),
    upcomingMeetings(db, regionSlug, now.toISOString(), HOME_MEETINGS),
    schemePageList(db, regionSlug),
    repo.coordinatorNames(db, regionSlug),
    userId === null ? null : isCoordinatorOf(db, regionSlug, userId).then((yes) => (yes ? waitingInQueue(db, regionSlug, now) : null)),
    userId === null ? false : representsInRegion(db, regionSlug, userId),
  ]);
  return {
    vacancies: vacancies.map((v) => ({ id: v.id, title: v.title, place: v.place, expiresOn: v.expires_on, employerName: v.employer_name })),
    faqs,
    meetings: meetings.map((m) => ({ id: m.id, groupId: m.group_id, groupName: m.group_name, startsAt: m.starts_at, place: m.place, online: !!m.online_url })),
    pages,
    coordinators,
    queueWaiting,
    representative,
  };
}

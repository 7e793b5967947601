import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { signedInUserId as userId } from '../../../platform/auth/principal.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { formValues, parseForm, translateErrors, type FieldErrorKeys } from '../../../platform/http/forms.js';
import { redirectAfterPost, sendPage } from '../../../platform/http/render.js';
import { isCoordinatorOf } from '../shared/access.repo.js';
import { deskRegion, type Region } from '../shared/region.js';
import {
  contactSchema,
  editOrganisationSchema,
  editServiceSchema,
  listQuerySchema,
  locationSchema,
  organisationSchema,
  parseLocationChoices,
  parsePhoneFields,
  parseScheduleFields,
  representativeSchema,
  serviceSchema,
  type PhoneInput,
  type ScheduleInput,
} from './social-map.schemas.js';
import * as service from './social-map.service.js';
import {
  ContactFormPage,
  contactValues,
  EditOrganisationPage,
  LocationFormPage,
  locationValues,
  ManagePage,
  organisationPath,
  OrganisationPage,
  organisationValues,
  ProposePage,
  RepresentativesPage,
  ServiceFormPage,
  ServicePage,
  serviceValues,
  SocialMapListPage,
  type FormState,
} from './social-map.views.js';

// The social map of a region: public pages, proposing an organisation, and keeping it up to date.

/** Proposals come from signed-in people; enough for an organisation's staff, too few for spam. */
const PROPOSE_RATE_LIMIT = { max: 20, timeWindow: '1 hour' };

type SlugParams = { Params: { slug: string } };
type OrgParams = { Params: { slug: string; organisationId: string } };
type ServiceParams = { Params: { slug: string; organisationId: string; serviceId: string } };
type LocationParams = { Params: { slug: string; organisationId: string; locationId: string } };
type ContactParams = { Params: { slug: string; organisationId: string; contactId: string } };
type RepresentativeParams = { Params: { slug: string; organisationId: string; userId: string } };

function mergeRows<T>(errors: FieldErrorKeys, result: { ok: true; data: T } | { ok: false; errors: FieldErrorKeys }): T | undefined {
  if (result.ok) return result.data;
  Object.assign(errors, result.errors);
  return undefined;
}

export const deskSocialMapRoutes: FastifyPluginAsync = async (app) => {
  const deps = app.deps;
  const db = deps.db.kysely;

  /** The region and organisation of the address, or a 404 already sent. */
  const orgOr404 = async (request: FastifyRequest<OrgParams>, reply: FastifyReply) => {
    const region = await deskRegion(db, request.params.slug);
    const organisation = region ? await service.findOrganisation(db, region.slug, request.params.organisationId) : undefined;
    if (!region || !organisation) {
      reply.callNotFound();
      return undefined;
    }
    return { region, organisation };
  };

  const state = (request: FastifyRequest, values: Record<string, string>, errors?: FieldErrorKeys): FormState => ({
    values,
    errors: errors ? translateErrors(request.t, errors) : undefined,
  });

  // Public pages

  app.get<SlugParams & { Querystring: Record<string, string | undefined> }>(
    '/loket/:slug/sociale-kaart',
    { config: { permission: 'public' } },
    async (request, reply) => {
      const region = await deskRegion(db, request.params.slug);
      if (!region) return reply.callNotFound();
      const query = listQuerySchema.parse(request.query ?? {});
      const list = await service.listPublished(db, region.slug, { q: query.q, kind: query.soort, page: query.pagina });
      const canManage = request.principal ? await isCoordinatorOf(db, region.slug, request.principal.userId) : false;
      return sendPage(request, reply, (ctx) => SocialMapListPage({ ctx, region, list, query: { q: query.q, kind: query.soort }, canManage }));
    },
  );

  app.get<OrgParams>('/loket/:slug/organisaties/:organisationId', { config: { permission: 'public' } }, async (request, reply) => {
    const region = await deskRegion(db, request.params.slug);
    const detail = region ? await service.organisationDetail(db, region.slug, request.params.organisationId, { userId: request.principal?.userId ?? null }) : undefined;
    if (!region || !detail) return reply.callNotFound();
    return sendPage(request, reply, (ctx) => OrganisationPage({ ctx, region, detail }));
  });

  app.get<{ Params: { slug: string; serviceId: string } }>('/loket/:slug/diensten/:serviceId', { config: { permission: 'public' } }, async (request, reply) => {
    const region = await deskRegion(db, request.params.slug);
    const detail = region ? await service.serviceDetail(db, region.slug, request.params.serviceId, { userId: request.principal?.userId ?? null }) : undefined;
    if (!region || !detail) return reply.callNotFound();
    return sendPage(request, reply, (ctx) => ServicePage({ ctx, region, detail }));
  });

  // Proposing an organisation (a coordinator creates it published at once)

  const renderPropose = async (request: FastifyRequest, reply: FastifyReply, region: Region, formState: FormState, status = 200) => {
    const isCoordinator = await isCoordinatorOf(db, region.slug, userId(request));
    return sendPage(request, reply, (ctx) => ProposePage({ ctx, region, state: formState, isCoordinator }), status);
  };

  app.get<SlugParams>('/loket/:slug/organisaties/aanmelden', { config: { permission: 'authenticated' } }, async (request, reply) => {
    const region = await deskRegion(db, request.params.slug);
    if (!region) return reply.callNotFound();
    return renderPropose(request, reply, region, { values: { kind: 'overig' } });
  });

  app.post<SlugParams>('/loket/:slug/organisaties/aanmelden', { config: { permission: 'authenticated', rateLimit: PROPOSE_RATE_LIMIT } }, async (request, reply) => {
    const region = await deskRegion(db, request.params.slug);
    if (!region) return reply.callNotFound();
    const form = parseForm(organisationSchema, request.body);
    if (!form.ok) return renderPropose(request, reply, region, state(request, form.values, form.errors), 422);
    const created = await inTransaction(deps, (tx) => service.proposeOrganisation(tx, region.slug, userId(request), form.data, deps.clock()));
    return redirectAfterPost(reply, organisationPath(region.slug, created.id), created.status === 'published' ? 'desk.socialMap.done.created' : 'desk.socialMap.done.proposed');
  });

  // The organisation's own details

  app.get<OrgParams>('/loket/:slug/organisaties/:organisationId/bewerken', { config: { permission: 'desk.organisation-editor' } }, async (request, reply) => {
    const found = await orgOr404(request, reply);
    if (!found) return reply;
    const { region, organisation } = found;
    const detail = await service.organisationDetail(db, region.slug, organisation.id, { userId: userId(request) });
    const phones = detail?.index.phonesByOwner.get(`organisation:${organisation.id}`) ?? [];
    return sendPage(request, reply, (ctx) =>
      EditOrganisationPage({ ctx, region, organisation, state: { values: organisationValues(organisation, phones) }, version: organisation.version }),
    );
  });

  app.post<OrgParams>('/loket/:slug/organisaties/:organisationId/bewerken', { config: { permission: 'desk.organisation-editor' } }, async (request, reply) => {
    const found = await orgOr404(request, reply);
    if (!found) return reply;
    const { region, organisation } = found;
    const form = parseForm(editOrganisationSchema, request.body);
    const errors: FieldErrorKeys = form.ok ? {} : { ...form.errors };
    const phones = mergeRows<PhoneInput[]>(errors, parsePhoneFields(form.values));
    const typedVersion = Number(form.values.version) || organisation.version;
    if (!form.ok || !phones || Object.keys(errors).length > 0) {
      return sendPage(request, reply, (ctx) => EditOrganisationPage({ ctx, region, organisation, state: state(request, form.values, errors), version: typedVersion }), 422);
    }
    const result = await inTransaction(deps, (tx) => service.saveOrganisation(tx, region.slug, organisation.id, userId(request), form.data, phones, deps.clock()));
    if (!result.ok && result.reason === 'notFound') return reply.callNotFound();
    if (!result.ok && result.reason === 'conflict') {
      // The typed text stays; the form now carries the saved version, so saving again keeps what was typed.
      const current = result.current;
      return sendPage(
        request,
        reply,
        (ctx) => EditOrganisationPage({ ctx, region, organisation: current, state: { values: form.values }, version: current.version, conflict: current }),
        409,
      );
    }
    return redirectAfterPost(reply, organisationPath(region.slug, organisation.id), 'desk.socialMap.done.saved');
  });

  // Publishing and hiding (the coordinator)

  app.post<OrgParams>('/loket/:slug/organisaties/:organisationId/publiceren', { config: { permission: 'desk.coordinator' } }, async (request, reply) => {
    const done = await inTransaction(deps, (tx) => service.publishOrganisation(tx.db, request.params.slug, request.params.organisationId, userId(request), deps.clock(), request.ip));
    if (!done) return reply.callNotFound();
    return redirectAfterPost(reply, organisationPath(request.params.slug, request.params.organisationId), 'desk.socialMap.done.published');
  });

  app.post<OrgParams>('/loket/:slug/organisaties/:organisationId/verbergen', { config: { permission: 'desk.coordinator' } }, async (request, reply) => {
    const done = await inTransaction(deps, (tx) => service.hideOrganisation(tx.db, request.params.slug, request.params.organisationId, userId(request), deps.clock(), request.ip));
    if (!done) return reply.callNotFound();
    return redirectAfterPost(reply, organisationPath(request.params.slug, request.params.organisationId), 'desk.socialMap.done.hidden');
  });

  // Services

  const renderServiceForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    found: { region: Region; organisation: service.Organisation },
    formState: FormState,
    serviceInfo?: { id: string; name: string; version: number },
    conflict?: Parameters<typeof ServiceFormPage>[0]['conflict'],
    status = 200,
  ) => {
    const detail = await service.organisationDetail(db, found.region.slug, found.organisation.id, { userId: userId(request) });
    const locations = detail?.index.locationsByOrg.get(found.organisation.id) ?? [];
    return sendPage(
      request,
      reply,
      (ctx) => ServiceFormPage({ ctx, region: found.region, organisation: found.organisation, locations, service: serviceInfo, state: formState, conflict }),
      status,
    );
  };

  const parseServiceForm = (body: unknown, withVersion: boolean) => {
    const form = withVersion ? parseForm(editServiceSchema, body) : parseForm(serviceSchema, body);
    const errors: FieldErrorKeys = form.ok ? {} : { ...form.errors };
    const schedule = mergeRows<ScheduleInput>(errors, parseScheduleFields(form.values));
    return { form, errors, schedule };
  };

  const allowedLocations = async (regionSlug: string, organisationId: string, userIdValue: string) => {
    const detail = await service.organisationDetail(db, regionSlug, organisationId, { userId: userIdValue });
    return new Set((detail?.index.locationsByOrg.get(organisationId) ?? []).map((l) => l.id));
  };

  app.get<OrgParams>('/loket/:slug/organisaties/:organisationId/diensten/nieuw', { config: { permission: 'desk.organisation-editor' } }, async (request, reply) => {
    const found = await orgOr404(request, reply);
    if (!found) return reply;
    return renderServiceForm(request, reply, found, { values: { status: 'active' } });
  });

  app.post<OrgParams>('/loket/:slug/organisaties/:organisationId/diensten/nieuw', { config: { permission: 'desk.organisation-editor' } }, async (request, reply) => {
    const found = await orgOr404(request, reply);
    if (!found) return reply;
    const { form, errors, schedule } = parseServiceForm(request.body, false);
    if (!form.ok || !schedule || Object.keys(errors).length > 0) return renderServiceForm(request, reply, found, state(request, form.values, errors), undefined, undefined, 422);
    const where = parseLocationChoices(form.values, await allowedLocations(found.region.slug, found.organisation.id, userId(request)));
    const result = await inTransaction(deps, (tx) =>
      service.saveService(tx, found.region.slug, found.organisation.id, null, userId(request), form.data, where, schedule, deps.clock()),
    );
    if (!result.ok) return reply.callNotFound();
    return redirectAfterPost(reply, organisationPath(found.region.slug, found.organisation.id), 'desk.socialMap.done.saved');
  });

  const serviceOr404 = async (request: FastifyRequest<ServiceParams>, reply: FastifyReply) => {
    const found = await orgOr404(request, reply);
    if (!found) return undefined;
    const detail = await service.serviceDetail(db, found.region.slug, request.params.serviceId, { userId: userId(request) });
    if (!detail || detail.organisation.id !== found.organisation.id) {
      reply.callNotFound();
      return undefined;
    }
    return { ...found, detail };
  };

  app.get<ServiceParams>('/loket/:slug/organisaties/:organisationId/diensten/:serviceId/bewerken', { config: { permission: 'desk.organisation-editor' } }, async (request, reply) => {
    const found = await serviceOr404(request, reply);
    if (!found) return reply;
    const { detail } = found;
    const s = detail.service;
    const locations = detail.index.locationsByOrg.get(found.organisation.id) ?? [];
    const chosen = (detail.index.salByService.get(s.id) ?? []).map((x) => x.location_id);
    const values = serviceValues(s, detail.index.schedulesByOwner.get(`service:${s.id}`) ?? [], chosen, locations);
    return renderServiceForm(request, reply, found, { values }, { id: s.id, name: s.name, version: s.version });
  });

  app.post<ServiceParams>('/loket/:slug/organisaties/:organisationId/diensten/:serviceId/bewerken', { config: { permission: 'desk.organisation-editor' } }, async (request, reply) => {
    const found = await serviceOr404(request, reply);
    if (!found) return reply;
    const s = found.detail.service;
    const { form, errors, schedule } = parseServiceForm(request.body, true);
    const info = { id: s.id, name: s.name, version: Number(form.values.version) || s.version };
    if (!form.ok || !schedule || Object.keys(errors).length > 0) return renderServiceForm(request, reply, found, state(request, form.values, errors), info, undefined, 422);
    const where = parseLocationChoices(form.values, await allowedLocations(found.region.slug, found.organisation.id, userId(request)));
    const result = await inTransaction(deps, (tx) =>
      service.saveService(tx, found.region.slug, found.organisation.id, s.id, userId(request), form.data, where, schedule, deps.clock()),
    );
    if (!result.ok && result.reason === 'conflict') {
      const current = result.current;
      return renderServiceForm(request, reply, found, { values: form.values }, { id: s.id, name: current.name, version: current.version }, current, 409);
    }
    if (!result.ok) return reply.callNotFound();
    return redirectAfterPost(reply, organisationPath(found.region.slug, found.organisation.id), 'desk.socialMap.done.saved');
  });

  app.post<ServiceParams>('/loket/:slug/organisaties/:organisationId/diensten/:serviceId/verwijderen', { config: { permission: 'desk.organisation-editor' } }, async (request, reply) => {
    const { slug, organisationId, serviceId } = request.params;
    const done = await inTransaction(deps, (tx) => service.deleteService(tx, slug, organisationId, serviceId, deps.clock()));
    if (!done) return reply.callNotFound();
    return redirectAfterPost(reply, organisationPath(slug, organisationId), 'desk.socialMap.done.deleted');
  });

  // Locations

  const saveLocation = async (request: FastifyRequest<OrgParams>, reply: FastifyReply, locationId: string | null) => {
    const found = await orgOr404(request, reply);
    if (!found) return reply;
    const form = parseForm(locationSchema, request.body);
    const errors: FieldErrorKeys = form.ok ? {} : { ...form.errors };
    const schedule = mergeRows<ScheduleInput>(errors, parseScheduleFields(form.values));
    if (!form.ok || !schedule || Object.keys(errors).length > 0) {
      return sendPage(
        request,
        reply,
        (ctx) => LocationFormPage({ ctx, region: found.region, organisation: found.organisation, locationId: locationId ?? undefined, state: state(request, form.values, errors) }),
        422,
      );
    }
    const result = await inTransaction(deps, (tx) => service.saveLocation(tx, found.region.slug, found.organisation.id, locationId, form.data, schedule, deps.clock()));
    if (!result.ok) return reply.callNotFound();
    return redirectAfterPost(reply, organisationPath(found.region.slug, found.organisation.id), 'desk.socialMap.done.saved');
  };

  app.get<OrgParams>('/loket/:slug/organisaties/:organisationId/locaties/nieuw', { config: { permission: 'desk.organisation-editor' } }, async (request, reply) => {
    const found = await orgOr404(request, reply);
    if (!found) return reply;
    return sendPage(request, reply, (ctx) => LocationFormPage({ ctx, region: found.region, organisation: found.organisation, state: { values: { locationType: 'physical' } } }));
  });

  app.post<OrgParams>('/loket/:slug/organisaties/:organisationId/locaties/nieuw', { config: { permission: 'desk.organisation-editor' } }, (request, reply) =>
    saveLocation(request, reply, null),
  );

  app.get<LocationParams>('/loket/:slug/organisaties/:organisationId/locaties/:locationId/bewerken', { config: { permission: 'desk.organisation-editor' } }, async (request, reply) => {
    const found = await orgOr404(request, reply);
    if (!found) return reply;
    const location = await service.findLocation(db, found.organisation.id, request.params.locationId);
    if (!location) return reply.callNotFound();
    const detail = await service.organisationDetail(db, found.region.slug, found.organisation.id, { userId: userId(request) });
    const values = locationValues(location, detail?.index.schedulesByOwner.get(`location:${location.id}`) ?? []);
    return sendPage(request, reply, (ctx) => LocationFormPage({ ctx, region: found.region, organisation: found.organisation, locationId: location.id, state: { values } }));
  });

  app.post<LocationParams>('/loket/:slug/organisaties/:organisationId/locaties/:locationId/bewerken', { config: { permission: 'desk.organisation-editor' } }, async (request, reply) => {
    if (!(await service.findLocation(db, request.params.organisationId, request.params.locationId))) return reply.callNotFound();
    return saveLocation(request, reply, request.params.locationId);
  });

  app.post<LocationParams>('/loket/:slug/organisaties/:organisationId/locaties/:locationId/verwijderen', { config: { permission: 'desk.organisation-editor' } }, async (request, reply) => {
    const { slug, organisationId, locationId } = request.params;
    const done = await inTransaction(deps, (tx) => service.deleteLocation(tx, slug, organisationId, locationId, deps.clock()));
    if (!done) return reply.callNotFound();
    return redirectAfterPost(reply, organisationPath(slug, organisationId), 'desk.socialMap.done.deleted');
  });

  // Contacts

  const servicesOf = async (request: FastifyRequest, regionSlug: string, organisationId: string) => {
    const detail = await service.organisationDetail(db, regionSlug, organisationId, { userId: userId(request) });
    return { detail, services: detail?.index.servicesByOrg.get(organisationId) ?? [] };
  };

  const saveContact = async (request: FastifyRequest<OrgParams>, reply: FastifyReply, contactId: string | null) => {
    const found = await orgOr404(request, reply);
    if (!found) return reply;
    const form = parseForm(contactSchema, request.body);
    const errors: FieldErrorKeys = form.ok ? {} : { ...form.errors };
    const phones = mergeRows<PhoneInput[]>(errors, parsePhoneFields(form.values));
    const fail = async (failErrors: FieldErrorKeys) => {
      const { services } = await servicesOf(request, found.region.slug, found.organisation.id);
      return sendPage(
        request,
        reply,
        (ctx) =>
          ContactFormPage({ ctx, region: found.region, organisation: found.organisation, services, contactId: contactId ?? undefined, state: state(request, form.values, failErrors) }),
        422,
      );
    };
    if (!form.ok || !phones || Object.keys(errors).length > 0) return fail(errors);
    const result = await inTransaction(deps, (tx) => service.saveContact(tx, found.region.slug, found.organisation.id, contactId, form.data, phones, deps.clock()));
    if (!result.ok && result.reason === 'service') return fail({ serviceId: 'desk.socialMap.error.contactService' });
    if (!result.ok) return reply.callNotFound();
    return redirectAfterPost(reply, organisationPath(found.region.slug, found.organisation.id), 'desk.socialMap.done.saved');
  };

  app.get<OrgParams>('/loket/:slug/organisaties/:organisationId/contacten/nieuw', { config: { permission: 'desk.organisation-editor' } }, async (request, reply) => {
    const found = await orgOr404(request, reply);
    if (!found) return reply;
    const { services } = await servicesOf(request, found.region.slug, found.organisation.id);
    return sendPage(request, reply, (ctx) => ContactFormPage({ ctx, region: found.region, organisation: found.organisation, services, state: { values: {} } }));
  });

  app.post<OrgParams>('/loket/:slug/organisaties/:organisationId/contacten/nieuw', { config: { permission: 'desk.organisation-editor' } }, (request, reply) =>
    saveContact(request, reply, null),
  );

  app.get<ContactParams>('/loket/:slug/organisaties/:organisationId/contacten/:contactId/bewerken', { config: { permission: 'desk.organisation-editor' } }, async (request, reply) => {
    const found = await orgOr404(request, reply);
    if (!found) return reply;
    const contact = await service.findContact(db, found.organisation.id, request.params.contactId);
    if (!contact) return reply.callNotFound();
    const { detail, services } = await servicesOf(request, found.region.slug, found.organisation.id);
    const values = contactValues(contact, detail?.index.phonesByOwner.get(`contact:${contact.id}`) ?? []);
    return sendPage(request, reply, (ctx) => ContactFormPage({ ctx, region: found.region, organisation: found.organisation, services, contactId: contact.id, state: { values } }));
  });

  app.post<ContactParams>('/loket/:slug/organisaties/:organisationId/contacten/:contactId/bewerken', { config: { permission: 'desk.organisation-editor' } }, async (request, reply) => {
    if (!(await service.findContact(db, request.params.organisationId, request.params.contactId))) return reply.callNotFound();
    return saveContact(request, reply, request.params.contactId);
  });

  app.post<ContactParams>('/loket/:slug/organisaties/:organisationId/contacten/:contactId/verwijderen', { config: { permission: 'desk.organisation-editor' } }, async (request, reply) => {
    const { slug, organisationId, contactId } = request.params;
    const done = await inTransaction(deps, (tx) => service.deleteContact(tx, slug, organisationId, contactId, deps.clock()));
    if (!done) return reply.callNotFound();
    return redirectAfterPost(reply, organisationPath(slug, organisationId), 'desk.socialMap.done.deleted');
  });

  // Representatives (the coordinator)

  const renderRepresentatives = async (request: FastifyRequest, reply: FastifyReply, found: { region: Region; organisation: service.Organisation }, formState: FormState, status = 200) => {
    const representatives = await service.listRepresentatives(db, found.organisation.id);
    return sendPage(request, reply, (ctx) => RepresentativesPage({ ctx, region: found.region, organisation: found.organisation, representatives, state: formState }), status);
  };

  app.get<OrgParams>('/loket/:slug/organisaties/:organisationId/vertegenwoordigers', { config: { permission: 'desk.coordinator' } }, async (request, reply) => {
    const found = await orgOr404(request, reply);
    if (!found) return reply;
    return renderRepresentatives(request, reply, found, { values: {} });
  });

  app.post<OrgParams>('/loket/:slug/organisaties/:organisationId/vertegenwoordigers', { config: { permission: 'desk.coordinator' } }, async (request, reply) => {
    const found = await orgOr404(request, reply);
    if (!found) return reply;
    const form = parseForm(representativeSchema, request.body);
    if (!form.ok) return renderRepresentatives(request, reply, found, state(request, form.values, form.errors), 422);
    const t = request.t;
    const link = `${deps.config.baseUrl}${organisationPath(found.region.slug, found.organisation.id)}`;
    const mail = {
      subject: t('desk.socialMap.rep.mail.subject', { name: found.organisation.name }),
      text: t('desk.socialMap.rep.mail.text', { name: found.organisation.name, region: found.region.name, link }),
    };
    const result = await inTransaction(deps, (tx) =>
      service.appointRepresentative(tx, deps, found.region, found.organisation, form.data.email, userId(request), request.ip, deps.clock(), mail),
    );
    if (!result.ok) {
      const errors: FieldErrorKeys = { email: result.reason === 'already' ? 'desk.socialMap.rep.already' : 'desk.socialMap.rep.unknown' };
      return renderRepresentatives(request, reply, found, state(request, formValues(request.body), errors), 422);
    }
    return redirectAfterPost(reply, organisationPath(found.region.slug, found.organisation.id, '/vertegenwoordigers'), 'desk.socialMap.done.repAdded');
  });

  app.post<RepresentativeParams>(
    '/loket/:slug/organisaties/:organisationId/vertegenwoordigers/:userId/verwijderen',
    { config: { permission: 'desk.coordinator' } },
    async (request, reply) => {
      const found = await orgOr404(request, reply);
      if (!found) return reply;
      const removed = await inTransaction(deps, (tx) =>
        service.removeRepresentative(tx, found.region, found.organisation.id, request.params.userId, userId(request), request.ip, deps.clock()),
      );
      if (!removed) return reply.callNotFound();
      return redirectAfterPost(reply, organisationPath(found.region.slug, found.organisation.id, '/vertegenwoordigers'), 'desk.socialMap.done.repRemoved');
    },
  );

  // The coordinator's overview

  app.get<SlugParams>('/loket/:slug/beheer/sociale-kaart', { config: { permission: 'desk.coordinator' } }, async (request, reply) => {
    const region = await deskRegion(db, request.params.slug);
    if (!region) return reply.callNotFound();
    const organisations = await service.listAll(db, region.slug);
    return sendPage(request, reply, (ctx) => ManagePage({ ctx, region, organisations }));
  });
};

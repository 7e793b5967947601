import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import { mustUseTwoFactor, signedInUserId as userId } from '../../platform/auth/principal.js';
import { clearSessionCookie, setSessionCookie } from '../../platform/auth/session-cookie.js';
import { endAllSessionsOfUser, endSession, endSessionOfUser, listSessionsOfUser, startSession } from '../../platform/auth/sessions.js';
import { otpauthUri } from '../../platform/auth/totp.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { parseForm, problemsToErrors, translateErrors, type FieldErrorKeys } from '../../platform/http/forms.js';
import { redirectAfterPost, safeReturnPath, sendPage } from '../../platform/http/render.js';
import { listProfessions } from '../professions/professions.service.js';
import { listRegions } from '../regions/regions.service.js';
import {
  changeEmailSchema,
  changePasswordSchema,
  confirmTwoFactorSchema,
  deleteAccountSchema,
  disableTwoFactorSchema,
  forgotPasswordSchema,
  loginSchema,
  profileSchema,
  registerSchema,
  resetPasswordSchema,
  secondFactorSchema,
  tokenSchema,
} from './accounts.schemas.js';
import { findUserByEmail, getUser } from '../../platform/auth/users.js';
import * as service from './accounts.service.js';
import {
  AccountOverviewPage,
  ChangeEmailPage,
  ChangePasswordPage,
  ConfirmTokenPage,
  DeleteAccountPage,
  ForgotPasswordPage,
  LoginPage,
  MessagePage,
  RecoveryCodesPage,
  RegisterPage,
  ResetPasswordPage,
  SecondFactorPage,
  SessionsPage,
  TwoFactorPage,
  type FormState,
} from './accounts.views.js';

/** Per address: enough for a person who mistypes, too few for guessing. */
const LOGIN_RATE_LIMIT = { max: 10, timeWindow: '5 minutes' };
const ANONYMOUS_FORM_RATE_LIMIT = { max: 10, timeWindow: '10 minutes' };
const SECOND_FACTOR_RATE_LIMIT = { max: 10, timeWindow: '5 minutes' };

function meta(request: FastifyRequest) {
  return { ip: request.ip, userAgent: request.headers['user-agent'] ?? null };
}

function queryToken(request: FastifyRequest): string {
  const token = (request.query as Record<string, unknown>).token;
  return typeof token === 'string' ? token.slice(0, 200) : '';
}

export const accountsRoutes: FastifyPluginAsync = async (app) => {
  const deps = app.deps;
  const db = deps.db.kysely;

  deps.policy.define('second-factor-pending', {
    check: ({ request }) => request.pendingSecondFactorUserId !== null,
    needsLogin: false,
    allowedBeforeTwoFactorSetup: true,
  });
  deps.policy.define('account.two-factor-setup', {
    check: ({ principal }) => principal !== null,
    needsLogin: true,
    allowedBeforeTwoFactorSetup: true,
  });
  deps.policy.define('session.end', {
    check: ({ principal, request }) => principal !== null || request.pendingSecondFactorUserId !== null,
    needsLogin: false,
    allowedBeforeTwoFactorSetup: true,
  });

  const profileChoices = async () => ({ professions: listProfessions(), regions: await listRegions(db) });

  async function startLoggedInSession(request: FastifyRequest, reply: FastifyReply, id: string, secondFactorPending: boolean) {
    // A new session id at every login step, so a planted cookie is worthless.
    if (request.sessionIdHash) await endSession(db, request.sessionIdHash);
    const token = await startSession(db, id, meta(request), deps.clock(), secondFactorPending);
    setSessionCookie(reply, deps.config, token);
  }

  // Registration and e-mail verification

  app.get('/account/registreren', { config: { permission: 'public' } }, async (request, reply) => {
    const choices = await profileChoices();
    return sendPage(request, reply, (ctx) => RegisterPage({ ctx, state: { values: { profileType: '' } }, ...choices }));
  });

  app.post('/account/registreren', { config: { permission: 'public', rateLimit: ANONYMOUS_FORM_RATE_LIMIT } }, async (request, reply) => {
    const form = parseForm(registerSchema, request.body);
    const choices = await profileChoices();
    const fail = (errors: FieldErrorKeys) =>
      sendPage(request, reply, (ctx) => RegisterPage({ ctx, state: { values: form.values, errors: translateErrors(ctx.t, errors) }, ...choices }), 422);
    if (!form.ok) return fail(form.errors);
    const result = await inTransaction(deps, (tx) => service.register(tx, deps, form.data, request.ip));
    if (!result.ok) return fail(problemsToErrors(result.problems));
    return redirectAfterPost(reply, '/account/registreren/verstuurd');
  });

  app.get('/account/registreren/verstuurd', { config: { permission: 'public' } }, async (request, reply) =>
    sendPage(request, reply, (ctx) =>
      MessagePage({ ctx, title: ctx.t('accounts.register.sent.title'), body: ctx.t('accounts.register.sent.body'), note: ctx.t('accounts.register.sent.noMail') }),
    ),
  );

  app.get('/account/bevestigen', { config: { permission: 'public' } }, async (request, reply) => {
    const token = queryToken(request);
    const check = await service.peekToken(db, deps, token, 'verify');
    return sendPage(request, reply, (ctx) =>
      ConfirmTokenPage({
        ctx,
        title: ctx.t('accounts.verify.title'),
        body: ctx.t('accounts.verify.body'),
        action: '/account/bevestigen',
        token,
        submit: ctx.t('accounts.verify.submit'),
        problem: check.ok ? undefined : ctx.t(check.reason === 'expired' ? 'accounts.error.tokenExpired' : 'accounts.error.tokenInvalid'),
      }),
      check.ok ? 200 : 400,
    );
  });

  app.post('/account/bevestigen', { config: { permission: 'public', rateLimit: ANONYMOUS_FORM_RATE_LIMIT } }, async (request, reply) => {
    const form = parseForm(tokenSchema, request.body);
    const result = form.ok ? await inTransaction(deps, (tx) => service.verifyEmail(tx, deps, form.data.token, request.ip)) : ({ ok: false, reason: 'invalid' } as const);
    if (!result.ok) {
      return sendPage(
        request,
        reply,
        (ctx) =>
          ConfirmTokenPage({
            ctx,
            title: ctx.t('accounts.verify.title'),
            body: '',
            action: '/account/bevestigen',
            token: '',
            submit: '',
            problem: ctx.t(result.reason === 'expired' ? 'accounts.error.tokenExpired' : 'accounts.error.tokenInvalid'),
          }),
        400,
      );
    }
    return redirectAfterPost(reply, '/account/inloggen', 'accounts.verify.done');
  });

  // Login, second factor, logout

  app.get('/account/inloggen', { config: { permission: 'public' } }, async (request, reply) => {
    const returnTo = safeReturnPath((request.query as Record<string, unknown>).terug, '/');
    if (request.principal) return reply.code(303).redirect(returnTo);
    return sendPage(request, reply, (ctx) => LoginPage({ ctx, state: {}, returnTo }));
  });

  app.post('/account/inloggen', { config: { permission: 'public', rateLimit: LOGIN_RATE_LIMIT } }, async (request, reply) => {
    const form = parseForm(loginSchema, request.body);
    const returnTo = safeReturnPath(form.values.terug, '/');
    const fail = (state: FormState) => sendPage(request, reply, (ctx) => LoginPage({ ctx, state, returnTo }), 422);
    if (!form.ok) return sendPage(request, reply, (ctx) => LoginPage({ ctx, state: { values: form.values, errors: translateErrors(ctx.t, form.errors) }, returnTo }), 422);
    const result = await service.authenticate(deps, form.data.email, form.data.password, request.ip);
    if (!result.ok) {
      if (result.reason === 'unverified') {
        const user = await findUserByEmail(db, form.data.email);
        if (user) await inTransaction(deps, (tx) => service.resendVerification(tx, deps, user.id));
        return fail({ values: form.values, formError: request.t('accounts.error.unverified') });
      }
      const message =
        result.reason === 'throttled'
          ? request.t('accounts.error.loginThrottled', { seconds: result.waitSeconds ?? 60 })
          : request.t('accounts.error.loginFailed');
      return fail({ values: form.values, formError: message });
    }
    const pending = result.user.twoFactorEnabled;
    await startLoggedInSession(request, reply, result.user.id, pending);
    if (pending) return reply.code(303).redirect(`/account/inloggen/code?terug=${encodeURIComponent(returnTo)}`);
    await recordAudit(db, { actorId: result.user.id, event: 'login.success', target: result.user.id, ip: request.ip }, deps.clock());
    return reply.code(303).redirect(returnTo);
  });

  app.get('/account/inloggen/code', { config: { permission: 'second-factor-pending' } }, async (request, reply) => {
    const returnTo = safeReturnPath((request.query as Record<string, unknown>).terug, '/');
    return sendPage(request, reply, (ctx) => SecondFactorPage({ ctx, state: {}, returnTo }));
  });

  app.post('/account/inloggen/code', { config: { permission: 'second-factor-pending', rateLimit: SECOND_FACTOR_RATE_LIMIT } }, async (request, reply) => {
    const form = parseForm(secondFactorSchema, request.body);
    const returnTo = safeReturnPath(form.values.terug, '/');
    const pendingUserId = request.pendingSecondFactorUserId as string;
    if (!form.ok) {
      return sendPage(request, reply, (ctx) => SecondFactorPage({ ctx, state: { errors: translateErrors(ctx.t, form.errors) }, returnTo }), 422);
    }
    const result = await service.verifySecondFactor(deps, pendingUserId, form.data.code, request.ip);
    if (!result.ok) {
      const message =
        result.reason === 'throttled'
          ? request.t('accounts.error.loginThrottled', { seconds: result.waitSeconds ?? 60 })
          : request.t('accounts.error.codeWrong');
      return sendPage(request, reply, (ctx) => SecondFactorPage({ ctx, state: { errors: { code: message } }, returnTo }), 422);
    }
    await startLoggedInSession(request, reply, pendingUserId, false);
    await recordAudit(db, { actorId: pendingUserId, event: 'login.success', target: pendingUserId, detail: { secondFactor: true }, ip: request.ip }, deps.clock());
    if (result.usedRecoveryCode) return redirectAfterPost(reply, '/account/tweestapsverificatie');
    return reply.code(303).redirect(returnTo);
  });

  app.post('/account/uitloggen', { config: { permission: 'session.end' } }, async (request, reply) => {
    if (request.sessionIdHash) await endSession(db, request.sessionIdHash);
    const actor = request.principal?.userId ?? request.pendingSecondFactorUserId;
    await recordAudit(db, { actorId: actor, event: 'logout', target: actor, ip: request.ip }, deps.clock());
    clearSessionCookie(reply, deps.config);
    return redirectAfterPost(reply, '/', 'accounts.logout.done');
  });

  // Forgotten password

  app.get('/account/wachtwoord-vergeten', { config: { permission: 'public' } }, async (request, reply) =>
    sendPage(request, reply, (ctx) => ForgotPasswordPage({ ctx, state: {} })),
  );

  app.post('/account/wachtwoord-vergeten', { config: { permission: 'public', rateLimit: ANONYMOUS_FORM_RATE_LIMIT } }, async (request, reply) => {
    const form = parseForm(forgotPasswordSchema, request.body);
    if (!form.ok) {
      return sendPage(request, reply, (ctx) => ForgotPasswordPage({ ctx, state: { values: form.values, errors: translateErrors(ctx.t, form.errors) } }), 422);
    }
    await inTransaction(deps, (tx) => service.requestPasswordReset(tx, deps, form.data.email, request.ip));
    return redirectAfterPost(reply, '/account/wachtwoord-vergeten/verstuurd');
  });

  app.get('/account/wachtwoord-vergeten/verstuurd', { config: { permission: 'public' } }, async (request, reply) =>
    sendPage(request, reply, (ctx) => MessagePage({ ctx, title: ctx.t('accounts.forgot.sent.title'), body: ctx.t('accounts.forgot.sent.body') })),
  );

  app.get('/account/wachtwoord-herstellen', { config: { permission: 'public' } }, async (request, reply) => {
    const token = queryToken(request);
    const check = await service.peekToken(db, deps, token, 'reset');
    return sendPage(
      request,
      reply,
      (ctx) =>
        ResetPasswordPage({
          ctx,
          state: {},
          token,
          problem: check.ok ? undefined : ctx.t(check.reason === 'expired' ? 'accounts.error.tokenExpired' : 'accounts.error.tokenInvalid'),
        }),
      check.ok ? 200 : 400,
    );
  });

  app.post('/account/wachtwoord-herstellen', { config: { permission: 'public', rateLimit: ANONYMOUS_FORM_RATE_LIMIT } }, async (request, reply) => {
    const form = parseForm(resetPasswordSchema, request.body);
    const token = form.values.token ?? '';
    if (!form.ok) {
      const tokenProblem = form.errors.token ? request.t(form.errors.token) : undefined;
      return sendPage(request, reply, (ctx) => ResetPasswordPage({ ctx, state: { errors: translateErrors(ctx.t, form.errors) }, token, problem: tokenProblem }), 422);
    }
    const result = await inTransaction(deps, (tx) => service.resetPassword(tx, deps, form.data.token, form.data.password, request.ip));
    if (!result.ok) {
      return sendPage(
        request,
        reply,
        (ctx) => ResetPasswordPage({ ctx, state: {}, token, problem: ctx.t(result.reason === 'expired' ? 'accounts.error.tokenExpired' : 'accounts.error.tokenInvalid') }),
        400,
      );
    }
    if (request.sessionIdHash) clearSessionCookie(reply, deps.config);
    return redirectAfterPost(reply, '/account/inloggen', 'accounts.reset.done');
  });

  // Own account

  const renderOverview = async (request: FastifyRequest, reply: FastifyReply, state: FormState, status = 200) => {
    const user = await getUser(db, userId(request));
    if (!user) return reply.callNotFound();
    const choices = await profileChoices();
    const values = state.values ?? {
      name: user.name,
      profileType: user.profileType,
      professionSlug: user.professionSlug ?? '',
      homeRegionSlug: user.homeRegionSlug ?? '',
    };
    return sendPage(request, reply, (ctx) => AccountOverviewPage({ ctx, state: { ...state, values }, email: user.email, twoFactorEnabled: user.twoFactorEnabled, ...choices }), status);
  };

  app.get('/account', { config: { permission: 'authenticated' } }, async (request, reply) => renderOverview(request, reply, {}));

  app.post('/account/profiel', { config: { permission: 'authenticated' } }, async (request, reply) => {
    const form = parseForm(profileSchema, request.body);
    if (!form.ok) return renderOverview(request, reply, { values: form.values, errors: translateErrors(request.t, form.errors) }, 422);
    const result = await inTransaction(deps, (tx) => service.updateProfile(tx, deps, userId(request), form.data));
    if (!result.ok) return renderOverview(request, reply, { values: form.values, errors: translateErrors(request.t, problemsToErrors(result.problems)) }, 422);
    return redirectAfterPost(reply, '/account', 'accounts.profile.saved');
  });

  app.get('/account/wachtwoord', { config: { permission: 'authenticated' } }, async (request, reply) =>
    sendPage(request, reply, (ctx) => ChangePasswordPage({ ctx, state: {} })),
  );

  app.post('/account/wachtwoord', { config: { permission: 'authenticated', rateLimit: LOGIN_RATE_LIMIT } }, async (request, reply) => {
    const form = parseForm(changePasswordSchema, request.body);
    const fail = (errors: FieldErrorKeys) => sendPage(request, reply, (ctx) => ChangePasswordPage({ ctx, state: { errors: translateErrors(ctx.t, errors) } }), 422);
    if (!form.ok) return fail(form.errors);
    const id = userId(request);
    const result = await inTransaction(deps, (tx) => service.changePassword(tx, deps, id, form.data.currentPassword, form.data.password, request.ip));
    if (!result.ok) return fail(problemsToErrors(result.problems));
    // All sessions ended with the change; this device continues in a fresh one.
    const token = await startSession(db, id, meta(request), deps.clock(), false);
    setSessionCookie(reply, deps.config, token);
    return redirectAfterPost(reply, '/account', 'accounts.password.done');
  });

  app.get('/account/e-mailadres', { config: { permission: 'authenticated' } }, async (request, reply) =>
    sendPage(request, reply, (ctx) => ChangeEmailPage({ ctx, state: {}, currentEmail: request.principal?.email ?? '' })),
  );

  app.post('/account/e-mailadres', { config: { permission: 'authenticated', rateLimit: LOGIN_RATE_LIMIT } }, async (request, reply) => {
    const form = parseForm(changeEmailSchema, request.body);
    const fail = (errors: FieldErrorKeys) =>
      sendPage(request, reply, (ctx) => ChangeEmailPage({ ctx, state: { values: form.values, errors: translateErrors(ctx.t, errors) }, currentEmail: request.principal?.email ?? '' }), 422);
    if (!form.ok) return fail(form.errors);
    const result = await inTransaction(deps, (tx) => service.requestEmailChange(tx, deps, userId(request), form.data.currentPassword, form.data.email));
    if (!result.ok) return fail(problemsToErrors(result.problems));
    return redirectAfterPost(reply, '/account', 'accounts.email.sent');
  });

  app.get('/account/e-mailadres/bevestigen', { config: { permission: 'public' } }, async (request, reply) => {
    const token = queryToken(request);
    const check = await service.peekToken(db, deps, token, 'email');
    return sendPage(
      request,
      reply,
      (ctx) =>
        ConfirmTokenPage({
          ctx,
          title: ctx.t('accounts.email.confirm.title'),
          body: ctx.t('accounts.email.confirm.body'),
          action: '/account/e-mailadres/bevestigen',
          token,
          submit: ctx.t('accounts.email.confirm.submit'),
          problem: check.ok ? undefined : ctx.t(check.reason === 'expired' ? 'accounts.error.tokenExpired' : 'accounts.error.tokenInvalid'),
        }),
      check.ok ? 200 : 400,
    );
  });

  app.post('/account/e-mailadres/bevestigen', { config: { permission: 'public', rateLimit: ANONYMOUS_FORM_RATE_LIMIT } }, async (request, reply) => {
    const form = parseForm(tokenSchema, request.body);
    const result = form.ok ? await inTransaction(deps, (tx) => service.confirmEmailChange(tx, deps, form.data.token, request.ip)) : ({ ok: false, reason: 'invalid' } as const);
    if (!result.ok) {
      const key = result.reason === 'expired' ? 'accounts.error.tokenExpired' : result.reason === 'taken' ? 'accounts.error.emailChangeTaken' : 'accounts.error.tokenInvalid';
      return sendPage(
        request,
        reply,
        (ctx) => ConfirmTokenPage({ ctx, title: ctx.t('accounts.email.confirm.title'), body: '', action: '', token: '', submit: '', problem: ctx.t(key) }),
        400,
      );
    }
    return redirectAfterPost(reply, request.principal ? '/account' : '/account/inloggen', 'accounts.email.done');
  });

  // Sessions

  app.get('/account/sessies', { config: { permission: 'authenticated' } }, async (request, reply) => {
    const principal = request.principal!;
    const rows = await listSessionsOfUser(db, principal.userId);
    const sessions = rows.map((r) => ({
      idHash: r.id_hash,
      createdAt: r.created_at,
      lastSeenAt: r.last_seen_at,
      userAgent: r.user_agent,
      ip: r.ip,
      current: r.id_hash === principal.sessionIdHash,
    }));
    return sendPage(request, reply, (ctx) => SessionsPage({ ctx, sessions }));
  });

  app.post('/account/sessies/elders-uitloggen', { config: { permission: 'authenticated' } }, async (request, reply) => {
    const principal = request.principal!;
    await endAllSessionsOfUser(db, principal.userId, principal.sessionIdHash);
    await recordAudit(db, { actorId: principal.userId, event: 'account.sessions_ended', target: principal.userId, ip: request.ip }, deps.clock());
    return redirectAfterPost(reply, '/account/sessies', 'accounts.sessions.othersEnded');
  });

  app.post<{ Params: { idHash: string } }>('/account/sessies/:idHash/beeindigen', { config: { permission: 'authenticated' } }, async (request, reply) => {
    const principal = request.principal!;
    const result = await endSessionOfUser(db, principal.userId, request.params.idHash);
    if (Number(result.numDeletedRows) === 0) return reply.callNotFound();
    return redirectAfterPost(reply, '/account/sessies', 'accounts.sessions.ended');
  });

  // Two-factor authentication

  const renderTwoFactor = async (request: FastifyRequest, reply: FastifyReply, state: FormState, status = 200) => {
    const principal = request.principal!;
    const user = await getUser(db, principal.userId);
    if (!user) return reply.callNotFound();
    const enrolment = user.twoFactorPendingSecret
      ? {
          secret: user.twoFactorPendingSecret,
          qrDataUrl: await QRCode.toDataURL(otpauthUri('Werkplaats MMM', user.email, user.twoFactorPendingSecret), { errorCorrectionLevel: 'M', margin: 2, width: 224 }),
        }
      : null;
    const remainingCodes = user.twoFactorEnabled ? await service.countUnusedRecoveryCodes(db, user.id) : 0;
    return sendPage(
      request,
      reply,
      (ctx) =>
        TwoFactorPage({
          ctx,
          state,
          required: mustUseTwoFactor(principal),
          enabled: user.twoFactorEnabled,
          mayDisable: !mustUseTwoFactor(principal),
          enrolment,
          remainingCodes,
        }),
      status,
    );
  };

  app.get('/account/tweestapsverificatie', { config: { permission: 'account.two-factor-setup' } }, async (request, reply) => renderTwoFactor(request, reply, {}));

  app.post('/account/tweestapsverificatie/starten', { config: { permission: 'account.two-factor-setup' } }, async (request, reply) => {
    const user = await getUser(db, userId(request));
    if (user && !user.twoFactorEnabled) await service.beginTwoFactorEnrolment(db, deps, user.id);
    return redirectAfterPost(reply, '/account/tweestapsverificatie');
  });

  app.post('/account/tweestapsverificatie/bevestigen', { config: { permission: 'account.two-factor-setup', rateLimit: SECOND_FACTOR_RATE_LIMIT } }, async (request, reply) => {
    const form = parseForm(confirmTwoFactorSchema, request.body);
    if (!form.ok) return renderTwoFactor(request, reply, { errors: translateErrors(request.t, form.errors) }, 422);
    const result = await inTransaction(deps, (tx) => service.confirmTwoFactorEnrolment(tx, deps, userId(request), form.data.code, request.ip));
    if (!result.ok) return renderTwoFactor(request, reply, { errors: { code: request.t('accounts.error.codeWrong') } }, 422);
    return sendPage(request, reply, (ctx) => RecoveryCodesPage({ ctx, codes: result.recoveryCodes }));
  });

  app.post('/account/tweestapsverificatie/herstelcodes', { config: { permission: 'authenticated', rateLimit: SECOND_FACTOR_RATE_LIMIT } }, async (request, reply) => {
    const form = parseForm(confirmTwoFactorSchema, request.body);
    if (!form.ok) return renderTwoFactor(request, reply, { errors: translateErrors(request.t, form.errors) }, 422);
    const codes = await inTransaction(deps, (tx) => service.regenerateRecoveryCodes(tx, deps, userId(request), form.data.code));
    if (!codes) return renderTwoFactor(request, reply, { errors: { code: request.t('accounts.error.codeWrong') } }, 422);
    return sendPage(request, reply, (ctx) => RecoveryCodesPage({ ctx, codes }));
  });

  app.post('/account/tweestapsverificatie/uitzetten', { config: { permission: 'authenticated', rateLimit: SECOND_FACTOR_RATE_LIMIT } }, async (request, reply) => {
    if (mustUseTwoFactor(request.principal!)) return renderTwoFactor(request, reply, {}, 403);
    const form = parseForm(disableTwoFactorSchema, request.body);
    if (!form.ok) return renderTwoFactor(request, reply, { errors: translateErrors(request.t, form.errors) }, 422);
    const result = await inTransaction(deps, (tx) =>
      service.disableTwoFactor(tx, deps, userId(request), form.data.currentPassword, form.data.disableCode, request.ip),
    );
    if (!result.ok) {
      const errors = problemsToErrors(result.problems.map((p) => (p.field === 'code' ? { ...p, field: 'disableCode' } : p)));
      return renderTwoFactor(request, reply, { errors: translateErrors(request.t, errors) }, 422);
    }
    return redirectAfterPost(reply, '/account/tweestapsverificatie', 'accounts.twoFactor.disabled');
  });

  // Deleting one's own account

  app.get('/account/verwijderen', { config: { permission: 'authenticated' } }, async (request, reply) =>
    sendPage(request, reply, (ctx) => DeleteAccountPage({ ctx, state: {} })),
  );

  app.post('/account/verwijderen', { config: { permission: 'authenticated', rateLimit: LOGIN_RATE_LIMIT } }, async (request, reply) => {
    const form = parseForm(deleteAccountSchema, request.body);
    const fail = (errors: FieldErrorKeys) =>
      sendPage(request, reply, (ctx) => DeleteAccountPage({ ctx, state: { values: { confirm: form.values.confirm }, errors: translateErrors(ctx.t, errors) } }), 422);
    if (!form.ok) return fail(form.errors);
    const result = await inTransaction(deps, (tx) => service.deleteAccount(tx, deps, userId(request), form.data.currentPassword, request.ip));
    if (!result.ok) return fail(problemsToErrors(result.problems));
    clearSessionCookie(reply, deps.config);
    return redirectAfterPost(reply, '/', 'accounts.delete.done');
  });
};

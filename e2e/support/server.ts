import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Secret, TOTP } from 'otpauth';
import { v4 as uuidv4 } from 'uuid';
import { type Actor, SYSTEM_CLI } from '../../src/domain/identity/actor.ts';
import { buildRegistry } from '../../src/server/commands/registry.ts';
import { runCommand } from '../../src/server/commands/run.ts';
import { loadConfig } from '../../src/server/config.ts';
import { secretBoxProvider } from '../../src/server/crypto/secret-key.ts';
import { openDatabase } from '../../src/server/db/open.ts';
import { advanceClockForTests, resetClockForTests } from '../../src/server/clock.ts';
import { startServer } from '../../src/server/main.ts';

/** The built app; SIRA_E2E_WEB_DIR points elsewhere so parallel work can build into its own folder. */
export const WEB_DIR = process.env.SIRA_E2E_WEB_DIR ?? fileURLToPath(new URL('../../dist/web', import.meta.url));

export interface E2eUser {
  email: string;
  password: string;
  displayName: string;
  organisationName: string;
}

/** A user whose sign-in asks for a code; `code()` is what their authenticator app shows now. */
export interface E2eTotpUser extends E2eUser {
  secret: string;
  code(timestamp?: number): string;
}

/** What an authenticator app enrolled with this base32 secret shows (SHA-1, 6 digits, 30 s). */
export function totpCode(secret: string, timestamp = Date.now()): string {
  return new TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) }).generate({ timestamp });
}

export interface E2eServer {
  url: string;
  /** A frontline identifier: no administration ability. */
  user: E2eUser;
  /** A system administrator of the same organisation (sees the background jobs page). */
  admin: E2eUser;
  /** A frontline identifier who set up a second factor (TOTP) through the real commands. */
  totpUser: E2eTotpUser;
  /** An auditor of the same organisation: reads the audit log, nothing else. */
  auditor: E2eUser;
  /** An organisation administrator of the same organisation: manages its accounts only. */
  orgAdmin: E2eUser;
  /** A frontline identifier of another organisation, out of the organisation administrator's reach. */
  otherOrgUser: E2eUser;
  /**
   * Holds a custom role that requires a second factor, and has none yet: after sign-in the
   * server opens only enrolment to them (TOTP_ENROLMENT_REQUIRED).
   */
  totpRequiredUser: E2eUser;
  /** Keeps the directory entries of the first organisation (service_focal_point, `directory.manage:own`). */
  focalPoint: E2eUser;
  /** A caseworker (case_manager) of the other organisation: reads the directory, edits nothing. */
  otherOrgCaseworker: E2eUser;
  /** An NRM coordinator (in the first organisation): decides link requests, reviews consent overrides. */
  coordinator: E2eUser;
  /** A community engagement officer of the first organisation: plans and runs its activities, keeps the activity library. */
  officer: E2eUser;
  /**
   * A person registered in the other organisation ("Fatoumata Traoré", born 2001-03-05, phone
   * +223 70 11 22 33), so that a registration in the first organisation meets a likely duplicate.
   */
  otherOrgCase: { caseId: string; caseCode: string; givenName: string };
  /** Answers referrals to the other organisation ("Solidarité Faso Migrants"): a service focal point there. */
  otherOrgFocalPoint: E2eUser;
  /** A service focal point of a third organisation, in Kayes, that receives referrals too. */
  thirdOrgFocalPoint: E2eUser;
  /** Directory entries made through the real commands, after the NRM taxonomy was seeded. */
  services: {
    /** Of the focal point's organisation; its name and town carry accents ("Santé", "Ségou"). */
    own: { id: string; name: string };
    /** Of the other organisation: the focal point may read it, not edit it. */
    other: { id: string; name: string };
    /** The other organisation's shelter (Burkina Faso, Hauts-Bassins): where referrals go. */
    shelter: { id: string; name: string };
    /** The third organisation's legal aid (Mali, Kayes). */
    legal: { id: string; name: string };
  };
  /** Moves the server's clock forward (deadlines, jobs); stop() puts it back. */
  advanceClock(ms: number): void;
  stop(): Promise<void>;
}

export interface E2eServerOptions {
  /** Serve another copy of the built app (e.g. one a test modifies to publish an update). */
  webDir?: string;
}

/**
 * The real server on a fresh embedded database, serving the built web app, with one
 * organisation and one user made through the real commands, as the CLI would.
 */
export async function startE2eServer(options: E2eServerOptions = {}): Promise<E2eServer> {
  const webDir = options.webDir ?? WEB_DIR;
  if (!fs.existsSync(path.join(webDir, 'index.html'))) {
    throw new Error(`${webDir}/index.html is missing: run "npm run build:web" (npm run test:e2e does it)`);
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sira-e2e-'));
  const config = loadConfig({ SIRA_DATA_DIR: dataDir, PORT: '0', SIRA_WEB_DIR: webDir, SIRA_LOG_LEVEL: 'silent' });
  const user: E2eUser = {
    email: 'awa.traore@example.org',
    password: 'correct horse battery staple',
    displayName: 'Awa Traoré',
    organisationName: 'Association Sahel Entraide',
  };
  const admin: E2eUser = {
    email: 'moussa.diarra@example.org',
    password: 'another long passphrase',
    displayName: 'Moussa Diarra',
    organisationName: user.organisationName,
  };

  const auditor: E2eUser = {
    email: 'mariam.ouedraogo@example.org',
    password: 'an auditor passphrase',
    displayName: 'Mariam Ouédraogo',
    organisationName: user.organisationName,
  };
  const totpUser: E2eTotpUser = {
    email: 'fatoumata.keita@example.org',
    password: 'a third long passphrase',
    displayName: 'Fatoumata Keïta',
    organisationName: user.organisationName,
    secret: '',
    code(timestamp) {
      return totpCode(this.secret, timestamp);
    },
  };

  const orgAdmin: E2eUser = {
    email: 'kadiatou.sidibe@example.org',
    password: 'an organisation passphrase',
    displayName: 'Kadiatou Sidibé',
    organisationName: user.organisationName,
  };
  const otherOrgUser: E2eUser = {
    email: 'issa.kabore@example.org',
    password: 'a passphrase in Ouagadougou',
    displayName: 'Issa Kaboré',
    organisationName: 'Solidarité Faso Migrants',
  };
  const totpRequiredUser: E2eUser = {
    email: 'boubacar.maiga@example.org',
    password: 'a guarded long passphrase',
    displayName: 'Boubacar Maïga',
    organisationName: user.organisationName,
  };

  const focalPoint: E2eUser = {
    email: 'aminata.coulibaly@example.org',
    password: 'a focal point passphrase',
    displayName: 'Aminata Coulibaly',
    organisationName: user.organisationName,
  };
  const otherOrgCaseworker: E2eUser = {
    email: 'salif.ouattara@example.org',
    password: 'a caseworker passphrase',
    displayName: 'Salif Ouattara',
    organisationName: otherOrgUser.organisationName,
  };
  const coordinator: E2eUser = {
    email: 'oumar.sangare@example.org',
    password: 'a coordinator passphrase',
    displayName: 'Oumar Sangaré',
    organisationName: user.organisationName,
  };
  const officer: E2eUser = {
    email: 'hawa.konate@example.org',
    password: 'a community officer passphrase',
    displayName: 'Hawa Konaté',
    organisationName: user.organisationName,
  };
  const otherOrgCase = { caseId: uuidv4(), caseCode: '', givenName: 'Fatoumata' };
  const otherOrgFocalPoint: E2eUser = {
    email: 'rasmane.sawadogo@example.org',
    password: 'a shelter focal point passphrase',
    displayName: 'Rasmané Sawadogo',
    organisationName: otherOrgUser.organisationName,
  };
  const thirdOrgFocalPoint: E2eUser = {
    email: 'sekou.diakite@example.org',
    password: 'a passphrase from Kayes',
    displayName: 'Sékou Diakité',
    organisationName: "Centre d'accueil de Kayes",
  };
  const services = {
    own: { id: uuidv4(), name: 'Santé et écoute des migrants de Ségou' },
    other: { id: uuidv4(), name: 'Accueil de jour de Ouagadougou' },
    shelter: { id: uuidv4(), name: 'Hébergement de transit de Bobo-Dioulasso' },
    legal: { id: uuidv4(), name: 'Conseil juridique de Kayes' },
  };

  // Seeded before the server opens the folder: the data folder admits one process at a time.
  const opened = await openDatabase(config);
  try {
    const registry = buildRegistry();
    // The same key file the server then opens (in the data folder), as for any sealed secret.
    const secrets = secretBoxProvider(config);
    const run = (name: string, input: unknown, actor: Actor = SYSTEM_CLI) =>
      runCommand(opened.database.db, registry, { name, commandId: uuidv4(), input, actor, requestId: 'e2e-seed', locale: 'fr', secrets });
    const organisationId = uuidv4();
    await run('organisation.create', { organisationId, name: user.organisationName, type: 'ngo', country: 'ML', regionPcodes: ['ML01'] });
    await run('user.create', { userId: uuidv4(), email: user.email, displayName: user.displayName, password: user.password, organisationId, roles: ['frontline_identifier'] });
    await run('user.create', { userId: uuidv4(), email: admin.email, displayName: admin.displayName, password: admin.password, organisationId, roles: ['system_admin'] });
    await run('user.create', { userId: uuidv4(), email: auditor.email, displayName: auditor.displayName, password: auditor.password, organisationId, roles: ['auditor'] });
    // Enrolled as the person would do it from their account: begin, then confirm with a code.
    const totpUserId = uuidv4();
    await run('user.create', { userId: totpUserId, email: totpUser.email, displayName: totpUser.displayName, password: totpUser.password, organisationId, roles: ['frontline_identifier'] });
    const self: Actor = { kind: 'user', userId: totpUserId, organisationId, roles: ['frontline_identifier'], permissions: new Set() };
    const begun = await run('user.totp_begin', {}, self);
    totpUser.secret = (begun.ephemeral as { secret: string }).secret;
    // The previous time step's code (accepted for clock drift), so that the current one is
    // still unused when a test signs in at once.
    await run('user.totp_confirm', { code: totpCode(totpUser.secret, Date.now() - 30_000) }, self);
    await run('user.create', { userId: uuidv4(), email: orgAdmin.email, displayName: orgAdmin.displayName, password: orgAdmin.password, organisationId, roles: ['organisation_admin'] });
    const otherOrganisationId = uuidv4();
    await run('organisation.create', { organisationId: otherOrganisationId, name: otherOrgUser.organisationName, type: 'ngo', country: 'BF', regionPcodes: ['BF46'] });
    await run('user.create', { userId: uuidv4(), email: otherOrgUser.email, displayName: otherOrgUser.displayName, password: otherOrgUser.password, organisationId: otherOrganisationId, roles: ['frontline_identifier'] });
    // A custom role, so that no default role (and no other test's account) changes.
    await run('role.save', { key: 'sensitive_data_officer', label: 'Responsable des données sensibles', permissions: [], requiresTotp: true });
    await run('user.create', { userId: uuidv4(), email: totpRequiredUser.email, displayName: totpRequiredUser.displayName, password: totpRequiredUser.password, organisationId, roles: ['sensitive_data_officer'] });
    // The directory: the shipped taxonomy, then one entry per organisation (synthetic numbers, zeros after the country code).
    await run('taxonomy.seed', {});
    // The shipped activity library (themes, exercises, questionnaire items); the forms themselves are not seeded here.
    await run('activity_library.seed_builtin', {});
    await run('service.create', {
      serviceId: services.own.id,
      organisationId,
      name: services.own.name,
      description: 'Écoute, soins et orientation des migrants de passage.',
      serviceTypes: ['psychosocial', 'medical'],
      targetGroups: ['stranded_migrant'],
      languages: ['fr', 'bm'],
      costs: [{ kind: 'free' }],
      phones: [{ number: '+223 00 00 00 01' }],
      schedules: [{ days: ['MO', 'TU', 'WE', 'TH', 'FR'], opensAt: '08:00', closesAt: '16:00' }],
      coverage: ['ML04'],
      locations: [{ id: uuidv4(), name: 'Centre de Ségou', admin1Pcode: 'ML04', address: { address1: 'Quartier Médine', city: 'Ségou', country: 'ML' } }],
    });
    await run('service.create', {
      serviceId: services.other.id,
      organisationId: otherOrganisationId,
      name: services.other.name,
      serviceTypes: ['food'],
      languages: ['fr', 'mos'],
      costs: [{ kind: 'free' }],
      phones: [{ number: '+226 00 00 00 02' }],
      coverage: ['BF13'],
      locations: [{ id: uuidv4(), name: 'Accueil de jour', admin1Pcode: 'BF13', address: { address1: 'Secteur 12', city: 'Ouagadougou', country: 'BF' } }],
    });
    await run('user.create', { userId: uuidv4(), email: focalPoint.email, displayName: focalPoint.displayName, password: focalPoint.password, organisationId, roles: ['service_focal_point'] });
    await run('user.create', { userId: uuidv4(), email: otherOrgCaseworker.email, displayName: otherOrgCaseworker.displayName, password: otherOrgCaseworker.password, organisationId: otherOrganisationId, roles: ['case_manager'] });
    await run('user.create', { userId: uuidv4(), email: coordinator.email, displayName: coordinator.displayName, password: coordinator.password, organisationId, roles: ['nrm_coordinator'] });
    await run('user.create', { userId: uuidv4(), email: officer.email, displayName: officer.displayName, password: officer.password, organisationId, roles: ['community_engagement_officer'] });
    const registered = await run('case.register', {
      caseId: otherOrgCase.caseId,
      organisationId: otherOrganisationId,
      regionPcode: 'BF13',
      identity: { givenName: 'Fatoumata', familyName: 'Traoré', dateOfBirth: '2001-03-05', phone: '+223 70 11 22 33', motherName: 'Aminata Diallo', placeOfOrigin: 'Kayes' },
      stats: { sex: 'female', nationality: 'ML' },
      consents: [{ layer: 'services', decision: 'granted', givenBy: 'self', language: 'fr', givenAt: new Date(Date.now() - 60_000).toISOString() }],
    });
    otherOrgCase.caseCode = (registered.result as { caseCode: string }).caseCode;
    // Referrals: a shelter in the other organisation, and a third organisation with legal aid.
    await run('user.create', { userId: uuidv4(), email: otherOrgFocalPoint.email, displayName: otherOrgFocalPoint.displayName, password: otherOrgFocalPoint.password, organisationId: otherOrganisationId, roles: ['service_focal_point'] });
    await run('service.create', {
      serviceId: services.shelter.id,
      organisationId: otherOrganisationId,
      name: services.shelter.name,
      serviceTypes: ['shelter'],
      targetGroups: ['stranded_migrant'],
      languages: ['fr'],
      costs: [{ kind: 'free' }],
      phones: [{ number: '+226 00 00 00 03' }],
      coverage: ['BF46'],
      locations: [{ id: uuidv4(), name: 'Centre de transit', admin1Pcode: 'BF46', address: { address1: 'Secteur 4', city: 'Bobo-Dioulasso', country: 'BF' } }],
    });
    const thirdOrganisationId = uuidv4();
    await run('organisation.create', { organisationId: thirdOrganisationId, name: thirdOrgFocalPoint.organisationName, type: 'ngo', country: 'ML', regionPcodes: ['ML01'] });
    await run('user.create', { userId: uuidv4(), email: thirdOrgFocalPoint.email, displayName: thirdOrgFocalPoint.displayName, password: thirdOrgFocalPoint.password, organisationId: thirdOrganisationId, roles: ['service_focal_point'] });
    await run('service.create', {
      serviceId: services.legal.id,
      organisationId: thirdOrganisationId,
      name: services.legal.name,
      serviceTypes: ['legal_aid'],
      languages: ['fr', 'bm'],
      costs: [{ kind: 'free' }],
      phones: [{ number: '+223 00 00 00 04' }],
      coverage: ['ML01'],
      locations: [{ id: uuidv4(), name: 'Bureau de Kayes', admin1Pcode: 'ML01', address: { address1: 'Quartier Plateau', city: 'Kayes', country: 'ML' } }],
    });
  } finally {
    await opened.close();
  }

  const server = await startServer(config, { logger: false });
  return {
    url: server.url,
    user,
    admin,
    totpUser,
    auditor,
    orgAdmin,
    otherOrgUser,
    totpRequiredUser,
    focalPoint,
    otherOrgCaseworker,
    coordinator,
    officer,
    otherOrgCase,
    otherOrgFocalPoint,
    thirdOrgFocalPoint,
    services,
    advanceClock: advanceClockForTests,
    async stop() {
      resetClockForTests();
      await server.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

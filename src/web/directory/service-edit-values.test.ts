import { describe, expect, it } from 'vitest';
import { createServiceInput, updateServiceInput } from '../../domain/directory/schemas.ts';
import type { ServiceDetail } from './service-edit-api.ts';
import { emptyValues, mergeSchedules, serverFieldPath, serviceResolver, toInput, valuesFromDetail } from './service-edit-values.ts';

const SERVICE_ID = '0193a3f0-0000-7000-8000-000000000001';
const LOCATION_ID = '0193a3f0-0000-7000-8000-000000000002';
const ORGANISATION_ID = '0193a3f0-0000-7000-8000-000000000003';

const detail: ServiceDetail = {
  id: SERVICE_ID,
  name: 'Santé et écoute des migrants de Ségou',
  organisation: { id: ORGANISATION_ID, name: 'Association Sahel Entraide', acronym: null },
  status: 'active',
  serviceTypes: ['psychosocial', 'medical'],
  targetGroups: ['stranded_migrant'],
  costKinds: ['paid'],
  languages: ['fr', 'bm'],
  coverage: ['ML04', 'ML0401'],
  cities: ['Ségou'],
  phone: '+223 00 00 00 01',
  openNow: false,
  lastVerifiedAt: null,
  stale: true,
  alternateName: null,
  description: null,
  url: 'https://example.org/segou',
  email: null,
  visibility: 'members',
  interpretationServices: null,
  applicationProcess: 'Se présenter au centre.',
  feesDescription: null,
  eligibilityDescription: null,
  minimumAge: 12,
  maximumAge: null,
  alert: null,
  costs: [{ kind: 'paid', amount: 5000, currency: 'XOF', description: null }],
  phones: [{ number: '+223 00 00 00 01', extension: null, type: 'voice', description: null, languages: ['bm'] }],
  contacts: [{ name: 'Point focal protection', title: null, department: null, email: null, phone: null }],
  schedules: [
    { days: ['TU', 'MO'], opensAt: '08:00', closesAt: '12:00', notes: null },
    { days: ['MO'], opensAt: '14:00', closesAt: '17:00', notes: null },
  ],
  locations: [
    {
      id: LOCATION_ID,
      locationType: 'physical',
      name: 'Centre de Ségou',
      description: null,
      transportation: null,
      latitude: 13.43,
      longitude: -6.26,
      admin1Pcode: 'ML04',
      admin2Pcode: 'ML0401',
      confidential: true,
      address: { address1: 'Quartier Médine', address2: null, city: 'Ségou', region: null, stateProvince: 'Ségou', country: 'ML' },
    },
  ],
  capacity: { unit: 'bed', available: 3, maximum: 10, description: null, updatedAt: '2026-11-01T00:00:00.000Z' },
  updatedAt: '2026-11-01T00:00:00.000Z',
  canEdit: true,
};

describe('service form values', () => {
  it('sends back an unchanged entry as the server holds it, hours merged again', () => {
    const values = valuesFromDetail(detail);
    expect(values.schedules.map((h) => `${h.day} ${h.opensAt}`)).toEqual(['MO 08:00', 'MO 14:00', 'TU 08:00']);
    const parsed = updateServiceInput.parse({ ...toInput(values), serviceId: SERVICE_ID });
    expect(mergeSchedules(parsed.schedules)).toEqual([
      { days: ['MO', 'TU'], opensAt: '08:00', closesAt: '12:00', notes: null },
      { days: ['MO'], opensAt: '14:00', closesAt: '17:00', notes: null },
    ]);
    // What the form does not show goes back untouched, including an admin-2 code it offers no box for.
    expect(parsed).toMatchObject({
      url: 'https://example.org/segou',
      visibility: 'members',
      applicationProcess: 'Se présenter au centre.',
      minimumAge: 12,
      coverage: ['ML04', 'ML0401'],
      contacts: [{ name: 'Point focal protection' }],
      phones: [{ number: '+223 00 00 00 01', type: 'voice', languages: ['bm'] }],
      costs: [{ kind: 'paid', amount: 5000 }],
      capacity: { unit: 'bed', available: 3, maximum: 10 },
    });
    expect(parsed.locations[0]).toMatchObject({ id: LOCATION_ID, admin2Pcode: 'ML0401', confidential: true, latitude: 13.43, address: { address1: 'Quartier Médine', city: 'Ségou', country: 'ML' } });
  });

  it('turns empty boxes into absent values: no capacity, no address, no trailing phone', () => {
    const values = { ...emptyValues(), name: 'Repas', serviceTypes: ['food'], phones: [{ number: '+223 00 00 00 05' }, { number: ' ' }] };
    values.locations = [{ ...valuesFromDetail(detail).locations[0]!, address: { address1: '', address2: null, city: '', region: null, country: 'ML' } }];
    const parsed = createServiceInput.parse({ ...toInput(values), serviceId: SERVICE_ID, organisationId: ORGANISATION_ID });
    expect(parsed.capacity).toBeNull();
    expect(parsed.locations[0]?.address).toBeNull();
    expect(parsed.phones.map((p) => p.number)).toEqual(['+223 00 00 00 05']);
    expect(parsed.costs).toEqual([{ kind: 'free', amount: null, description: null }]);
  });

  it('puts translated messages on the fields the form shows', async () => {
    const values = valuesFromDetail(detail);
    values.name = ' ';
    values.phones[0]!.number = 'appelez-nous';
    values.schedules[0]!.closesAt = '07:00';
    values.capacity.available = '12';
    values.serviceTypes = [];
    const resolve = serviceResolver(updateServiceInput, 'fr', { serviceId: SERVICE_ID });
    const { errors } = (await resolve(values, undefined, { fields: {}, shouldUseNativeValidation: false })) as { errors: Record<string, unknown> };
    expect(errors).toMatchObject({
      name: { message: 'Ce champ est obligatoire.' },
      phones: [{ number: { message: 'Format invalide.' } }],
      schedules: [{ closesAt: { message: "L'heure de fermeture doit suivre l'heure d'ouverture." } }],
      capacity: { available: { message: 'Plus de places disponibles que la capacité totale.' } },
      serviceTypes: { message: 'Choisissez au moins 1 élément.' },
    });
    const english = serviceResolver(updateServiceInput, 'en', { serviceId: SERVICE_ID });
    const inEnglish = (await english(values, undefined, { fields: {}, shouldUseNativeValidation: false })) as { errors: { schedules: { closesAt: { message: string } }[] } };
    expect(inEnglish.errors.schedules[0]?.closesAt.message).toBe('The closing time must come after the opening time.');
  });

  it("places the server's details on the field they name, and leaves merged hours to the message above", () => {
    expect(serverFieldPath('input.phones.1.number')).toBe('phones.1.number');
    expect(serverFieldPath('input.serviceTypes.2')).toBe('serviceTypes');
    expect(serverFieldPath('input.locations.0.address.city')).toBe('locations.0.address.city');
    expect(serverFieldPath('input.locations.0.id')).toBeUndefined();
    expect(serverFieldPath('input.schedules.0.closesAt')).toBeUndefined();
    expect(serverFieldPath('input.organisationId')).toBeUndefined();
    expect(serverFieldPath('name')).toBeUndefined();
  });
});

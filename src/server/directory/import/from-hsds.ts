import { CONFIDENTIAL_LINK_TYPE, VISIBILITY_LINK_TYPE } from '../export/hsds-json.ts';
import { type Candidate, type PathProblem, type Where, blank, defined, locator, textOf } from './candidate.ts';

/** Term ids known to the database, for attributes that name a term by id only. */
export type TermCodes = ReadonlyMap<string, { linkType: string; code: string }>;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter(isObj) : []);
/** Numbers as HSDS writes them; text that is not a number is passed on for the schema to refuse. */
const numberOf = (v: unknown): unknown => (blank(v) ? undefined : typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v.trim()) ? Number(v) : v);
const attributes = (o: Obj, linkType: string) => list(o.attributes).filter((a) => a.link_type === linkType);

/**
 * A fully nested HSDS service (as the API and the JSON export write it, or as the tabular
 * reader rebuilds it) as the input of `service.create`. `where(object, field)` says where a
 * field of one of its objects was read, so every problem points at its cell or JSON member.
 */
export function candidateFromHsds(s: Obj, terms: TermCodes, where: (o: Obj, field: string) => Where): Candidate {
  const origins = new Map<string, Where>();
  const problems: PathProblem[] = [];
  const from = (path: string, o: Obj, field: string) => origins.set(path, where(o, field));
  const field = (path: string, o: Obj, name: string) => {
    from(path, o, name);
    return textOf(o[name]);
  };
  const num = (path: string, o: Obj, name: string) => {
    from(path, o, name);
    return numberOf(o[name]);
  };

  const organization = isObj(s.organization) ? s.organization : undefined;
  const organisationId = textOf(s.organization_id) ?? textOf(organization?.id);
  from('organisationId', s.organization_id !== undefined || !organization ? s : organization, s.organization_id !== undefined || !organization ? 'organization_id' : 'id');

  const codes = (linkType: string, path: string, unknown: PathProblem['code']) =>
    attributes(s, linkType).map((a, i) => {
      from(`${path}.${i}`, a, 'taxonomy_term_id');
      const nested = isObj(a.taxonomy_term) ? textOf(a.taxonomy_term.code) : undefined;
      const code = nested ?? terms.get(textOf(a.taxonomy_term_id) ?? '')?.code;
      if (!code) problems.push({ path: [path, i], code: unknown, params: { value: textOf(a.taxonomy_term_id) ?? '' } });
      return code ?? '';
    });

  const locations = list(s.service_at_locations).flatMap((sal, i) => {
    const l = isObj(sal.location) ? sal.location : undefined;
    from(`locations.${i}`, sal, 'location_id');
    if (!l) {
      problems.push({ path: ['locations', i], code: 'missingReference', params: { value: textOf(sal.location_id) ?? '' } });
      return [];
    }
    const p = `locations.${i}`;
    const address = list(l.addresses)[0];
    const pcode = (type: string) => {
      const a = attributes(l, type)[0];
      if (a) from(`${p}.${type === 'admin1_pcode' ? 'admin1Pcode' : 'admin2Pcode'}`, a, 'value');
      return a ? textOf(a.value) : undefined;
    };
    return [
      defined({
        id: field(`${p}.id`, l, 'id'),
        locationType: field(`${p}.locationType`, l, 'location_type'),
        name: field(`${p}.name`, l, 'name'),
        description: field(`${p}.description`, l, 'description'),
        transportation: field(`${p}.transportation`, l, 'transportation'),
        latitude: num(`${p}.latitude`, l, 'latitude'),
        longitude: num(`${p}.longitude`, l, 'longitude'),
        admin1Pcode: pcode('admin1_pcode'),
        admin2Pcode: pcode('admin2_pcode'),
        confidential: attributes(l, CONFIDENTIAL_LINK_TYPE).some((a) => textOf(a.value) === 'true'),
        address: address
          ? defined({
              address1: field(`${p}.address.address1`, address, 'address_1'),
              address2: field(`${p}.address.address2`, address, 'address_2'),
              city: field(`${p}.address.city`, address, 'city'),
              region: field(`${p}.address.region`, address, 'region'),
              country: field(`${p}.address.country`, address, 'country'),
            })
          : undefined,
      }),
    ];
  });

  const capacity = list(s.capacities)[0];
  const unit = capacity ? (isObj(capacity.unit) ? textOf(capacity.unit.identifier) : textOf(capacity.unit)) : undefined;
  if (capacity) from('capacity', capacity, 'unit');

  const input = defined({
    serviceId: field('serviceId', s, 'id'),
    organisationId,
    name: field('name', s, 'name'),
    alternateName: field('alternateName', s, 'alternate_name'),
    description: field('description', s, 'description'),
    url: field('url', s, 'url'),
    email: field('email', s, 'email'),
    status: field('status', s, 'status'),
    visibility: attributes(s, VISIBILITY_LINK_TYPE).some((a) => textOf(a.value) === 'members') ? 'members' : 'public',
    interpretationServices: field('interpretationServices', s, 'interpretation_services'),
    applicationProcess: field('applicationProcess', s, 'application_process'),
    feesDescription: field('feesDescription', s, 'fees_description'),
    eligibilityDescription: field('eligibilityDescription', s, 'eligibility_description'),
    minimumAge: num('minimumAge', s, 'minimum_age'),
    maximumAge: num('maximumAge', s, 'maximum_age'),
    alert: field('alert', s, 'alert'),
    serviceTypes: codes('service_type', 'serviceTypes', 'unknownServiceType'),
    targetGroups: codes('target_group', 'targetGroups', 'unknownTargetGroup'),
    languages: list(s.languages).map((l, i) => field(`languages.${i}`, l, 'code') ?? ''),
    costs: list(s.cost_options).map((c, i) =>
      defined({ kind: field(`costs.${i}.kind`, c, 'option'), amount: num(`costs.${i}.amount`, c, 'amount') ?? null, description: field(`costs.${i}.description`, c, 'amount_description') ?? null }),
    ),
    phones: list(s.phones).map((ph, i) =>
      defined({
        number: field(`phones.${i}.number`, ph, 'number'),
        extension: num(`phones.${i}.extension`, ph, 'extension'),
        type: field(`phones.${i}.type`, ph, 'type'),
        description: field(`phones.${i}.description`, ph, 'description'),
        languages: list(ph.languages).map((l, j) => field(`phones.${i}.languages.${j}`, l, 'code') ?? ''),
      }),
    ),
    contacts: list(s.contacts).map((c, i) => {
      const phone = list(c.phones)[0];
      if (phone) from(`contacts.${i}.phone`, phone, 'number');
      return defined({
        name: field(`contacts.${i}.name`, c, 'name'),
        title: field(`contacts.${i}.title`, c, 'title'),
        department: field(`contacts.${i}.department`, c, 'department'),
        email: field(`contacts.${i}.email`, c, 'email'),
        phone: phone ? textOf(phone.number) : undefined,
      });
    }),
    schedules: list(s.schedules).map((sc, i) =>
      defined({
        days: (field(`schedules.${i}.days`, sc, 'byday') ?? '').split(',').map((d) => d.trim()).filter(Boolean),
        opensAt: field(`schedules.${i}.opensAt`, sc, 'opens_at'),
        closesAt: field(`schedules.${i}.closesAt`, sc, 'closes_at'),
        notes: field(`schedules.${i}.notes`, sc, 'notes'),
      }),
    ),
    coverage: list(s.service_areas).map((a, i) => field(`coverage.${i}`, a, 'extent') ?? textOf(attributes(a, 'admin1_pcode')[0]?.value) ?? textOf(attributes(a, 'admin2_pcode')[0]?.value) ?? ''),
    locations,
    capacity: capacity
      ? defined({ unit, available: num('capacity.available', capacity, 'available'), maximum: num('capacity.maximum', capacity, 'maximum'), description: field('capacity.description', capacity, 'description') })
      : null,
  });
  return { input, locate: locator(origins, where(s, 'id')), problems, verifiedOn: textOf(s.assured_date) };
}

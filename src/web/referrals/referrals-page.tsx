import './messages.ts';
import './referrals.css';
import { useQuery } from '@tanstack/preact-query';
import { useLocation, useRoute } from 'preact-iso/router';
import { useState } from 'preact/hooks';
import { INBOX_VIEWS, type InboxView } from '../../domain/referrals/schemas.ts';
import { useI18n } from '../i18n/i18n.ts';
import { formatNumber } from '../i18n/format.ts';
import { useSession } from '../identity/session-store.tsx';
import { type CurrentUser, hasAbility } from '../identity/session.ts';
import { Page } from '../shell/page.tsx';
import { QueryView } from '../ui/query-view.tsx';
import { viewKey } from './labels.ts';
import { type Direction, REFERRALS_PER_PAGE, listReferrals, referralKeys } from './referrals-api.ts';
import { ReferralRow } from './referral-row.tsx';

/** Views in the order a receiver works through them: what is new, then what is pressing. */
const VIEWS: Record<Direction, readonly InboxView[]> = { inbox: INBOX_VIEWS, sent: ['open', 'overdue', 'closed'] };

/** What this user may list: the inbox answers to `referral.respond`, the sent list to referring or reading cases. */
function sides(user: CurrentUser): { responds: boolean; refers: boolean } {
  return { responds: hasAbility(user, 'referral.respond'), refers: hasAbility(user, 'referral.create') || hasAbility(user, 'case.read') };
}

/** The provider's inbox: referrals to the user's organisation, by what needs doing (someone who only refers lands on what they sent). */
export function InboxPage() {
  const { state } = useSession();
  if (state.status !== 'signedIn') return null;
  const direction = sides(state.user).responds ? 'inbox' : 'sent';
  return <ReferralsList key={direction} direction={direction} />;
}

/** Referrals the user's organisation sent, to follow their answers and outcomes. */
export function SentPage() {
  const { state } = useSession();
  if (state.status !== 'signedIn') return null;
  const direction = sides(state.user).refers ? 'sent' : 'inbox';
  return <ReferralsList key={direction} direction={direction} />;
}

function ReferralsList({ direction }: { direction: Direction }) {
  const { locale, t } = useI18n();
  const { state } = useSession();
  const location = useLocation();
  const requested = useRoute().query.view as InboxView | undefined;
  const views = VIEWS[direction];
  const view = requested && views.includes(requested) ? requested : views[0]!;
  const [page, setPage] = useState(1);
  const query = useQuery({ queryKey: referralKeys.list(direction, view, page), queryFn: () => listReferrals(direction, view, page, locale) });
  if (state.status !== 'signedIn') return null;
  const { responds, refers } = sides(state.user);
  const base = direction === 'inbox' ? '/referrals' : '/referrals/sent';
  const counts = query.data?.counts;
  return (
    <Page id="referrals-title" title={t(direction === 'inbox' ? 'referrals.inbox.title' : 'referrals.sent.title')}>
      {responds && refers && (
        <nav class="referral-switch" aria-label={t('referrals.switchLabel')}>
          <a href="/referrals" aria-current={direction === 'inbox' ? 'page' : undefined}>
            {t('referrals.inbox.title')}
          </a>
          <a href="/referrals/sent" aria-current={direction === 'sent' ? 'page' : undefined}>
            {t('referrals.sent.title')}
          </a>
        </nav>
      )}
      <p class="hint">{t(direction === 'inbox' ? 'referrals.inbox.intro' : 'referrals.sent.intro')}</p>
      <nav class="referral-tabs" aria-label={t('referrals.viewsLabel')}>
        {views.map((v) => (
          <a
            key={v}
            href={`${base}?view=${v}`}
            aria-current={v === view ? 'page' : undefined}
            onClick={(e) => {
              e.preventDefault();
              setPage(1);
              location.route(`${base}?view=${v}`);
            }}
          >
            {t(viewKey(v))}{' '}
            {counts && <span class="referral-count">{formatNumber(locale, counts[v] ?? 0)}</span>}
          </a>
        ))}
      </nav>
      <QueryView query={query}>
        {(data) =>
          data.items.length === 0 ? (
            <p class="card">{t('referrals.none')}</p>
          ) : (
            <ul class="admin-list" aria-labelledby="referrals-title">
              {data.items.map((r) => (
                <ReferralRow key={r.id} referral={r} direction={direction} />
              ))}
            </ul>
          )
        }
      </QueryView>
      <p class="referral-pages">
        {page > 1 && (
          <button type="button" class="button button-secondary button-inline" onClick={() => setPage(page - 1)}>
            {t('referrals.previous')}
          </button>
        )}{' '}
        {query.data && page * REFERRALS_PER_PAGE < query.data.total && (
          <button type="button" class="button button-secondary button-inline" onClick={() => setPage(page + 1)}>
            {t('referrals.next')}
          </button>
        )}
      </p>
    </Page>
  );
}

import { lazy, Suspense, type ComponentType } from 'react';
import { createBrowserRouter, Outlet, type RouteObject } from 'react-router';
import { PublicLayout } from '../features/catalogue/components/PublicLayout';
import { PageLoader } from '../components/StateViews';
import { RequireAuth, RequireGuest, RequirePermission } from './guards';
import { loadAllTexts } from '../lib/i18n';
import { useSessionStatus } from '../lib/session';

/** A page component loaded on first visit, whose code (and texts) can be asked for ahead of rendering. */
type PageComponent = ComponentType & { preload: () => Promise<unknown> };

/**
 * Every page (and the signed-in shell) is its own chunk, loaded when first visited: a signed-out
 * visitor of the catalogue downloads neither the organizer's tools nor the charts. The layouts show
 * a loader in their Suspense boundary while a page's chunk arrives; navigations run in a transition,
 * so the page being left stays on screen until the next one is ready. `preload` fetches a page ahead
 * (main.tsx does it for the first page, in parallel with the rest): once it has arrived the page
 * renders at once, without suspending.
 */
function page<K extends string>(
  load: () => Promise<Record<K, ComponentType>>,
  name: K,
  /** Most pages wait for all the language's texts; the catalogue and product pages need the public ones. */
  texts: 'all' | 'public' = 'all',
): PageComponent {
  let loaded: ComponentType | undefined;
  let loading: Promise<ComponentType> | undefined;
  const preload = () =>
    (loading ??= Promise.all([load(), texts === 'all' ? loadAllTexts() : null]).then(([module]) => {
      loaded = module[name];
      return loaded;
    }));
  const Lazy = lazy(() => preload().then((component) => ({ default: component })));
  function Page() {
    const Loaded = loaded;
    return Loaded ? <Loaded /> : <Lazy />;
  }
  Page.displayName = name;
  Page.preload = preload;
  return Page;
}

const AcceptInvitationPage = page(
  () => import('../features/auth/pages/AcceptInvitationPage'),
  'AcceptInvitationPage',
);
const ForgotPasswordPage = page(
  () => import('../features/auth/pages/ForgotPasswordPage'),
  'ForgotPasswordPage',
);
const LoginPage = page(() => import('../features/auth/pages/LoginPage'), 'LoginPage');
const RegisterPage = page(() => import('../features/auth/pages/RegisterPage'), 'RegisterPage');
const ResetPasswordPage = page(() => import('../features/auth/pages/ResetPasswordPage'), 'ResetPasswordPage');
const VerifyEmailPage = page(() => import('../features/auth/pages/VerifyEmailPage'), 'VerifyEmailPage');
const AccountPage = page(() => import('../features/privacy/pages/AccountPage'), 'AccountPage');
const PrivacyNoticePage = page(
  () => import('../features/privacy/pages/PrivacyNoticePage'),
  'PrivacyNoticePage',
);
const MyCompanyPage = page(() => import('../features/companies/pages/MyCompanyPage'), 'MyCompanyPage');
const TeamPage = page(() => import('../features/companies/pages/TeamPage'), 'TeamPage');
const CompanyProfilePage = page(
  () => import('../features/exhibitor-profile/pages/CompanyProfilePage'),
  'CompanyProfilePage',
);
const BuyerProfilePage = page(
  () => import('../features/buyer-profile/pages/BuyerProfilePage'),
  'BuyerProfilePage',
);
const DashboardPage = page(() => import('../features/home/pages/DashboardPage'), 'DashboardPage');
const NotFoundPage = page(() => import('../features/home/pages/NotFoundPage'), 'NotFoundPage');
const NotificationsPage = page(
  () => import('../features/notifications/pages/NotificationsPage'),
  'NotificationsPage',
);
const ModerationPage = page(() => import('../features/moderation/pages/ModerationPage'), 'ModerationPage');
const MyProductsPage = page(() => import('../features/products/pages/MyProductsPage'), 'MyProductsPage');
const ProductEditorPage = page(
  () => import('../features/products/pages/ProductEditorPage'),
  'ProductEditorPage',
);
const ApprovalQueuePage = page(
  () => import('../features/organizer/pages/ApprovalQueuePage'),
  'ApprovalQueuePage',
);
const StaffInvitationsPage = page(
  () => import('../features/organizer/pages/StaffInvitationsPage'),
  'StaffInvitationsPage',
);
const CataloguePage = page(
  () => import('../features/catalogue/pages/CataloguePage'),
  'CataloguePage',
  'public',
);
const ExhibitorPage = page(() => import('../features/catalogue/pages/ExhibitorPage'), 'ExhibitorPage');
const ProductPage = page(() => import('../features/catalogue/pages/ProductPage'), 'ProductPage', 'public');
const InquiriesPage = page(() => import('../features/inquiries/pages/InquiriesPage'), 'InquiriesPage');
const ApplyBoothPage = page(() => import('../features/booths/pages/ApplyBoothPage'), 'ApplyBoothPage');
const BoothManagementPage = page(
  () => import('../features/booths/pages/BoothManagementPage'),
  'BoothManagementPage',
);
const BoothPosterPage = page(() => import('../features/booths/pages/BoothPosterPage'), 'BoothPosterPage');
const FairEditorPage = page(() => import('../features/fairs/pages/FairEditorPage'), 'FairEditorPage');
const FairPage = page(() => import('../features/fairs/pages/FairPage'), 'FairPage');
const FairsPage = page(() => import('../features/fairs/pages/FairsPage'), 'FairsPage');
const OrganizerFairsPage = page(
  () => import('../features/fairs/pages/OrganizerFairsPage'),
  'OrganizerFairsPage',
);
const MeetingFairsPage = page(
  () => import('../features/meeting-admin/pages/MeetingFairsPage'),
  'MeetingFairsPage',
);
const MeetingsOverviewPage = page(
  () => import('../features/meeting-admin/pages/MeetingsOverviewPage'),
  'MeetingsOverviewPage',
);
const TablesPage = page(() => import('../features/meeting-admin/pages/TablesPage'), 'TablesPage');
const InterpretersPage = page(
  () => import('../features/meeting-admin/pages/InterpretersPage'),
  'InterpretersPage',
);
const HostedBuyersPage = page(
  () => import('../features/meeting-admin/pages/HostedBuyersPage'),
  'HostedBuyersPage',
);
const SchedulePage = page(() => import('../features/scheduling/pages/SchedulePage'), 'SchedulePage');
const CheckinPage = page(() => import('../features/meetings/pages/CheckinPage'), 'CheckinPage');
const MeetingOutcomePage = page(
  () => import('../features/meetings/pages/MeetingOutcomePage'),
  'MeetingOutcomePage',
);
const MeetingLinkPage = page(() => import('../features/meetings/pages/MeetingLinkPage'), 'MeetingLinkPage');
const MeetingsInboxPage = page(
  () => import('../features/meetings/pages/MeetingsInboxPage'),
  'MeetingsInboxPage',
);
const RequestMeetingPage = page(
  () => import('../features/meetings/pages/RequestMeetingPage'),
  'RequestMeetingPage',
);
const RecommendationsPage = page(
  () => import('../features/matchmaking/pages/RecommendationsPage'),
  'RecommendationsPage',
);
const AgendaIndexPage = page(() => import('../features/agenda/pages/AgendaPage'), 'AgendaIndexPage');
const AgendaPage = page(() => import('../features/agenda/pages/AgendaPage'), 'AgendaPage');
const ContractDetailPage = page(
  () => import('../features/deals/pages/ContractDetailPage'),
  'ContractDetailPage',
);
const ContractsPage = page(() => import('../features/deals/pages/ContractsPage'), 'ContractsPage');
const EditContractPage = page(() => import('../features/deals/pages/EditContractPage'), 'EditContractPage');
const NewContractPage = page(() => import('../features/deals/pages/NewContractPage'), 'NewContractPage');
const PipelinePage = page(() => import('../features/deals/pages/PipelinePage'), 'PipelinePage');
const SamplesPage = page(() => import('../features/deals/pages/SamplesPage'), 'SamplesPage');
const FxRatesPage = page(() => import('../features/dashboard/pages/FxRatesPage'), 'FxRatesPage');
const OrganizerDashboardPage = page(
  () => import('../features/dashboard/pages/OrganizerDashboardPage'),
  'OrganizerDashboardPage',
);
const DataExchangePage = page(
  () => import('../features/data-exchange/pages/DataExchangePage'),
  'DataExchangePage',
);
const AppLayout = page(() => import('./layout/AppLayout'), 'AppLayout');
const AuthLayout = page(() => import('./layout/AuthLayout'), 'AuthLayout', 'public');
// Live updates are for signed-in people: a visitor of the catalogue downloads no socket client.
const RealtimeBridge = page(() => import('./RealtimeBridge'), 'RealtimeBridge');

function Root() {
  const status = useSessionStatus();
  return (
    <>
      {status === 'authenticated' && (
        <Suspense fallback={null}>
          <RealtimeBridge />
        </Suspense>
      )}
      {/* Catches the pages outside a layout (poster, not found) and a layout's own first load. */}
      <Suspense fallback={<PageLoader />}>
        <Outlet />
      </Suspense>
    </>
  );
}

export const routes: RouteObject[] = [
  {
    element: <Root />,
    children: [
      {
        element: <AuthLayout />,
        children: [
          {
            element: <RequireGuest />,
            children: [
              { path: '/login', element: <LoginPage /> },
              { path: '/register', element: <RegisterPage /> },
              { path: '/forgot-password', element: <ForgotPasswordPage /> },
              { path: '/reset-password', element: <ResetPasswordPage /> },
            ],
          },
          // Reached from e-mail links, signed in or not.
          { path: '/verify-email', element: <VerifyEmailPage /> },
          { path: '/invite/:token', element: <AcceptInvitationPage /> },
        ],
      },
      // The public catalogue: no sign-in needed (QR codes lead here).
      {
        element: <PublicLayout />,
        children: [
          { path: '/catalogue', element: <CataloguePage /> },
          { path: '/p/:slug', element: <ProductPage /> },
          { path: '/e/:companyId', element: <ExhibitorPage /> },
          { path: '/fairs', element: <FairsPage /> },
          { path: '/fairs/:slug', element: <FairPage /> },
          { path: '/privacy', element: <PrivacyNoticePage /> },
        ],
      },
      {
        element: <RequireAuth />,
        children: [
          {
            element: <AppLayout />,
            children: [
              { path: '/', element: <DashboardPage /> },
              { path: '/company', element: <MyCompanyPage /> },
              { path: '/company/team', element: <TeamPage /> },
              { path: '/company/profile', element: <CompanyProfilePage /> },
              { path: '/company/buyer-profile', element: <BuyerProfilePage /> },
              { path: '/meetings', element: <MeetingsInboxPage /> },
              { path: '/meetings/new', element: <RequestMeetingPage /> },
              { path: '/meetings/:id', element: <MeetingLinkPage /> },
              { path: '/meetings/:id/outcome', element: <MeetingOutcomePage /> },
              { path: '/matchmaking', element: <RecommendationsPage /> },
              { path: '/agenda', element: <AgendaIndexPage /> },
              { path: '/agenda/:fairId', element: <AgendaPage /> },
              { path: '/checkin/:code', element: <CheckinPage /> },
              { path: '/deals/pipeline', element: <PipelinePage /> },
              { path: '/deals/samples', element: <SamplesPage /> },
              { path: '/deals/contracts', element: <ContractsPage /> },
              { path: '/deals/contracts/new', element: <NewContractPage /> },
              { path: '/deals/contracts/:id', element: <ContractDetailPage /> },
              { path: '/deals/contracts/:id/edit', element: <EditContractPage /> },
              { path: '/notifications', element: <NotificationsPage /> },
              { path: '/account', element: <AccountPage /> },
              {
                element: <RequirePermission permission="booths.apply" />,
                children: [{ path: '/booths/apply', element: <ApplyBoothPage /> }],
              },
              {
                element: <RequirePermission permission="fairs.read" />,
                children: [
                  { path: '/organizer/fairs', element: <OrganizerFairsPage /> },
                  { path: '/organizer/fairs/new', element: <FairEditorPage /> },
                  { path: '/organizer/fairs/:id', element: <FairEditorPage /> },
                  { path: '/organizer/fairs/:id/booths', element: <BoothManagementPage /> },
                  { path: '/organizer/meetings', element: <MeetingFairsPage /> },
                  { path: '/organizer/fairs/:id/meetings', element: <MeetingsOverviewPage /> },
                  { path: '/organizer/fairs/:id/tables', element: <TablesPage /> },
                  { path: '/organizer/fairs/:id/interpreters', element: <InterpretersPage /> },
                  { path: '/organizer/fairs/:id/buyers', element: <HostedBuyersPage /> },
                  { path: '/organizer/fairs/:id/schedule', element: <SchedulePage /> },
                  { path: '/organizer/fx-rates', element: <FxRatesPage /> },
                  { path: '/organizer/dashboard', element: <OrganizerDashboardPage /> },
                ],
              },
              { path: '/inquiries', element: <InquiriesPage /> },
              { path: '/products', element: <MyProductsPage /> },
              { path: '/products/new', element: <ProductEditorPage /> },
              { path: '/products/:id', element: <ProductEditorPage /> },
              {
                element: <RequirePermission permission="companies.list" />,
                children: [{ path: '/organizer/moderation', element: <ModerationPage /> }],
              },
              {
                element: <RequirePermission permission="companies.list" />,
                children: [{ path: '/organizer/companies', element: <ApprovalQueuePage /> }],
              },
              {
                element: <RequirePermission permission="fairs.manage" />,
                children: [{ path: '/organizer/data', element: <DataExchangePage /> }],
              },
              {
                element: <RequirePermission permission="staff.invite" />,
                children: [{ path: '/organizer/staff', element: <StaffInvitationsPage /> }],
              },
            ],
          },
        ],
      },
      // Printable A4 booth poster: public, no app chrome.
      { path: '/booths/:id/poster', element: <BoothPosterPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export const createRouter = () => createBrowserRouter(routes);

/**
 * Fetches the code (and texts) of the layouts and page the router shows, all at once: main.tsx calls
 * it before the first render, so they come in parallel rather than one after the other as each renders.
 */
export function preloadMatches(matches: readonly { route: RouteObject }[]): Promise<unknown> {
  return Promise.all(
    matches.map(({ route }) => {
      const type = (route.element as { type?: Partial<PageComponent> } | undefined)?.type;
      return typeof type?.preload === 'function' ? type.preload() : null;
    }),
  );
}
